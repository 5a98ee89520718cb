"""The view history's one way in: detail views reach it through a Redis list, written to the database in bulk
every minute (vehicles.tasks.write_buffered_views): a view costs an append to a list in the request, not a database
write, so a cached detail is served without touching the database. A view still in the list when Redis is
lost is lost: the history feeds recommendations, not money.
"""

import time
from datetime import UTC, datetime

from django.core.cache import cache

from accounts.models import User
from vehicles.models import Vehicle, ViewHistory

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


def views_write(*, entries: list[list]) -> int:
    """Write buffered views in one statement; the views of a listing or an account
    that is gone meanwhile, or of an account closed since (privacy erased its history), are dropped."""
    vehicle_ids = {vehicle_id for vehicle_id, _user_id, _visitor, _at in entries}
    user_ids = {user_id for _vehicle_id, user_id, _visitor, _at in entries if user_id}
    vehicles = set(Vehicle.all_objects.filter(pk__in=vehicle_ids).values_list("id", flat=True))
    users = set(User.objects.filter(pk__in=user_ids, is_active=True).values_list("id", flat=True))
    views = [
        ViewHistory(
            vehicle_id=vehicle_id,
            user_id=user_id,
            session_key=visitor,
            viewed_at=datetime.fromtimestamp(at, tz=UTC),
        )
        for vehicle_id, user_id, visitor, at in entries
        if vehicle_id in vehicles and (user_id is None or user_id in users)
    ]
    return len(ViewHistory.objects.bulk_create(views))
