"""The demand dealers read: the searches of a period added up by query and filters, shown only when common
enough that they tell what buyers want rather than what one person typed (a k-anonymity threshold, since no
row knows who searched): searched at least MIN_SEARCHES times, on at least MIN_DAYS different days, within
the period and the country asked for. Repeating a search in one sitting thus never makes it shown."""

from datetime import date

from django.db.models import Count, Max, QuerySet, Sum

from search_analytics.models import SearchDay

MIN_SEARCHES = 3
MIN_DAYS = 2
UNKNOWN_COUNTRY = "unknown"  # visitors', and accounts' without a country, in the API


def search_demand_top(
    *, start: date, end: date, country: str | None, found_nothing_only: bool, limit: int
) -> QuerySet[SearchDay]:
    """The `limit` most frequent searches from `start` to `end` (inclusive), of the destination `country`
    ("" for visitors; None: every one), as rows {query, filters, searches, found_nothing, days,
    last_searched_on}; with `found_nothing_only`, those that found nothing at least once, by how often."""
    rows = SearchDay.objects.filter(day__range=(start, end))
    if country is not None:
        rows = rows.filter(country=country)
    grouped = (
        rows.values("query", "filters")
        .annotate(
            searches=Sum("search_count"),
            found_nothing=Sum("found_nothing_count"),
            days=Count("day", distinct=True),
            last_searched_on=Max("day"),
        )
        .filter(searches__gte=MIN_SEARCHES, days__gte=MIN_DAYS)
    )
    if found_nothing_only:
        grouped = grouped.filter(found_nothing__gt=0).order_by("-found_nothing", "-searches", "query", "filters")
    else:
        grouped = grouped.order_by("-searches", "query", "filters")
    return grouped[:limit]
