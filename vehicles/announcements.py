"""Telling buyers what they asked to hear about: new listings matching their saved searches, and
price drops of the vehicles they watch. Messages go through the notifications service."""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from notifications.services import notify
from vehicles.filters import PAGE_PARAMETERS, VehicleFilterSet
from vehicles.models import PriceAlert, SavedSearch, SavedSearchMatch, Vehicle, VehiclePriceChange, VehicleStatus

SAVED_SEARCH_BATCH = 200
VEHICLES_PER_MESSAGE = 10


def _vehicle_summary(vehicle: Vehicle) -> dict:
    return {
        "id": vehicle.pk,
        "title": f"{vehicle.year} {vehicle.make} {vehicle.model}".strip(),
        "price": str(vehicle.price),
        "currency": vehicle.currency,
        "city": vehicle.city,
        "province": vehicle.province,
        "url": f"{settings.SITE_URL}/vehicles/{vehicle.pk}",
    }


def saved_search_new_matches(*, saved_search: SavedSearch):
    """Available vehicles published since the search was saved, matching it and not yet announced for it."""
    params = {key: value for key, value in saved_search.query_params.items() if key not in PAGE_PARAMETERS}
    listed = Vehicle.objects.filter(status=VehicleStatus.AVAILABLE, published_at__gte=saved_search.created_at)
    announced = SavedSearchMatch.objects.filter(saved_search=saved_search, vehicle=OuterRef("pk"))
    filterset = VehicleFilterSet(data=params, queryset=listed.exclude(Exists(announced)))
    if not filterset.is_valid():
        return Vehicle.objects.none()
    return filterset.qs.order_by("published_at", "id")


@transaction.atomic
def saved_search_announce_matches(*, saved_search_id: int) -> int:
    """Announce the new matches of one saved search in one message; returns how many. The saved
    search is locked, and each (search, vehicle) pair is unique, so no vehicle is announced twice."""
    saved_search = (
        SavedSearch.objects.select_for_update()
        .select_related("owner")
        .filter(pk=saved_search_id, is_active=True)
        .first()
    )
    if saved_search is None:
        return 0
    vehicles = list(saved_search_new_matches(saved_search=saved_search))
    if not vehicles:
        return 0
    SavedSearchMatch.objects.bulk_create(
        [SavedSearchMatch(saved_search=saved_search, vehicle=vehicle) for vehicle in vehicles]
    )
    saved_search.last_announced_at = timezone.now()
    saved_search.save(update_fields=["last_announced_at", "updated_at"])
    notify(
        event="vehicle.saved_search_match",
        recipients=[saved_search.owner],
        context={
            "saved_search_name": saved_search.name,
            "search_url": f"{settings.SITE_URL}/vehicles?{urlencode(saved_search.query_params)}",
            "match_count": len(vehicles),
            "vehicles": [_vehicle_summary(vehicle) for vehicle in vehicles[:VEHICLES_PER_MESSAGE]],
        },
        related_object=saved_search,
    )
    return len(vehicles)


def saved_search_ids_active():
    return SavedSearch.objects.filter(is_active=True, owner__is_active=True).values_list("pk", flat=True)


@transaction.atomic
def price_drop_announce(*, price_change_id: int) -> int:
    """Tell each buyer watching the vehicle about this drop, once: an alert remembers the last change
    it announced, and a later run (or an older change arriving late) announces nothing."""
    price_change = VehiclePriceChange.objects.select_related("vehicle").filter(pk=price_change_id).first()
    if price_change is None or not price_change.is_drop:
        return 0
    vehicle = price_change.vehicle
    if vehicle.is_deleted or vehicle.status != VehicleStatus.AVAILABLE:
        return 0
    alerts = (
        PriceAlert.objects.select_for_update(of=("self",))
        .select_related("owner")
        .filter(vehicle=vehicle, owner__is_active=True)
        .order_by("pk")
    )
    announced = 0
    for alert in alerts:
        if alert.last_announced_change_id is not None and alert.last_announced_change_id >= price_change.pk:
            continue
        notify(
            event="vehicle.price_drop",
            recipients=[alert.owner],
            context={
                "vehicle": _vehicle_summary(vehicle),
                "old_price": str(price_change.old_price),
                "old_currency": price_change.old_currency,
                "new_price": str(price_change.new_price),
                "new_currency": price_change.new_currency,
            },
            related_object=vehicle,
        )
        alert.last_announced_change = price_change
        alert.save(update_fields=["last_announced_change", "updated_at"])
        announced += 1
    return announced
