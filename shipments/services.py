"""Every write to shipments: booking one, recording its events, telling the buyer, flagging delays."""

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from deals.models import CLOSED_STATUSES, Deal, DealStatus
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError
from nzila_export.stored_text import message_to_store, stored_text_lazy, text_to_store
from nzila_export.transitions import InvalidTransition, transition_check
from shipments.models import ARRIVED_OR_LATER, SHIPMENT_MOVES, STATUS_ORDER, Shipment, ShipmentEvent, ShipmentStatus
from shipments.ports import port_name

logger = logging.getLogger(__name__)

# A device clock a little ahead of ours is not an event "in the future".
CLOCK_SKEW = timedelta(minutes=5)
# Sailings are booked, and recorded late, within months of today, and a voyage takes weeks: a departure
# further than a year from today, or an arrival a year after it, is a mistyped year (917, 9999) that,
# stored, would break every local time shown for the shipment.
SCHEDULE_HORIZON = timedelta(days=366)


class ShipmentForbidden(DomainError):
    status_code = 403
    code = "permission_denied"


class ShipmentConflict(Conflict):
    code = "shipment_conflict"


def shipment_may_manage(*, deal: Deal, user) -> bool:
    """The deal's dealer books the shipment and records its events; staff may too."""
    return user is not None and (user.is_platform_staff or user.pk == deal.dealer_id)


@transaction.atomic
def shipment_create(*, deal: Deal, user, **fields) -> Shipment:
    """Book the deal's shipment (one active per deal). Fields: carrier, vessel, voyage, booking_number,
    bill_of_lading_number, is_roro, container_number, origin_port, destination_port, etd, eta and
    booked_at. Its timeline starts with a `booked` event at `booked_at`."""
    if not shipment_may_manage(deal=deal, user=user):
        raise ShipmentForbidden(gettext("Only the deal's dealer or staff book its shipment."))
    deal = Deal.objects.select_for_update().get(pk=deal.pk)  # one booking at a time per deal
    if deal.status in CLOSED_STATUSES:
        raise ShipmentConflict(
            gettext("This deal is %(status)s: nothing more ships for it.")
            % {"status": deal.get_status_display().lower()}
        )
    if Shipment.objects.filter(deal=deal, is_active=True).exists():
        raise ShipmentConflict(gettext("This deal already has an active shipment."), field="deal")
    is_roro = bool(fields.get("is_roro"))
    container_number = (fields.get("container_number") or "").strip().upper()
    if is_roro and container_number:
        raise DomainError(
            gettext("A RoRo shipment has no container: leave container_number empty."), field="container_number"
        )
    if not is_roro and not container_number:
        raise DomainError(gettext("Give the container number, or mark the shipment as RoRo."), field="container_number")
    destination_port = fields.get("destination_port") or deal.destination_port
    if deal.destination_port and destination_port != deal.destination_port:
        raise DomainError(
            gettext("The deal ships to %(port)s; the shipment must go there too.") % {"port": deal.destination_port},
            field="destination_port",
        )
    if fields["eta"] < fields["etd"]:
        raise DomainError(gettext("The estimated arrival comes after the estimated departure."), field="eta")
    if abs(fields["etd"] - timezone.now()) > SCHEDULE_HORIZON:
        raise DomainError(gettext("The estimated departure must be within a year of today."), field="etd")
    if fields["eta"] - fields["etd"] > SCHEDULE_HORIZON:
        raise DomainError(gettext("The estimated arrival must be within a year of the departure."), field="eta")
    if fields.get("booked_at") and fields["booked_at"] < timezone.now() - SCHEDULE_HORIZON:
        raise DomainError(gettext("A booking recorded late was still made within the last year."), field="booked_at")
    # A shipment recorded after it sailed was booked before it left, not now, so that the events
    # recorded after the fact still come after the booking: `booked_at` when given, else the ETD if past.
    booked_at = fields.get("booked_at") or min(timezone.now(), fields["etd"])
    if booked_at > timezone.now() + CLOCK_SKEW:
        raise DomainError(gettext("A booking cannot be made in the future."), field="booked_at")
    shipment = Shipment.objects.create(
        deal=deal,
        carrier=fields["carrier"],
        vessel=fields.get("vessel", ""),
        voyage=fields.get("voyage", ""),
        booking_number=fields["booking_number"],
        bill_of_lading_number=fields.get("bill_of_lading_number", ""),
        is_roro=is_roro,
        container_number=container_number,
        origin_port=fields["origin_port"],
        destination_port=destination_port,
        etd=fields["etd"],
        eta=fields["eta"],
        created_by=user,
    )
    ShipmentEvent.objects.create(
        shipment=shipment,
        status=ShipmentStatus.BOOKED,
        location=port_name(shipment.origin_port) or shipment.origin_port,
        occurred_at=booked_at,
        note=message_to_store(
            _("Booked with %(carrier)s, booking %(booking_number)s."),
            carrier=shipment.carrier,
            booking_number=shipment.booking_number,
        ),
        recorded_by=user,
    )
    audit_record(
        action="shipment.create",
        instance=shipment,
        user=user,
        changes={
            "deal": deal.pk,
            "booking_number": shipment.booking_number,
            "container_number": container_number,
            "origin_port": shipment.origin_port,
            "destination_port": destination_port,
        },
    )
    return shipment


