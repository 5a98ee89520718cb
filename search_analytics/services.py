import json
from collections import Counter
from datetime import UTC, date, datetime

from dateutil.relativedelta import relativedelta
from django.db import connection, transaction
from django.utils import timezone

from search_analytics.models import SEARCH_RETENTION_MONTHS, SearchDay

UPSERT_BATCH = 1000
PURGE_BATCH = 5000

# Adds the batch's counts to the day's rows, creating those that are new; a concurrent flush adds to the same row.
UPSERT = """
INSERT INTO search_analytics_searchday (day, country, query, filters, search_count, found_nothing_count)
VALUES {rows}
ON CONFLICT (day, country, query, filters) DO UPDATE SET
    search_count = search_analytics_searchday.search_count + EXCLUDED.search_count,
    found_nothing_count = search_analytics_searchday.found_nothing_count + EXCLUDED.found_nothing_count
"""


def searches_write(*, entries: list[list]) -> int:
    """Add buffered searches (search_analytics.buffer.search_entry) to their days' rows, in the platform's time
    zone, one statement per UPSERT_BATCH rows; returns how many searches were counted."""
    counts: Counter[tuple] = Counter()
    nothing: Counter[tuple] = Counter()
    for query, filters, country, found_nothing, at in entries:
        day = timezone.localdate(datetime.fromtimestamp(at, tz=UTC))
        key = (day, country, query, json.dumps(filters, sort_keys=True))
        counts[key] += 1
        nothing[key] += int(found_nothing)
    # In key order, so that two flushes adding to the same rows lock them in the same order (no deadlock).
    rows = [(*key, searches, nothing[key]) for key, searches in sorted(counts.items())]
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(rows), UPSERT_BATCH):
            batch = rows[start : start + UPSERT_BATCH]
            values = ", ".join(["(%s, %s, %s, %s::jsonb, %s, %s)"] * len(batch))
            cursor.execute(UPSERT.format(rows=values), [value for row in batch for value in row])
    return sum(counts.values())


def searches_purge(*, today: date) -> int:
    """Delete the days older than SEARCH_RETENTION_MONTHS before `today` (the same date 13 months back is kept),
    PURGE_BATCH rows at a time; returns how many rows went."""
    cutoff = today - relativedelta(months=SEARCH_RETENTION_MONTHS)
    deleted = 0
    while ids := list(SearchDay.objects.filter(day__lt=cutoff).values_list("id", flat=True)[:PURGE_BATCH]):
        deleted += SearchDay.objects.filter(id__in=ids).delete()[0]
    return deleted
