from datetime import datetime

from django.db.models import F, Q, QuerySet
from django.utils import formats, timezone, translation

from deals.models import Deal
from deals.selectors import deal_list_visible_to
from nzila_export.stored_text import stored_text_read
from shipments.models import ARRIVED_OR_LATER, DEPARTED_OR_LATER, Shipment, ShipmentEvent, ShipmentStatus
from shipments.ports import port_name


def shipment_list_visible_to(*, user) -> QuerySet[Shipment]:
    """The shipments of the deals the user takes part in (staff: all)."""
    shipments = Shipment.objects.select_related("deal")
    if user.is_platform_staff:
        return shipments
    return shipments.filter(deal__in=deal_list_visible_to(user=user).values("pk"))


def deal_shipment_departed(*, deal: Deal) -> bool:
    """The deal's active shipment has left the Canadian port (departed or any later status)."""
    return Shipment.objects.filter(deal=deal, is_active=True, status__in=DEPARTED_OR_LATER).exists()


def deal_shipment_delivered(*, deal: Deal) -> bool:
    return Shipment.objects.filter(deal=deal, is_active=True, status=ShipmentStatus.DELIVERED).exists()


def shipment_events_to_notify() -> QuerySet[ShipmentEvent]:
    """Ids of events the buyer has not been told of, oldest first (the partial index covers this)."""
    return ShipmentEvent.objects.filter(notified_at__isnull=True).order_by("id").values_list("id", flat=True)


def shipments_overdue(*, now: datetime) -> QuerySet[Shipment]:
    """Ids of active shipments past their ETA, not arrived, and not yet flagged for this ETA."""
    return (
        Shipment.objects.filter(is_active=True, eta__lt=now)
        .exclude(status__in=ARRIVED_OR_LATER)
        .filter(Q(delay_flagged_for_eta__isnull=True) | ~Q(delay_flagged_for_eta=F("eta")))
        .order_by("id")
        .values_list("id", flat=True)
    )


def _moment(value: datetime | None) -> dict | None:
    """A moment in the active time zone and language: ISO 8601 with its offset, and words for people."""
    if value is None:
        return None
    local = timezone.localtime(value)
    return {"iso": local.isoformat(), "display": formats.date_format(local, "DATETIME_FORMAT")}


def shipment_track(*, shipment: Shipment, user) -> dict:
    """The buyer's view: the timeline and the ETA in the user's time zone and language."""
    language = user.preferred_language
    with translation.override(language), timezone.override(user.timezone):
        events = list(shipment.events.order_by("occurred_at", "id"))
        return {
            "shipment": shipment.pk,
            "deal": shipment.deal_id,
            "language": language,
            "timezone": user.timezone,
            "status": shipment.status,
            "status_label": str(ShipmentStatus(shipment.status).label),
            "carrier": shipment.carrier,
            "vessel": shipment.vessel,
            "voyage": shipment.voyage,
            "container_number": shipment.container_number,
            "is_roro": shipment.is_roro,
            "origin_port": {"code": shipment.origin_port, "name": port_name(shipment.origin_port)},
            "destination_port": {"code": shipment.destination_port, "name": port_name(shipment.destination_port)},
            "etd": _moment(shipment.etd),
            "eta": _moment(shipment.eta),
            "is_delayed": shipment.status not in ARRIVED_OR_LATER and shipment.eta < timezone.now(),
            "timeline": [
                {
                    "status": event.status,
                    "status_label": str(ShipmentStatus(event.status).label),
                    "location": event.location,
                    "note": stored_text_read(event.note),
                    "occurred_at": _moment(event.occurred_at),
                }
                for event in events
            ],
        }
