"""What price guidance reads of the market when it prices a car: its comparables (the rule), the demand for
cars like it, and similar cars that sold. Read-only, one query each (the comparables take one more for each
level they fall back: a model the platform has too few of, then a make)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.db.models import Aggregate, Count, F, FloatField, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Abs, Coalesce
from django.utils import timezone

from deals.models import Deal, DealStatus
from leads.models import Lead
from ml.price_guidance.comparables import MIN_COMPARABLES, RULE_QUANTILES, YEAR_BAND, Level
from vehicles.models import CLOSED_STATUSES, Vehicle, VehicleStatus, ViewHistory

DEMAND_DAYS = 90
SIMILAR_SOLD = 5
SIMILAR_SOLD_YEARS = 2
# A deal at one of these has been paid for: the car was sold (vehicles.VehicleStatus.SOLD follows the payment).
SOLD_DEAL_STATUSES = [DealStatus.PAID, DealStatus.IN_TRANSIT, DealStatus.DELIVERED, DealStatus.COMPLETED]


class Percentiles(Aggregate):
    """PostgreSQL's percentile_cont at RULE_QUANTILES: interpolated as numpy's quantile interpolates, so that
    the rule prices a car here as the held-out evaluation priced it in memory."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(fractions)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = ArrayField(FloatField())

    def __init__(self, expression, **extra):
        fractions = ", ".join(str(fraction) for fraction in RULE_QUANTILES)
        super().__init__(expression, fractions=f"ARRAY[{fractions}]::float8[]", **extra)


@dataclass(frozen=True)
class Comparables:
    level: str  # a comparables.Level
    count: int
    low: float | None  # None when there are none
    median: float | None
    high: float | None


def price_comparables(*, vehicle: Vehicle) -> Comparables:
    """The published listings (the car's own left out) the rule compares `vehicle` with, as
    ml.price_guidance.comparables finds them, and their RULE_QUANTILES of price in CAD. One query when the car
    has enough comparables of its make and model (the make's index), one more per level it falls back."""
    listings = Vehicle.objects.filter(published_at__isnull=False, price_cad__gt=0).exclude(pk=vehicle.pk)
    of_make = listings.filter(make__iexact=vehicle.make.strip())
    levels = (
        (Level.MAKE_MODEL_YEAR, of_make.filter(
            model__iexact=vehicle.model.strip(), year__range=(vehicle.year - YEAR_BAND, vehicle.year + YEAR_BAND)
        )),
        (Level.MAKE, of_make),
        (Level.ALL, listings),
    )  # fmt: skip
    for level, comparables in levels:
        found = comparables.aggregate(count=Count("pk"), quantiles=Percentiles("price_cad"))
        if found["count"] >= MIN_COMPARABLES or level == Level.ALL:
            return Comparables(level, found["count"], *(found["quantiles"] or (None, None, None)))


@dataclass(frozen=True)
class MarketDemand:
    days: int
    listings: int  # of the make and model, on the market at some time in the window
    views: int
    inquiries: int

    @property
    def views_per_listing(self) -> float:
        return round(self.views / self.listings, 2) if self.listings else 0.0

    @property
    def inquiries_per_listing(self) -> float:
        return round(self.inquiries / self.listings, 2) if self.listings else 0.0


def _count_per_vehicle(rows, *, since: datetime, at: str):
    counted = rows.filter(vehicle=OuterRef("pk"), **{f"{at}__gte": since}).order_by()
    return Coalesce(Subquery(counted.values("vehicle").annotate(count=Count("pk")).values("count")), Value(0))


def market_demand(*, vehicle: Vehicle, now: datetime) -> MarketDemand:
    """The detail views and inquiries of the last DEMAND_DAYS for listings of `vehicle`'s make and model (its
    own included), over those listings on the market at some time in that window: published by its end and
    not closed (sold or archived) before its start. One query: each listing's counts by its own index."""
    since = now - timedelta(days=DEMAND_DAYS)
    listings = (
        Vehicle.objects.filter(
            make__iexact=vehicle.make.strip(), model__iexact=vehicle.model.strip(), published_at__lte=now
        )
        .exclude(status=VehicleStatus.DRAFT)
        .exclude(status__in=CLOSED_STATUSES, updated_at__lt=since)
    )
    found = listings.annotate(
        view_count=_count_per_vehicle(ViewHistory.objects, since=since, at="viewed_at"),
        inquiry_count=_count_per_vehicle(Lead.objects, since=since, at="created_at"),
    ).aggregate(listings=Count("pk"), views=Sum("view_count"), inquiries=Sum("inquiry_count"))
    return MarketDemand(
        days=DEMAND_DAYS, listings=found["listings"], views=found["views"] or 0, inquiries=found["inquiries"] or 0
    )


@dataclass(frozen=True)
class SoldVehicle:
    year: int
    make: str
    model: str
    mileage_km: int
    condition: str
    province: str
    price_cad: Decimal  # the asking price: the agreed one is the dealers' business
    listed_on: date
    sold_on: date  # the deal opened: the buyer agreed to buy
    days_to_sell: int


def similar_sold_vehicles(*, vehicle: Vehicle) -> list[SoldVehicle]:
    """Up to SIMILAR_SOLD cars of `vehicle`'s make and model within SIMILAR_SOLD_YEARS model years of it that
    sold (their listing is sold and their deal paid for), the closest in year first, then the latest sold.
    Days to sell run from the listing's publication (its creation if it has none) to the opening of its deal:
    the day the buyer agreed to buy, which is the sale the dealer made; the payment follows the documents and
    says more about the buyer's bank than the car's appeal."""
    deals = (
        Deal.objects.filter(
            status__in=SOLD_DEAL_STATUSES,
            vehicle__status=VehicleStatus.SOLD,
            vehicle__deleted_at__isnull=True,
            vehicle__make__iexact=vehicle.make.strip(),
            vehicle__model__iexact=vehicle.model.strip(),
            vehicle__year__range=(vehicle.year - SIMILAR_SOLD_YEARS, vehicle.year + SIMILAR_SOLD_YEARS),
        )
        .exclude(vehicle=vehicle)
        .annotate(
            year_gap=Abs(F("vehicle__year") - vehicle.year, output_field=IntegerField()),
            listed_at=Coalesce("vehicle__published_at", "vehicle__created_at"),
        )
        .select_related("vehicle")
        .order_by("year_gap", "-created_at", "-pk")[:SIMILAR_SOLD]
    )
    return [_sold(deal) for deal in deals]


def _sold(deal: Deal) -> SoldVehicle:
    car = deal.vehicle
    return SoldVehicle(
        year=car.year, make=car.make, model=car.model, mileage_km=car.mileage_km, condition=car.condition,
        province=car.province, price_cad=car.price_cad, listed_on=timezone.localdate(deal.listed_at),
        sold_on=timezone.localdate(deal.created_at), days_to_sell=max(0, (deal.created_at - deal.listed_at).days),
    )  # fmt: skip
