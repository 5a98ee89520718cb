from celery import shared_task

from deals.selectors import deal_stalled_ids_to_follow_up
from deals.services import deal_follow_up
from leads.selectors import lead_stalled_ids_to_follow_up
from leads.services import lead_follow_up

BATCH_SIZE = 500


@shared_task
def check_stalled_deals() -> dict:
    """Daily: queue one follow-up per stalled deal and per stalled lead not yet followed up since it
    stalled. Ids are read in batches, never all rows at once; each follow-up checks again under a row
    lock, so a second run (or a duplicate task) sends nothing twice."""
    deal_ids = list(deal_stalled_ids_to_follow_up().iterator(chunk_size=BATCH_SIZE))
    for deal_id in deal_ids:
        send_deal_follow_up.delay(deal_id)
    lead_ids = list(lead_stalled_ids_to_follow_up().iterator(chunk_size=BATCH_SIZE))
    for lead_id in lead_ids:
        send_lead_follow_up.delay(lead_id)
    return {"deals": len(deal_ids), "leads": len(lead_ids)}


@shared_task
def send_deal_follow_up(deal_id: int) -> bool:
    return deal_follow_up(deal_id=deal_id)


@shared_task
def send_lead_follow_up(lead_id: int) -> bool:
    return lead_follow_up(lead_id=lead_id)
