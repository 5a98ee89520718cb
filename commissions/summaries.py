"""What commissions add up to, in CAD: each commission's amount beside it on a list, and a broker's year."""

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, ExtractMonth

from commissions.models import (
    CAD_DIGITS,
    CAD_PLACES,
    Commission,
    CommissionEntry,
    CommissionStatus,
    Payout,
    PayoutStatus,
)
from currencies.money import REFERENCE_CURRENCY

CAD = DecimalField(max_digits=CAD_DIGITS, decimal_places=CAD_PLACES)
ZERO = Decimal("0.00")
# The figures of a summary taken from the entries: the amounts of the commissions in each status.
STATUS_FIGURES = {
    "pending": CommissionStatus.PENDING,
    "approved": CommissionStatus.APPROVED,
    "held": CommissionStatus.HELD,
}
FIGURES = ["earned", *STATUS_FIGURES, "paid"]


def commissions_with_amount(*, commissions: QuerySet[Commission]) -> QuerySet[Commission]:
    """`amount_cad` on each commission, the sum of its entries (commissions.selectors.commission_amount), in
    the list's own query."""
    total = (
        CommissionEntry.objects.filter(commission=OuterRef("pk"))
        .order_by()
        .values("commission")
        .annotate(total=Sum("amount_cad"))
        .values("total")
    )
    return commissions.annotate(amount_cad=Coalesce(Subquery(total, output_field=CAD), Value(ZERO), output_field=CAD))


def broker_summary(*, broker, year: int) -> dict:
    """The broker's commissions on the deals completed in `year`: what it earned (every commission not
    reversed), how much of it is pending, approved (not yet paid) and held, and what its succeeded payouts
    paid; in the year and month by month (January to December, a month without a commission at zero)."""
    of_year = {"commission__broker": broker, "commission__completed_on__year": year}
    month = ExtractMonth("commission__completed_on")
    entries = (
        CommissionEntry.objects.filter(**of_year)
        .exclude(commission__status=CommissionStatus.REVERSED)
        .annotate(month=month)
        .order_by("month")
        .values("month")
        .annotate(
            earned=Sum("amount_cad"),
            **{name: Sum("amount_cad", filter=Q(commission__status=status)) for name, status in STATUS_FIGURES.items()},
        )
    )
    payouts = (
        Payout.objects.filter(status=PayoutStatus.SUCCEEDED, **of_year)
        .annotate(month=month)
        .order_by("month")
        .values("month")
        .annotate(paid=Sum("amount_cad"))
    )
    found = {number: {} for number in range(1, 13)}
    for row in [*entries, *payouts]:
        found[row.pop("month")].update(row)
    by_month = [
        {"month": f"{year:04d}-{number:02d}", **{name: figures.get(name) or ZERO for name in FIGURES}}
        for number, figures in found.items()
    ]
    totals = {name: sum((figures[name] for figures in by_month), ZERO) for name in FIGURES}
    return {"broker": broker.pk, "year": year, "currency": REFERENCE_CURRENCY, **totals, "by_month": by_month}
