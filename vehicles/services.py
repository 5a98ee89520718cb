"""Every write to vehicles: listings, price history, saved searches and price alerts.

Photos are written by vehicles.photos, the view history by vehicles.view_buffer, CSV imports by
vehicle_import below (rows validated by the API first), and the announcements of saved-search matches and
price drops by vehicles.announcements.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from audit.services import audit_record, field_changes
from currencies.conversion import ExchangeRateUnavailable
from currencies.money import REFERENCE_CURRENCY
from nzila_export.exceptions import Conflict, DomainError
from vehicles.cache import listings_changed
from vehicles.hooks import LISTING_PUBLISHING
from vehicles.models import (
    CLOSED_STATUSES,
    IDENTITY_FIELDS,
    IDENTITY_LOCKED_STATUSES,
    PriceAlert,
    SavedSearch,
    Vehicle,
    VehiclePriceChange,
    VehicleStatus,
    ViewHistory,
)
from vehicles.pricing import listed_price_refusal, price_in_cad


class VinAlreadyListed(Conflict):
    code = "vin_already_listed"


class VehicleIdentityLocked(DomainError):
    code = "vehicle_identity_locked"


class VehicleStatusFollowsDeal(Conflict):
    code = "vehicle_status_follows_deal"


# A vehicle is reserved while a deal on it is open and sold once that deal is paid: only deals move a
# vehicle into or out of these (vehicle_follow_deal), never a new listing or an edit of one.
DEAL_DRIVEN_STATUSES = (VehicleStatus.RESERVED, VehicleStatus.SOLD)


def status_follows_deal_message() -> str:
    return gettext(
        "Reserved and sold follow the vehicle's deal: a deal reserves the car, its payment sells it and its "
        "cancellation makes it available again."
    )


def _listed_price_check(*, price, currency: str) -> None:
    """Refuse (400 on `price`) a price that is not positive or has more decimals than its currency."""
    refusal = listed_price_refusal(price=price, currency=currency)
    if refusal:
        raise DomainError(refusal, field="price")


def vehicle_identity_changes(*, vehicle: Vehicle, data: dict) -> list[str]:
    """The identity fields (make, model, year, VIN) that `data` would change on a reserved or sold
    vehicle; empty when the vehicle may change or they do not."""
    if vehicle.status not in IDENTITY_LOCKED_STATUSES:
        return []
    return [
        field
        for field in IDENTITY_FIELDS
        if field in data and _normalized(field, data[field]) != getattr(vehicle, field)
    ]


def _normalized(field: str, value):
    return value.strip().upper() if field == "vin" and isinstance(value, str) else value


def _vin_live_elsewhere(*, vin: str, status: str, excluding: Vehicle | None = None) -> bool:
    if status in CLOSED_STATUSES:
        return False
    vehicles = Vehicle.objects.filter(vin=vin).exclude(status__in=CLOSED_STATUSES)
    if excluding is not None:
        vehicles = vehicles.exclude(pk=excluding.pk)
    return vehicles.exists()


def _save_checked(vehicle: Vehicle, **save_options) -> None:
    """Save, turning the database's one-live-listing-per-VIN constraint into a clear answer when a
    concurrent listing wins the race after our own check."""
    if _vin_live_elsewhere(vin=vehicle.vin, status=vehicle.status, excluding=vehicle if vehicle.pk else None):
        raise VinAlreadyListed(_vin_taken_message(vehicle.vin), field="vin")
    try:
        with transaction.atomic():
            vehicle.save(**save_options)
    except IntegrityError as error:
        if "vehicles_vehicle_vin_live_unique" in str(error):
            raise VinAlreadyListed(_vin_taken_message(vehicle.vin), field="vin") from error
        raise


def _vin_taken_message(vin: str) -> str:
    return gettext("A live listing with VIN %(vin)s already exists.") % {"vin": vin}


def _price_change_record(*, vehicle: Vehicle, old: VehiclePriceChange | None, user: User | None) -> VehiclePriceChange:
    return VehiclePriceChange.objects.create(
        vehicle=vehicle,
        old_price=old.new_price if old else None,
        old_currency=old.new_currency if old else "",
        old_price_cad=old.new_price_cad if old else None,
        new_price=vehicle.price,
        new_currency=vehicle.currency,
        new_price_cad=vehicle.price_cad,
        changed_by=user,
    )


def vehicle_names_register(*, vehicle_ids: list[int] | None = None) -> None:
    """Add the make-and-model names of these vehicles (all when None) to the fuzzy-search vocabulary,
    as the database computes them. Bulk loads (the benchmark) call it once afterwards."""
    sql = "INSERT INTO vehicles_vehiclename (name) SELECT DISTINCT search_name FROM vehicles_vehicle"
    params = []
    if vehicle_ids is not None:
        sql += " WHERE id = ANY(%s)"
        params = [list(vehicle_ids)]
    with connection.cursor() as cursor:
        cursor.execute(sql + " ON CONFLICT (name) DO NOTHING", params)


@transaction.atomic
def vehicle_create(*, dealer: User, data: dict, user: User | None = None) -> Vehicle:
    """List a vehicle for `dealer`; `user` is who did it when not the dealer (staff, in the admin). A new
    listing is a draft, available or archived: reserved and sold follow a deal (vehicle_follow_deal)."""
    user = user or dealer
    if not dealer.is_dealer:
        raise DomainError(gettext("Only dealers list vehicles."))
    vehicle = Vehicle(dealer=dealer, **data)
    if vehicle.status in DEAL_DRIVEN_STATUSES:
        raise DomainError(status_follows_deal_message(), field="status")
    _listed_price_check(price=vehicle.price, currency=vehicle.currency)
    vehicle.vin = vehicle.vin.strip().upper()
    vehicle.price_cad = price_in_cad(amount=vehicle.price, currency=vehicle.currency)
    if vehicle.status == VehicleStatus.AVAILABLE:
        LISTING_PUBLISHING.announce(dealer=dealer)  # plans: the plan's listing limit (402)
        vehicle.published_at = timezone.now()
    _save_checked(vehicle)
    vehicle_names_register(vehicle_ids=[vehicle.pk])
    _price_change_record(vehicle=vehicle, old=None, user=user)
    audit_record(action="vehicle.create", instance=vehicle, user=user, changes={"status": vehicle.status})
    listings_changed(vehicle_ids=[vehicle.pk], public=vehicle.status == VehicleStatus.AVAILABLE)
    return vehicle


@transaction.atomic
def vehicle_update(*, vehicle: Vehicle, data: dict, user: User | None) -> Vehicle:
    """Change a listing. A reserved or sold vehicle keeps its make, model, year and VIN; a price
    change is kept in the price history, and a drop is announced to those watching the price."""
    vehicle = Vehicle.objects.select_for_update().get(pk=vehicle.pk)
    if "vin" in data:
        data = {**data, "vin": data["vin"].strip().upper()}
    locked = vehicle_identity_changes(vehicle=vehicle, data=data)
    if locked:
        raise VehicleIdentityLocked(
            gettext("A %(status)s vehicle cannot become a different car: its %(fields)s cannot change.")
            % {"status": vehicle.get_status_display().lower(), "fields": ", ".join(locked)},
            field=locked[0],
        )
    new_status = data.get("status", vehicle.status)
    if new_status != vehicle.status and {vehicle.status, new_status} & set(DEAL_DRIVEN_STATUSES):
        raise VehicleStatusFollowsDeal(status_follows_deal_message(), field="status")
    changes = field_changes(instance=vehicle, data=data)
    if not changes:
        return vehicle
    if "price" in changes or "currency" in changes:
        _listed_price_check(price=data.get("price", vehicle.price), currency=data.get("currency", vehicle.currency))
    was_public = vehicle.status == VehicleStatus.AVAILABLE
    if new_status == VehicleStatus.AVAILABLE and not was_public:
        LISTING_PUBLISHING.announce(dealer=vehicle.dealer)  # plans: the plan's listing limit (402)
    for field, value in data.items():
        setattr(vehicle, field, value)
    old_price_cad = vehicle.price_cad
    if "price" in changes or "currency" in changes:  # otherwise the daily rates keep it (currencies.hooks)
        vehicle.price_cad = price_in_cad(amount=vehicle.price, currency=vehicle.currency)
    if vehicle.status == VehicleStatus.AVAILABLE and vehicle.published_at is None:
        vehicle.published_at = timezone.now()  # a new listing for saved searches from now on
    _save_checked(vehicle)
    if "make" in changes or "model" in changes:
        vehicle_names_register(vehicle_ids=[vehicle.pk])
    if "price" in changes or "currency" in changes:
        previous = vehicle.price_changes.order_by("-changed_at", "-id").first()
        price_change = _price_change_record(vehicle=vehicle, old=previous, user=user)
        if vehicle.price_cad < old_price_cad:
            from vehicles.tasks import announce_price_drop

            transaction.on_commit(lambda: announce_price_drop.delay(price_change.pk))
    audit_record(action="vehicle.update", instance=vehicle, user=user, changes=changes)
    listings_changed(vehicle_ids=[vehicle.pk], public=was_public or vehicle.status == VehicleStatus.AVAILABLE)
    return vehicle


REVALUE_BATCH_SIZE = 1000


def vehicle_prices_revalue(*, on: date | None = None) -> int:
    """Revalue in CAD every live listing priced in another currency, at the rates of `on` (today), in
    batches. A currency with no rate keeps its listings' last CAD value. Returns how many changed."""
    listings = Vehicle.objects.exclude(currency=REFERENCE_CURRENCY).exclude(status__in=CLOSED_STATUSES)
    changed = []
    listings = listings.only("id", "price", "currency", "price_cad", "status")
    for vehicle in listings.iterator(chunk_size=REVALUE_BATCH_SIZE):
        try:
            price_cad = price_in_cad(amount=vehicle.price, currency=vehicle.currency, on=on)
        except ExchangeRateUnavailable:
            continue
        if price_cad != vehicle.price_cad:
            vehicle.price_cad = price_cad
            changed.append(vehicle)
    Vehicle.objects.bulk_update(changed, ["price_cad"], batch_size=REVALUE_BATCH_SIZE)
    listings_changed(
        vehicle_ids=[vehicle.pk for vehicle in changed],
        public=any(vehicle.status == VehicleStatus.AVAILABLE for vehicle in changed),
    )
    return len(changed)


