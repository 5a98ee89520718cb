from datetime import date

from celery import shared_task
from django.utils import timezone

from search_analytics import buffer, services


@shared_task
def write_buffered_searches() -> int:
    """Every minute: the searches buffered in Redis, added to their days' rows in batches."""
    written = 0
    while entries := buffer.searches_take():
        written += services.searches_write(entries=entries)
    return written


@shared_task
def purge_old_searches(day: str | None = None) -> int:
    """Daily (03:50 Toronto): delete the search days past their 13 months."""
    return services.searches_purge(today=date.fromisoformat(day) if day else timezone.localdate())