def _moment_for(user, moment: datetime) -> str:
    """A moment as the person reads it in a message: their language and time zone, to the second (a later
    event must come after it)."""
    return format_datetime(moment, format="medium", tzinfo=ZoneInfo(user.timezone), locale=get_language() or "en")


@transaction.atomic
def shipment_record_event(
    *,
    shipment: Shipment,
    status: str,
    occurred_at: datetime,
    user,
    location: str = "",
    note: str = "",
    eta: datetime | None = None,
) -> ShipmentEvent:
    """Add a step to the timeline. A shipment never goes back: neither to an earlier status nor to a
    time before its latest event. Its status (and ETA, when a new one is given) follow the event; a
    delivery moves an in-transit deal to delivered."""
    shipment = Shipment.objects.select_for_update().select_related("deal").get(pk=shipment.pk)
    if not shipment_may_manage(deal=shipment.deal, user=user):
        raise ShipmentForbidden(gettext("Only the deal's dealer or staff record shipment events."))
    if not shipment.is_active:
        raise ShipmentConflict(gettext("This shipment was replaced; record events on the deal's active shipment."))
    if shipment.status == ShipmentStatus.DELIVERED:
        raise ShipmentConflict(gettext("This shipment is delivered: its timeline is closed."))
    if status not in STATUS_ORDER:
        raise DomainError(gettext("Unknown status %(status)r.") % {"status": status}, field="status")
    transition_check(moves=SHIPMENT_MOVES, choices=ShipmentStatus, current=shipment.status, to=status)
    latest = shipment.events.order_by("-occurred_at", "-id").first()
    if latest is not None and occurred_at < latest.occurred_at:
        raise DomainError(
            gettext(
                "This event happened before the latest one (%(status)s at %(moment)s); events are recorded in the "
                "order they happened."
            )
            % {"status": latest.get_status_display().lower(), "moment": _moment_for(user, latest.occurred_at)},
            field="occurred_at",
        )
    if occurred_at > timezone.now() + CLOCK_SKEW:
        raise DomainError(gettext("An event cannot happen in the future."), field="occurred_at")
    if eta is not None and eta < shipment.etd:
        raise DomainError(gettext("The new estimated arrival comes before the estimated departure."), field="eta")
    if eta is not None and eta - shipment.etd > SCHEDULE_HORIZON:
        raise DomainError(gettext("The estimated arrival must be within a year of the departure."), field="eta")

    event = ShipmentEvent.objects.create(
        shipment=shipment, status=status, location=location, occurred_at=occurred_at, note=note, recorded_by=user
    )
    changes = {"event": event.pk, "status": [shipment.status, status]}
    shipment.status = status
    fields = ["status", "updated_at"]
    if eta is not None and eta != shipment.eta:
        changes["eta"] = [shipment.eta.isoformat(), eta.isoformat()]
        shipment.eta = eta
        fields.append("eta")
    shipment.save(update_fields=fields)
    audit_record(action="shipment.event", instance=shipment, user=user, changes=changes)
    if status == ShipmentStatus.DELIVERED and shipment.deal.status == DealStatus.IN_TRANSIT:
        _deal_mark_delivered(shipment=shipment)
    return event


