from celery import shared_task

from vehicles import announcements, view_buffer

SAVED_SEARCH_CHUNK = 500


@shared_task
def announce_saved_search_matches() -> int:
    """Hourly: each active saved search told of its new matching listings (each vehicle once)."""
    announced = 0
    for saved_search_id in announcements.saved_search_ids_active().iterator(chunk_size=SAVED_SEARCH_CHUNK):
        announced += announcements.saved_search_announce_matches(saved_search_id=saved_search_id)
    return announced


@shared_task
def announce_price_drop(price_change_id: int) -> int:
    return announcements.price_drop_announce(price_change_id=price_change_id)


@shared_task
def write_buffered_views() -> int:
    """Every minute: the detail views buffered in Redis, into the view history in batches."""
    written = 0
    while entries := view_buffer.views_take():
        written += view_buffer.views_write(entries=entries)
    return written