def dealer_listings_renamed(*, user: User) -> None:
    """The dealer's name shows on its public listings: their cached pages go stale."""
    public = Vehicle.objects.filter(dealer=user, status=VehicleStatus.AVAILABLE).values_list("id", flat=True)
    listings_changed(vehicle_ids=list(public), public=True)


@transaction.atomic
def vehicle_follow_deal(*, vehicle: Vehicle, status: str, user: User | None) -> Vehicle:
    """Move a vehicle with its deal: reserved when a deal opens, sold when it is paid, available when
    it is cancelled. Deals are the only caller (and the demo seed, which shows such cars without deals)."""
    vehicle = Vehicle.objects.select_for_update().get(pk=vehicle.pk)
    changes = field_changes(instance=vehicle, data={"status": status})
    was_public = vehicle.status == VehicleStatus.AVAILABLE
    vehicle.status = status
    if status == VehicleStatus.AVAILABLE and vehicle.published_at is None:
        vehicle.published_at = timezone.now()
    _save_checked(vehicle)
    audit_record(action="vehicle.follow_deal", instance=vehicle, user=user, changes=changes)
    listings_changed(vehicle_ids=[vehicle.pk], public=was_public or status == VehicleStatus.AVAILABLE)
    return vehicle


@transaction.atomic
def vehicle_delete(*, vehicle: Vehicle, user: User | None) -> None:
    if vehicle.status == VehicleStatus.RESERVED:
        raise VehicleStatusFollowsDeal(gettext("This vehicle has an open deal: cancel the deal first."), field="status")
    vehicle.soft_delete(user=user)
    listings_changed(vehicle_ids=[vehicle.pk], public=vehicle.status == VehicleStatus.AVAILABLE)