def _deal_mark_delivered(*, shipment: Shipment) -> None:
    """The delivery is a fact whatever the deal says: if the deal refuses the move (held for review,
    say), the event stays recorded and the refusal is audited for staff to act on."""
    from deals.services import TransitionRefused, deal_transition

    try:
        with transaction.atomic():
            delivered = text_to_store(_("Shipment delivered"))
            deal_transition(deal=shipment.deal, to=DealStatus.DELIVERED, actor=None, reason=delivered)
    except (InvalidTransition, TransitionRefused) as error:
        logger.warning("Deal %s not moved to delivered: %s", shipment.deal_id, error.message)
        audit_record(
            action="shipment.deal_not_delivered",
            instance=shipment,
            changes={"deal": shipment.deal_id, "why": error.message},
        )


def shipment_event_notify(*, event_id: int) -> bool:
    """Tell the buyer of one event, once: the row is locked and its notified_at checked and set in the
    same transaction, so two runs at once send one message. True when this call sent it."""
    with transaction.atomic():
        event = (
            ShipmentEvent.objects.select_for_update(of=("self",))
            .select_related("shipment__deal__buyer", "shipment__deal__vehicle")
            .filter(pk=event_id, notified_at__isnull=True)
            .first()
        )
        if event is None:
            return False
        shipment = event.shipment
        notify(
            event="shipment.event",
            recipients=[shipment.deal.buyer],
            context=_message_context(shipment=shipment, event=event),
            related_object=shipment,
        )
        event.notified_at = timezone.now()
        event.save(update_fields=["notified_at"])
    return True


def shipment_delay_flag(*, shipment_id: int, now: datetime | None = None) -> bool:
    """Flag a shipment past its ETA and not arrived, once per ETA: the buyer and the dealer are told.
    A new ETA that is missed in turn is flagged again. True when this call flagged it."""
    now = now or timezone.now()
    with transaction.atomic():
        shipment = (
            Shipment.objects.select_for_update(of=("self",))
            .select_related("deal__buyer", "deal__dealer", "deal__vehicle")
            .filter(pk=shipment_id, is_active=True, eta__lt=now)
            .exclude(status__in=ARRIVED_OR_LATER)
            .first()
        )
        if shipment is None or shipment.delay_flagged_for_eta == shipment.eta:
            return False
        shipment.delay_flagged_for_eta = shipment.eta
        shipment.delay_flagged_at = now
        shipment.save(update_fields=["delay_flagged_for_eta", "delay_flagged_at", "updated_at"])
        audit_record(action="shipment.delayed", instance=shipment, changes={"eta": shipment.eta.isoformat()})
        notify(
            event="shipment.delayed",
            recipients=[shipment.deal.buyer, shipment.deal.dealer],
            context={**_message_context(shipment=shipment), "days_late": (now - shipment.eta).days},
            related_object=shipment,
        )
    return True


def _message_context(*, shipment: Shipment, event: ShipmentEvent | None = None) -> dict:
    return {
        "shipment": shipment,
        "deal": shipment.deal,
        "vehicle": shipment.deal.vehicle,
        "event": event,
        "note": stored_text_lazy(event.note) if event is not None else "",
        "origin_port_name": port_name(shipment.origin_port) or shipment.origin_port,
        "destination_port_name": port_name(shipment.destination_port) or shipment.destination_port,
    }
