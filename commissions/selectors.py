"""Every non-trivial read of commissions: the plan in force, the period a day falls in, a broker's measure
in a period, who sees which commission, and what a commission is worth (the sum of its entries)."""

from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from commissions.models import (
    Commission,
    CommissionEntry,
    CommissionPlan,
    CommissionRole,
    CommissionStatus,
    CommissionTier,
    PlanBasis,
    PlanPeriod,
)

FIRST_MONTH_OF_PERIOD = {PlanPeriod.MONTH: None, PlanPeriod.QUARTER: 3, PlanPeriod.YEAR: 12}


def plan_in_force(*, broker, on: date) -> CommissionPlan | None:
    """The broker's own plan in force on `on`, else the plan for every broker; None when staff set none."""
    in_force = (
        CommissionPlan.objects.filter(valid_from__lte=on)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .prefetch_related("tiers")
    )
    return (
        in_force.filter(broker=broker).order_by("-valid_from").first()
        or in_force.filter(broker__isnull=True).order_by("-valid_from").first()
    )


def period_start(*, period: str, on: date) -> date:
    if period == PlanPeriod.MONTH:
        return on.replace(day=1)
    months = FIRST_MONTH_OF_PERIOD[period]
    return on.replace(month=(on.month - 1) // months * months + 1, day=1)


def tier_for(*, plan: CommissionPlan, measure: Decimal) -> CommissionTier:
    """The tier whose threshold is the highest at or below `measure` (the lowest tier below them all)."""
    tiers = sorted(plan.tiers.all(), key=lambda tier: tier.threshold)
    reached = [tier for tier in tiers if tier.threshold <= measure]
    return reached[-1] if reached else tiers[0]


def broker_closed_in_period(*, broker, start: date, until: date) -> QuerySet[Commission]:
    """The broker's closing commissions of deals completed from `start` to `until`, in completion order;
    reversed ones do not count towards a tier."""
    return (
        Commission.objects.filter(broker=broker, role=CommissionRole.CLOSING, period_start=start)
        .filter(completed_on__lte=until)
        .exclude(status=CommissionStatus.REVERSED)
        .order_by("completed_on", "deal_id")
    )


def broker_measure(*, plan: CommissionPlan, commissions: QuerySet[Commission]) -> Decimal:
    """Deals counted or CAD summed, per the plan's basis."""
    if plan.basis == PlanBasis.DEALS:
        return Decimal(commissions.count())
    return commissions.aggregate(total=Sum("base_cad"))["total"] or Decimal(0)


def commission_amount(*, commission: Commission) -> Decimal:
    return commission.entries.aggregate(total=Sum("amount_cad"))["total"] or Decimal(0)


def commission_list_for_user(*, user) -> QuerySet[Commission]:
    """Staff see every commission; a broker its own; a dealer those on its deals; a buyer none."""
    commissions = Commission.objects.select_related("deal", "broker", "plan", "tier")
    if user.is_platform_staff:
        return commissions
    if user.is_broker:
        return commissions.filter(broker=user)
    if user.is_dealer:
        return commissions.filter(deal__dealer=user)
    return commissions.none()


def commission_entries(*, commission: Commission) -> QuerySet[CommissionEntry]:
    return commission.entries.order_by("created_at", "id")