@transaction.atomic
def vehicles_archive(*, vehicles: Iterable[Vehicle], user: User | None) -> int:
    """Archive several listings at once (the admin's bulk action); reserved and sold ones follow their
    deals and are left as they are."""
    archived = 0
    for vehicle in vehicles:
        if vehicle.status == VehicleStatus.ARCHIVED or vehicle.status in DEAL_DRIVEN_STATUSES:
            continue
        vehicle_update(vehicle=vehicle, data={"status": VehicleStatus.ARCHIVED}, user=user)
        archived += 1
    return archived


@dataclass(frozen=True)
class ImportRow:
    """One validated CSV row: create it, or update `vehicle` (the dealer's live listing with its VIN)."""

    data: dict
    vehicle: Vehicle | None = None


@transaction.atomic
def vehicle_import(*, dealer: User, rows: list[ImportRow]) -> list[Vehicle]:
    """Write validated CSV rows, all or nothing; the vehicles in the order of `rows`."""
    vehicles = [
        vehicle_create(dealer=dealer, data=row.data)
        if row.vehicle is None
        else vehicle_update(vehicle=row.vehicle, data=row.data, user=dealer)
        for row in rows
    ]
    created = sum(1 for row in rows if row.vehicle is None)
    audit_record(action="vehicle.import", user=dealer, changes={"created": created, "updated": len(rows) - created})
    return vehicles


