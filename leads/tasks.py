from celery import shared_task

from leads.selectors import lead_untold_ids
from leads.services import lead_dealer_tell

BATCH_SIZE = 500


@shared_task
def tell_dealers_of_new_leads() -> int:
    """Tell the dealer of each lead not told yet, each once (the beat job, every minute). Returns how many
    it told."""
    lead_ids = list(lead_untold_ids().iterator(chunk_size=BATCH_SIZE))
    return sum(lead_dealer_tell(lead_id=lead_id) for lead_id in lead_ids)
