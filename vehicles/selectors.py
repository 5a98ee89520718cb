"""Every non-trivial read of vehicles: who sees which listing, facets, price history, saved searches."""

from django.db.models import Count, F, Prefetch, Q, QuerySet

from accounts.models import User
from vehicles.models import PriceAlert, SavedSearch, Vehicle, VehiclePhoto, VehiclePriceChange, VehicleStatus

# Price bands of the facets, in CAD: (key, lower bound inclusive, upper bound exclusive).
PRICE_BANDS_CAD = (
    ("under_10000", None, 10_000),
    ("10000_20000", 10_000, 20_000),
    ("20000_30000", 20_000, 30_000),
    ("30000_50000", 30_000, 50_000),
    ("50000_75000", 50_000, 75_000),
    ("75000_plus", 75_000, None),
)
FACET_LIMIT = 50

# Each facet, the column it counts and the filters it ignores (its own), as shops do: choosing Toyota
# still shows how many Hondas there are.
FACETS = {
    "make": (("make",), ("make",)),
    "model": (("make", "model"), ("model",)),
    "year": (("year",), ("year", "year__gte", "year__lte")),
    "condition": (("condition",), ("condition",)),
    "body_type": (("body_type",), ("body_type",)),
    "fuel_type": (("fuel_type",), ("fuel_type",)),
}
PRICE_FACET_IGNORES = ("price__gte", "price__lte", "currency")
NOT_FILTERS = ("ordering", "page", "page_size")


def _anonymous(user) -> bool:
    return user is None or not user.is_authenticated


def vehicle_list_visible_to(*, user: User | None) -> QuerySet[Vehicle]:
    """Anyone sees available listings; a dealer also its own in any status; staff every listing."""
    vehicles = Vehicle.objects.all()
    if _anonymous(user):
        return vehicles.filter(status=VehicleStatus.AVAILABLE)
    if user.is_platform_staff:
        return vehicles
    if user.is_dealer:
        return vehicles.filter(Q(status=VehicleStatus.AVAILABLE) | Q(dealer=user))
    return vehicles.filter(status=VehicleStatus.AVAILABLE)


def vehicle_catalogue_is_public_for(*, user: User | None) -> bool:
    """Whether `user` sees exactly what a visitor sees (vehicle_list_visible_to): the public catalogue,
    which one cache serves to all of them."""
    return _anonymous(user) or not (user.is_platform_staff or user.is_dealer)


def vehicle_list_editable_by(*, user: User | None) -> QuerySet[Vehicle]:
    if _anonymous(user):
        return Vehicle.objects.none()
    if user.is_platform_staff:
        return Vehicle.objects.all()
    if user.is_dealer:
        return Vehicle.objects.filter(dealer=user)
    return Vehicle.objects.none()


def vehicle_for_cards(queryset: QuerySet[Vehicle]) -> QuerySet[Vehicle]:
    """What a listing's card shows besides its own columns, in the same query however many vehicles: the
    dealer's name (`dealer_company_name`) and the cover photo (the gallery's summary is on the row)."""
    return queryset.select_related("cover_photo").annotate(dealer_company_name=F("dealer__company_name"))


def vehicle_with_gallery(queryset: QuerySet[Vehicle]) -> QuerySet[Vehicle]:
    """A card's fields and the ordered photos, in two queries however many vehicles."""
    return vehicle_for_cards(queryset).prefetch_related(
        Prefetch("photos", queryset=VehiclePhoto.objects.order_by("position", "id"))
    )


def vehicle_facets(*, params, queryset: QuerySet[Vehicle]) -> dict:
    """Counts per make, model, year, condition, body type, fuel type and price band of the vehicles
    matching `params`, each facet ignoring its own filter. `params` must be valid for the FilterSet."""
    from vehicles.filters import VehicleFilterSet

    filterset = VehicleFilterSet(data=params, queryset=queryset)
    filterset.is_valid()  # validated by the caller; this fills cleaned_data once for every facet

    def filtered(ignored: tuple[str, ...]) -> QuerySet[Vehicle]:
        vehicles = queryset
        for name, value in filterset.form.cleaned_data.items():
            if name not in ignored and name not in NOT_FILTERS:
                vehicles = filterset.filters[name].filter(vehicles, value)
        return vehicles.order_by()

    facets = {}
    for facet, (columns, ignored) in FACETS.items():
        counted = columns[-1]
        rows = filtered(ignored)
        if counted != "year":
            rows = rows.exclude(**{counted: ""})
        rows = rows.values(*columns).annotate(count=Count("id")).order_by("-count", *columns)[:FACET_LIMIT]
        facets[facet] = [
            {"value": row[counted], "count": row["count"], **({"make": row["make"]} if facet == "model" else {})}
            for row in rows
        ]
    bands = filtered(PRICE_FACET_IGNORES).aggregate(
        **{key: Count("id", filter=_band_condition(low, high)) for key, low, high in PRICE_BANDS_CAD}
    )
    facets["price_cad"] = [
        {"value": key, "min": low, "max": high, "count": bands[key]} for key, low, high in PRICE_BANDS_CAD
    ]
    return facets


def _band_condition(low, high) -> Q:
    condition = Q()
    if low is not None:
        condition &= Q(price_cad__gte=low)
    if high is not None:
        condition &= Q(price_cad__lt=high)
    return condition


def vehicle_price_history(*, vehicle: Vehicle) -> QuerySet[VehiclePriceChange]:
    return vehicle.price_changes.order_by("changed_at", "id")


def saved_search_list_for(*, user: User) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(owner=user).order_by("-created_at", "-id")


def price_alert_list_for(*, user: User) -> QuerySet[PriceAlert]:
    return PriceAlert.objects.filter(owner=user).select_related("vehicle").order_by("-created_at", "-id")
