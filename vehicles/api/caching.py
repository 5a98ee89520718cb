"""The public catalogue's pages from Redis, for the callers who see the public catalogue (visitors,
buyers and brokers: vehicles.selectors.vehicle_catalogue_is_public_for), with ETag and Last-Modified so
that a client revalidates with a 304.

A page is stored under the action and the normalized query (the scheme, the host, for its links and
photo URLs are absolute, and the parameters sorted, as DRF sorts them in the links it writes, so that
`?a=1&b=2` and `?b=2&a=1` are one page), together with the version token of what it shows
(vehicles.cache). Not under the language: a page holds data and codes, no text in a reader's language, so
English and French readers share it (vehicles/tests/test_catalogue_cache.py holds every page to that).
One read fetches the current token and the page; a page stored under another token is stale and computed
again. The JSON is kept with its gzip, so that a hit compresses nothing. Only a 200 in JSON is kept;
errors and the browsable API are computed every time.

Two ways in, one store:
- CataloguePageCacheMixin, in the views: after authentication, permissions and throttles, for every
  caller who sees the public catalogue; on a miss it computes the page and stores it;
- CataloguePageCacheMiddleware, early in the stack: a visitor's read (no credentials, no session) of a
  stored page is counted by the catalogue throttle and answered from the cache, without sessions,
  authentication or DRF (a listing's detail buffers its view, vehicles.view_buffer). Anything else goes
  on down to the views.

A list page keeps how many listings its query found (`result_count`), so that a search answered from the
cache is still reported, with its count (vehicles.search_reports), without reading the page's JSON.
"""

import gzip
import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from nzila_export.api.throttling import COUNTED_MARK, CatalogueThrottle
from vehicles.api.visitors import visitor_id
from vehicles.cache import CATALOGUE, scope_for_listing, token_minted_at, version_key, versions
from vehicles.search_reports import catalogue_search_report, page_result_count
from vehicles.selectors import vehicle_catalogue_is_public_for
from vehicles.view_buffer import view_buffer

PAGE_KEY = "vehicles:catalogue:page:{scope}:{action}:{query}"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as django.middleware.gzip reads Accept-Encoding
# The routes the middleware answers (by URL name), and the scope of each page.
EARLY_ROUTES: dict[str, Callable[[dict], str]] = {
    "vehicle-list": lambda kwargs: CATALOGUE,
    "vehicle-facets": lambda kwargs: CATALOGUE,
    "vehicle-autocomplete": lambda kwargs: CATALOGUE,
    "vehicle-price-history": lambda kwargs: scope_for_listing(int(kwargs["pk"])),
    "vehicle-detail": lambda kwargs: scope_for_listing(int(kwargs["pk"])),
}


@dataclass(frozen=True)
class CachedPage:
    body: bytes
    compressed: bytes
    content_type: str
    etag: str
    result_count: int | None = None  # a list page's: vehicles.search_reports.page_result_count


@dataclass(frozen=True)
class PageLookup:
    key: str
    token: str
    page: CachedPage | None


def _normalized_query(request) -> str:
    parameters = sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True))
    canonical = repr((request.scheme, request.get_host(), parameters))
    return hashlib.sha256(canonical.encode()).hexdigest()


def page_keys(request, *, scope: str, action: str) -> tuple[str, str]:
    """The keys of the scope's version and of the page."""
    page = PAGE_KEY.format(scope=scope, action=action, query=_normalized_query(request))
    return version_key(scope), page


def page_lookup(request, *, scope: str, action: str, found: dict | None = None) -> PageLookup:
    """The page's key, the current token of its scope and the page if one is stored under that token;
    `found`: the two keys' values when the caller has fetched them already."""
    token_key, key = page_keys(request, scope=scope, action=action)
    if found is None:
        found = cache.get_many([token_key, key])
    token = found.get(token_key) or versions([scope])[scope]
    stored = found.get(key)
    page = stored[1] if stored is not None and stored[0] == token else None
    return PageLookup(key=key, token=token, page=page)


def page_store(lookup: PageLookup, response) -> CachedPage:
    body = bytes(response.content)
    page = CachedPage(
        body=body,
        compressed=gzip.compress(body, compresslevel=6, mtime=0),
        content_type=response["Content-Type"],
        etag=f'W/"{hashlib.sha256(body).hexdigest()[:32]}"',
        result_count=page_result_count(getattr(response, "data", None)),
    )
    cache.set(lookup.key, (lookup.token, page), timeout=settings.CATALOGUE_CACHE_SECONDS)
    return page


