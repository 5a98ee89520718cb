"""Detail views reach the view history through a Redis list, written to the database in bulk every minute
(vehicles.tasks.write_buffered_views): a view costs an append to a list in the request, not a database
write, so a cached detail is served without touching the database. A view still in the list when Redis is
lost is lost: the history feeds recommendations, not money.
"""

import time

from django.core.cache import cache

VIEWS_KEY = "vehicles:views"
WRITE_BATCH = 5000


def view_entry(*, vehicle_id: int, user_id: int | None, visitor: str) -> list:
    """What the list keeps of a view: the listing, the signed-in user or else the visitor's id, and when."""
    return [vehicle_id, user_id, "" if user_id else visitor, time.time()]


def view_buffer(*, vehicle_id: int, user_id: int | None, visitor: str) -> None:
    if user_id is None and not visitor:
        return
    cache.round_trip(push={VIEWS_KEY: [view_entry(vehicle_id=vehicle_id, user_id=user_id, visitor=visitor)]})


def views_take(*, limit: int = WRITE_BATCH) -> list[list]:
    """Up to `limit` buffered views, oldest first, taken off the list."""
    return cache.drain(VIEWS_KEY, limit=limit)
