from celery import shared_task
from django.utils import timezone

from shipments import selectors, services

CHUNK_SIZE = 500


@shared_task
def send_shipment_updates() -> int:
    """Every 6 hours: tell each buyer of each new event of its shipment, once (notified_at)."""
    sent = 0
    for event_id in selectors.shipment_events_to_notify().iterator(chunk_size=CHUNK_SIZE):
        sent += services.shipment_event_notify(event_id=event_id)
    return sent


@shared_task
def check_delayed_shipments() -> int:
    """Daily: flag shipments past their ETA and not arrived, once per ETA, telling buyer and dealer."""
    now = timezone.now()
    flagged = 0
    for shipment_id in selectors.shipments_overdue(now=now).iterator(chunk_size=CHUNK_SIZE):
        flagged += services.shipment_delay_flag(shipment_id=shipment_id, now=now)
    return flagged
