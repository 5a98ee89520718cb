from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from leads.selectors import lead_untold_ids
from leads.services import lead_dealer_tell

BATCH_SIZE = 500
# How long a lead's own task has before the sweep queues it again: a worker busy for a while is not a lost task
# (a second task would find the dealer told and send nothing, but it would be queued for nothing).
UNTOLD_GRACE = timedelta(minutes=5)


@shared_task
def tell_dealer_of_lead(lead_id: int) -> bool:
    return lead_dealer_tell(lead_id=lead_id)


@shared_task
def tell_dealers_of_untold_leads() -> int:
    """Queue the telling of every lead received more than UNTOLD_GRACE ago whose dealer is not told: its task
    was lost (the broker down when the lead was committed, a worker gone). Returns how many it queued."""
    lead_ids = list(lead_untold_ids(received_before=timezone.now() - UNTOLD_GRACE).iterator(chunk_size=BATCH_SIZE))
    for lead_id in lead_ids:
        tell_dealer_of_lead.delay(lead_id)
    return len(lead_ids)
