"""Which catalogue reads are searches, told to the apps above through vehicles.hooks.SEARCH_MADE.

A search is the first page of the list with words (`?search=`) or with a filter of REPORTED_FILTERS, read by
a visitor, a buyer or a broker (those who see the public catalogue: dealers and staff, who browse their own
stock, are not buyers' demand). The next pages of a search are the same search, read further: not counted.
Counted whether the page was computed or came from the page cache (vehicles.api.caching), which is why the
count travels with the cached page.
"""

from accounts.models import User
from vehicles.hooks import SEARCH_MADE
from vehicles.selectors import vehicle_catalogue_is_public_for

# The filters that say what a buyer wants (not how the page is shown, nor a dealer's own stock).
REPORTED_FILTERS = (
    "make",
    "model",
    "year",
    "year__gte",
    "year__lte",
    "condition",
    "body_type",
    "fuel_type",
    "transmission",
    "province",
    "price__gte",
    "price__lte",
    "mileage_km__lte",
)
PRICE_FILTERS = ("price__gte", "price__lte")


def page_result_count(data) -> int | None:
    """How many results a list page's data says its query found: its `count`, or for a cursor page the
    results it holds when nothing follows; None when it does not say (or is not a list page)."""
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        return None
    if "count" in data:
        return data["count"]
    return None if data.get("next") else len(data["results"])


def catalogue_search_report(*, params, user: User | None, result_count: int | None) -> None:
    """Announce SEARCH_MADE when the list read with `params` (its query parameters) by `user` (None: a visitor
    the cache answered before authentication) is a search (see the module's docstring)."""
    if not SEARCH_MADE.is_answered or params.get("page", "1") != "1" or params.get("cursor"):
        return
    if user is not None and not vehicle_catalogue_is_public_for(user=user):
        return
    query = params.get("search", "")
    filters = {name: params[name] for name in REPORTED_FILTERS if params.get(name)}
    if filters.keys() & set(PRICE_FILTERS) and params.get("currency"):
        filters["currency"] = params["currency"]
    if not query.strip() and not filters:
        return
    country = str(user.country) if user is not None and user.is_authenticated else ""
    SEARCH_MADE.announce(query=query, filters=filters, result_count=result_count, country=country)
