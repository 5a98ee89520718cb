"""The pipeline: leads and deals by status, how far the deals got (each stage reached, the share of those
that reached the stage before), and how long deals stayed in each stage."""

from decimal import Decimal

from django.db.models import BooleanField, Count, ExpressionWrapper, F, FloatField, Func, Q, Sum

from deals.models import Deal, DealEvent, DealStatus
from leads.models import Lead, LeadStatus
from nzila_export.periods import Period
from reports.scopes import ReportScope
from reports.selectors.figures import days, share

# The stages a deal goes through, in order (deals.models.DEAL_MOVES: one step at a time); cancelled is a way out.
DEAL_STAGES = [status for status in DealStatus.values if status != DealStatus.CANCELLED]


def _epoch(field: str) -> Func:
    """Seconds since 1970 of a moment, with no time zone in between (an hour lost to daylight saving is lost).
    A double: summed over 100,000 moves it is exact to a tenth of a second, and sums much faster than numeric."""
    return Func(F(field), template="date_part('epoch', %(expressions)s)", output_field=FloatField())


def _status_counts(rows, statuses, **more) -> dict:
    counts = {status: Count("id", filter=Q(status=status)) for status in statuses}
    return rows.aggregate(total=Count("id"), **counts, **more)


def _deal_moves(*, scope: ReportScope, period: Period) -> list[dict]:
    """The moves of the deals opened in the period, grouped by stage left, stage entered and whether the deal is
    still in the stage entered: how many, and the sum of their moments. A hold or release is in the timeline
    too, with no from_status: not a move."""
    still_there = ExpressionWrapper(Q(deal__status=F("to_status")), output_field=BooleanField())
    return list(
        DealEvent.objects.filter(scope.deals("deal__"), period.moments("deal__created_at"))
        .exclude(from_status="")
        .values("from_status", "to_status", still_there=still_there)
        .annotate(moves=Count("id"), seconds=Sum(_epoch("created_at")))
        .order_by()
    )


def report_pipeline(*, scope: ReportScope, period: Period) -> dict:
    """Leads and deals opened in the period, by their status now; the deals' stages: how many reached each (a
    deal that moved on reached it too), the share of the stage before, how many left it and their average
    days in it; and how many reached cancelled.

    A deal enters and leaves each stage at most once (DEAL_MOVES: forward, one step at a time), so the time the
    deals that left a stage spent in it is the sum of their moves out less the sum of their moves in: those of
    every deal that entered it but the deals still in it (for the first stage, their opening). No window over
    each deal's timeline: one pass over the moves, grouped."""
    leads = Lead.objects.filter(scope.deals(), period.moments("created_at"))
    deals = Deal.objects.filter(scope.deals(), period.moments("created_at"))
    lead_counts = _status_counts(leads, LeadStatus.values)
    deal_counts = _status_counts(
        deals, DealStatus.values, opened_left=Sum(_epoch("created_at"), filter=~Q(status=DealStatus.DRAFT))
    )
    moves = _deal_moves(scope=scope, period=period)
    stages, reached_before = [], None
    for stage in DEAL_STAGES:
        entering = [row for row in moves if row["to_status"] == stage]
        leaving = [row for row in moves if row["from_status"] == stage]
        reached = deal_counts["total"] if stage == DealStatus.DRAFT else sum(row["moves"] for row in entering)
        entered_at = (
            deal_counts["opened_left"] or 0.0
            if stage == DealStatus.DRAFT
            else sum((row["seconds"] for row in entering if not row["still_there"]), start=0.0)
        )
        left = sum(row["moves"] for row in leaving)
        left_at = sum((row["seconds"] for row in leaving), start=0.0)
        stages.append({
            "stage": stage, "reached": reached,
            "conversion": None if reached_before is None else share(reached, reached_before),
            "left": left, "average_days": days(Decimal(left_at - entered_at) / left) if left else None,
        })  # fmt: skip
        reached_before = reached
    converted = lead_counts[LeadStatus.CONVERTED]
    return {
        "leads": [{"status": status, "count": lead_counts[status]} for status in LeadStatus.values],
        "deals": [{"status": status, "count": deal_counts[status]} for status in DealStatus.values],
        "lead_conversion": {
            "leads": lead_counts["total"],
            "converted": converted,
            "rate": share(converted, lead_counts["total"]),
        },
        "stages": stages,
        "cancelled": sum(row["moves"] for row in moves if row["to_status"] == DealStatus.CANCELLED),
    }
