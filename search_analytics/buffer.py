"""Searches' one way in: vehicles announces each catalogue search (vehicles.hooks.SEARCH_MADE) on the request
path, often for a page served from the cache, so a search costs an append to a Redis list here, not a database
write; the minute job (search_analytics.tasks.write_buffered_searches) adds them up into SearchDay rows. A
search still in the list when Redis is lost is lost: these are statistics, not records.

What enters the list is already anonymized: the words lowercased, their spaces collapsed and cut to
QUERY_MAX_LENGTH, and dropped when they hold an e-mail address or a phone-like run of digits (someone typing
their contact details into the search box); the filters normalized; the destination country; whether it found
nothing; the time. Never who searched.
"""

import re
import time

from django.core.cache import cache

from search_analytics.models import QUERY_MAX_LENGTH

SEARCHES_KEY = "search_analytics:searches"
TAKE_BATCH = 5000
# Filters compared without case by the catalogue (vehicles.filters.MultipleTextFilter): one spelling is kept.
CASELESS_FILTERS = frozenset({"make", "model"})
MAX_FILTERS = 20
FILTER_VALUE_MAX_LENGTH = 100
CONTACT_DETAILS = re.compile(r"@|\d(?:[\s().+-]*\d){6}")  # an e-mail address, or 7 digits or more


def query_normalize(text: str) -> str:
    """The words as kept: lowercased, spaces collapsed, cut to QUERY_MAX_LENGTH; "" when they look like
    contact details."""
    query = " ".join(text.lower().split())
    if CONTACT_DETAILS.search(query):
        return ""
    return query[:QUERY_MAX_LENGTH].rstrip()


def filters_normalize(filters: dict[str, str]) -> dict[str, str]:
    """Each filter's comma-separated values trimmed, deduplicated and sorted (make and model lowercased), so that
    `make=Toyota,honda` and `make=honda, toyota` are one search; empty filters dropped."""
    normalized = {}
    for name, value in sorted(filters.items())[:MAX_FILTERS]:
        text = str(value).lower() if name in CASELESS_FILTERS else str(value)
        values = sorted({part.strip() for part in text.split(",") if part.strip()})
        if values:
            normalized[name] = ",".join(values)[:FILTER_VALUE_MAX_LENGTH]
    return normalized


def search_entry(*, query: str, filters: dict[str, str], result_count: int | None, country: str) -> list | None:
    """What the list keeps of a search, or None when nothing of it is left to keep."""
    query, filters = query_normalize(query), filters_normalize(filters)
    if not query and not filters:
        return None
    country = country.upper() if len(country) == 2 and country.isalpha() else ""
    return [query, filters, country, result_count == 0, time.time()]


def search_buffer(*, query: str, filters: dict[str, str], result_count: int | None, country: str) -> None:
    """The listener of vehicles.hooks.SEARCH_MADE."""
    entry = search_entry(query=query, filters=filters, result_count=result_count, country=country)
    if entry is not None:
        cache.round_trip(push={SEARCHES_KEY: [entry]})


def searches_take(*, limit: int = TAKE_BATCH) -> list[list]:
    """Up to `limit` buffered searches, oldest first, taken off the list."""
    return cache.drain(SEARCHES_KEY, limit=limit)