def vehicle_export_record(*, dealer: User, rows: int) -> None:
    """Who took the inventory out, and how many listings."""
    changes = {"format": "csv", "filters": {"dealer": dealer.pk}, "rows": rows}
    audit_record(action="vehicle.export", instance=dealer, user=dealer, changes=changes)


@transaction.atomic
def saved_search_create(*, owner: User, name: str, query_params: dict) -> SavedSearch:
    saved_search = SavedSearch.objects.create(owner=owner, name=name, query_params=query_params)
    audit_record(action="saved_search.create", instance=saved_search, user=owner)
    return saved_search


@transaction.atomic
def saved_search_update(*, saved_search: SavedSearch, data: dict) -> SavedSearch:
    changes = field_changes(instance=saved_search, data=data)
    for field, value in data.items():
        setattr(saved_search, field, value)
    saved_search.save()
    if changes:
        audit_record(action="saved_search.update", instance=saved_search, changes=changes)
    return saved_search


@transaction.atomic
def saved_search_delete(*, saved_search: SavedSearch) -> None:
    audit_record(action="saved_search.delete", instance=saved_search)
    saved_search.delete()


@transaction.atomic
def price_alert_create(*, owner: User, vehicle: Vehicle) -> PriceAlert:
    alert, created = PriceAlert.objects.get_or_create(
        owner=owner,
        vehicle=vehicle,
        defaults={"last_announced_change": vehicle.price_changes.order_by("-changed_at", "-id").first()},
    )
    if not created:
        raise Conflict(gettext("You already watch this vehicle's price."), field="vehicle")
    audit_record(action="price_alert.create", instance=alert, user=owner)
    return alert


@transaction.atomic
def price_alert_delete(*, alert: PriceAlert) -> None:
    audit_record(action="price_alert.delete", instance=alert)
    alert.delete()


@transaction.atomic
def vehicle_interests_erase(*, user: User) -> int:
    """Erase what a person's browsing left (their account is anonymized: privacy, which audits it): saved
    searches, price alerts and the listings they viewed. Returns how many rows went."""
    erased = SavedSearch.objects.filter(owner=user).delete()[0]
    erased += PriceAlert.objects.filter(owner=user).delete()[0]
    return erased + ViewHistory.objects.filter(user=user).delete()[0]
