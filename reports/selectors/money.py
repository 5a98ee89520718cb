"""Money reports: revenue from the payments ledger, payment success by rail and by country, commissions."""

from decimal import Decimal

from django.db.models import Count, DateField, F, Q, Sum
from django.db.models.functions import Trunc
from django_countries import countries

from accounts.models import User
from commissions.models import Commission, CommissionEntry, CommissionStatus, EntryKind
from nzila_export.periods import Period
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentMethod, PaymentStatus
from reports.scopes import ReportScope
from reports.selectors.figures import cad, money, share, zero_if_none

INTERVALS = ("day", "month")
FIGURES = ("charged", "refunded", "net", "net_cad", "entries")
SUCCESS_FIGURES = ("attempts", "succeeded", "failed", "captured_cad")
# A payment succeeded when its money was captured, whatever happened to it after (a refund, a dispute).
SUCCEEDED_STATUSES = [
    PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED, PaymentStatus.DISPUTED,
]  # fmt: skip


def report_revenue(*, scope: ReportScope, period: Period, interval: str) -> dict:
    """The money that moved (the ledger: charges in, refunds, fees and disputes out), by day or month of the
    entry and by currency, with its CAD value at each payment's own rate; and the totals per currency, added
    up from those groups (one pass over the ledger)."""
    entries = LedgerEntry.objects.filter(scope.deals("deal__"), period.moments("created_at"))
    rows = list(
        entries.annotate(period=Trunc("created_at", interval, output_field=DateField()))
        .values("period", "currency")
        .annotate(
            charged=zero_if_none(Sum("amount", filter=Q(kind=LedgerEntryKind.CHARGE))),
            refunded=zero_if_none(Sum("amount", filter=Q(kind=LedgerEntryKind.REFUND))),
            net=zero_if_none(Sum("amount")),
            net_cad=zero_if_none(Sum("amount_cad")),
            entries=Count("id"),
        )
        .order_by("period", "currency")
    )
    totals: dict[str, dict] = {}
    for row in rows:
        total = totals.setdefault(row["currency"], dict.fromkeys(FIGURES, 0) | {"currency": row["currency"]})
        for figure in FIGURES:
            total[figure] += row[figure]
    date_format = "%Y-%m-%d" if interval == "day" else "%Y-%m"
    return {
        "interval": interval,
        "rows": [{"period": row["period"].strftime(date_format), **_revenue_figures(row)} for row in rows],
        "totals": [_revenue_figures(totals[currency]) for currency in sorted(totals)],
        "total_cad": cad(sum((total["net_cad"] for total in totals.values()), start=Decimal(0))),
    }


def _revenue_figures(row: dict) -> dict:
    currency = row["currency"]
    return {
        "currency": currency, "charged": money(row["charged"], currency), "refunded": money(row["refunded"], currency),
        "net": money(row["net"], currency), "net_cad": cad(row["net_cad"]), "entries": row["entries"],
    }  # fmt: skip


def report_payments(*, scope: ReportScope, period: Period) -> dict:
    """Payments made in the period, by rail and by the deal's destination country: attempts, succeeded,
    failed, still open (pending, awaiting 3-D Secure, held for review), the success rate of those settled
    (succeeded / (succeeded + failed)) and the CAD captured. One pass, grouped by rail and country; each
    view adds up those groups."""
    groups = (
        Payment.objects.filter(scope.deals("deal__"), period.moments("created_at"))
        .values("method", country=F("deal__destination_country"))
        .annotate(
            attempts=Count("id"),
            succeeded=Count("id", filter=Q(status__in=SUCCEEDED_STATUSES)),
            failed=Count("id", filter=Q(status=PaymentStatus.FAILED)),
            captured_cad=zero_if_none(Sum("amount_cad", filter=Q(status__in=SUCCEEDED_STATUSES))),
        )
        .order_by()
    )
    by_rail: dict[str, dict] = {}
    by_country: dict[str, dict] = {}
    for row in groups:
        for totals, key in ((by_rail, row["method"]), (by_country, row["country"])):
            total = totals.setdefault(key, dict.fromkeys(SUCCESS_FIGURES, 0))
            for figure in SUCCESS_FIGURES:
                total[figure] += row[figure]
    methods = dict(PaymentMethod.choices)
    return {
        "by_rail": [
            {"rail": method, "rail_name": str(methods.get(method, method)), **_success(by_rail[method])}
            for method in sorted(by_rail)
        ],
        "by_country": [
            {"country": country, "country_name": countries.name(country), **_success(by_country[country])}
            for country in sorted(by_country)
        ],
    }


def _success(row: dict) -> dict:
    settled = row["succeeded"] + row["failed"]
    return {
        "attempts": row["attempts"], "succeeded": row["succeeded"], "failed": row["failed"],
        "open": row["attempts"] - settled, "success_rate": share(row["succeeded"], settled),
        "captured_cad": cad(row["captured_cad"]),
    }  # fmt: skip


def report_commissions(*, scope: ReportScope, period: Period) -> dict:
    """The commissions of the deals completed in the period, in CAD (each the sum of its entries): by status,
    and by broker what was earned (every commission not reversed) and what of it is paid. One pass over the
    entries grouped by broker and status (a commission has exactly one accrual entry: it counts them), then
    the brokers' names."""
    groups = list(
        CommissionEntry.objects.filter(commission__in=Commission.objects.filter(scope.commissions(),
                                                                               period.days("completed_on")))
        .values(broker=F("commission__broker_id"), status=F("commission__status"))
        .annotate(
            commissions=Count("id", filter=Q(kind=EntryKind.ACCRUAL)), amount_cad=zero_if_none(Sum("amount_cad"))
        )
        .order_by()
    )  # fmt: skip
    by_status = {status: {"commissions": 0, "amount_cad": Decimal(0)} for status in CommissionStatus.values}
    by_broker: dict[int, dict] = {}
    for row in groups:
        by_status[row["status"]]["commissions"] += row["commissions"]
        by_status[row["status"]]["amount_cad"] += row["amount_cad"]
        broker = by_broker.setdefault(row["broker"], {"commissions": 0, "earned": Decimal(0), "paid": Decimal(0)})
        broker["commissions"] += row["commissions"]
        if row["status"] != CommissionStatus.REVERSED:
            broker["earned"] += row["amount_cad"]
        if row["status"] == CommissionStatus.PAID:
            broker["paid"] += row["amount_cad"]
    brokers = User.objects.filter(pk__in=by_broker).values_list("pk", "company_name", "username")
    names = {pk: company_name or username for pk, company_name, username in brokers}
    statuses = dict(CommissionStatus.choices)
    return {
        "by_status": [
            {
                "status": status,
                "status_name": str(statuses[status]),
                "commissions": figures["commissions"],
                "amount_cad": cad(figures["amount_cad"]),
            }
            for status, figures in by_status.items()
        ],
        "by_broker": [
            {
                "broker": pk,
                "broker_name": names.get(pk, ""),
                "commissions": figures["commissions"],
                "earned_cad": cad(figures["earned"]),
                "paid_cad": cad(figures["paid"]),
            }
            for pk, figures in sorted(by_broker.items(), key=lambda item: (-item[1]["earned"], item[0]))
        ],
        "earned_cad": cad(sum(figures["earned"] for figures in by_broker.values())),
    }