def page_response(request, page: CachedPage, *, token: str, outcome: str) -> HttpResponse:
    """The page, or a 304 when the client's copy is current; gzipped when the client takes it."""
    last_modified = int(token_minted_at(token))
    not_modified = get_conditional_response(request, etag=page.etag, last_modified=last_modified)
    if not_modified is not None:
        response = not_modified
    elif ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(page.compressed, content_type=page.content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(page.body, content_type=page.content_type)
    if response.status_code == 200:
        response["Content-Length"] = str(len(response.content))
    response["ETag"] = page.etag
    if time.time() - token_minted_at(token) >= 1:
        # A date has whole seconds: one given in the second its version was minted would also date a change
        # made later in that second, and answer that client 304. Until then, the ETag alone revalidates.
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "no-cache"  # keep it, but ask each time: a 304 costs a few bytes
    response["X-Cache"] = outcome
    patch_vary_headers(response, ["Accept", "Accept-Encoding", "Authorization", "Cookie"])
    return response


class CataloguePageCacheMixin:
    """For a DRF view: `cached_page(request, scope=..., compute=...)` answers from the cache when it may,
    and stores what `compute` answers when it may not. `answered`, when given, is called with the page's
    result count once the answer is the page (a 200, or a 304 for it), cached or not."""

    def _cacheable(self, request) -> bool:
        return (
            settings.CATALOGUE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and getattr(request, "accepted_renderer", None) is not None
            and request.accepted_renderer.format == "json"
            and vehicle_catalogue_is_public_for(user=request.user)
        )

    def cached_page(
        self,
        request,
        *,
        scope: str,
        compute: Callable[[], HttpResponse],
        answered: Callable[[int | None], None] | None = None,
    ) -> HttpResponse:
        if not self._cacheable(request):
            response = compute()
            if answered is not None and response.status_code == 200:
                answered(page_result_count(getattr(response, "data", None)))
            return response
        lookup = page_lookup(request, scope=scope, action=self.action)
        page, outcome = lookup.page, "hit"
        if page is None:
            response = compute()
            if response.status_code != 200:
                return response
            response = self.finalize_response(request, response)
            response.render()
            page, outcome = page_store(lookup, response), "miss"
        if answered is not None:
            answered(page.result_count)
        return page_response(request._request, page, token=lookup.token, outcome=outcome)


class CataloguePageCacheMiddleware:
    """Answers a visitor's cached catalogue page before sessions, authentication and DRF run (see the
    module's docstring); after LocaleMiddleware, so that its answers say their language (Content-Language)
    as every other answer does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._from_cache(request) or self.get_response(request)

    def _from_cache(self, request) -> HttpResponse | None:
        if not self._is_visitors_plain_read(request):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.url_name not in EARLY_ROUTES:
            return None
        scope, action = EARLY_ROUTES[match.url_name](match.kwargs), match.func.actions["get"]
        throttle = CatalogueThrottle()  # counted, and the page fetched, in one round trip
        if not throttle.allow_ident(
            throttle.get_ident(request), also_get=page_keys(request, scope=scope, action=action)
        ):
            return None  # the views count it again and answer the 429, in the API's error format
        setattr(request, COUNTED_MARK, True)
        lookup = page_lookup(request, scope=scope, action=action, found=throttle.fetched)
        if lookup.page is None:
            return None
        request.resolver_match = match  # for the request metrics' route label
        response = page_response(request, lookup.page, token=lookup.token, outcome="hit")
        if match.url_name == "vehicle-detail":  # a 304 is a view too
            view_buffer(vehicle_id=int(match.kwargs["pk"]), user_id=None, visitor=visitor_id(request, response))
        elif match.url_name == "vehicle-list":  # a search answered from the cache is still a search
            catalogue_search_report(params=request.GET, user=None, result_count=lookup.page.result_count)
        return response

    @staticmethod
    def _is_visitors_plain_read(request) -> bool:
        """A visitor's JSON read: no credentials, no session, no browser asking for HTML, no `format`."""
        return (
            settings.CATALOGUE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and "HTTP_AUTHORIZATION" not in request.META
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "text/html" not in request.META.get("HTTP_ACCEPT", "")
            and "format" not in request.GET
        )
