"""The API's throttles (REST_FRAMEWORK's DEFAULT_THROTTLE_CLASSES), by one rule:

- A visitor's read (GET, HEAD or OPTIONS that the view's permissions let an anonymous caller make: the
  catalogue, its photos, facets and autocomplete, the currencies) is counted per IP against
  `catalogue_burst` and `catalogue_sustained`. They are generous, because a mobile network puts
  thousands of buyers behind one address (carrier-grade NAT), and not the `anon` bucket.
- A visitor's other requests are counted per IP against `anon`; a signed-in user's against `user`, per
  user, wherever the user connects from.
- What costs or can be abused has a tight scope on top, named by the view: `throttle_scope` for the
  actions in its `throttled_actions` (an inquiry, an upload), counted per user, or per IP for a visitor.

The broad rules (`catalogue_*`, `anon`, `user`) count in fixed windows, one increment per window in one
round trip, whatever the caller's volume; the tight scopes keep DRF's exact sliding log, whose list their
small rates keep short.

Rates are in settings (THROTTLE_* in the environment); README says why each is what it is. Permissions
run before throttles, so a visitor's read that reaches them is one the view lets anyone make.

Every 429 carries Retry-After and X-RateLimit-Limit, X-RateLimit-Remaining (0) and X-RateLimit-Reset (the
Unix time the caller may try again) of the limit that refused it: whatever refuses notes it on the request
(`rate_limit_refused`; of several, the one that waits longest, as Retry-After) and
`RateLimitHeadersMiddleware` writes the headers. A dealer's plan throttle notes its state on every answer.
"""

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle

# Set on a request whose catalogue read was counted and allowed before the views ran, so that it counts once.
COUNTED_MARK = "catalogue_throttle_counted"
RATE_LIMIT_ATTRIBUTE = "rate_limit_state"


@dataclass(frozen=True)
class RateLimitState:
    limit: int
    remaining: int
    reset: int  # Unix time

    @property
    def is_refusal(self) -> bool:
        return self.remaining == 0


def rate_limit_note(request, state: RateLimitState) -> None:
    """Note `state` on the (Django or DRF) request for the X-RateLimit-* headers. A refusal is kept over
    an allowance, and of two refusals the one that ends later."""
    django_request = getattr(request, "_request", request)
    noted = getattr(django_request, RATE_LIMIT_ATTRIBUTE, None)
    if noted is not None and noted.is_refusal and (not state.is_refusal or noted.reset >= state.reset):
        return
    setattr(django_request, RATE_LIMIT_ATTRIBUTE, state)


def rate_limit_refused(request, *, limit: int, wait: float) -> None:
    """The request was refused by a limit of `limit` requests, for `wait` seconds."""
    rate_limit_note(request, RateLimitState(limit=limit, remaining=0, reset=math.ceil(time.time() + wait)))


class RateLimitHeadersMiddleware:
    """The X-RateLimit-* headers of the limit noted on the request: every 429, and every dealer's answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        state = getattr(request, RATE_LIMIT_ATTRIBUTE, None)
        if state is not None:
            response["X-RateLimit-Limit"] = str(state.limit)
            response["X-RateLimit-Remaining"] = str(state.remaining)
            response["X-RateLimit-Reset"] = str(state.reset)
        return response


def _is_visitor(request) -> bool:
    return not (request.user and request.user.is_authenticated)


class FixedWindowRateThrottle(SimpleRateThrottle):
    """Counts a caller in fixed windows, one per scope in `scopes` (a short burst and a long sustained
    rate, say), with one atomic increment each, all in one round trip to Redis. DRF's SimpleRateThrottle
    keeps a timestamp per request and reads and rewrites the whole list on each one: at thousands an hour
    per address (or a busy account) that is a large value moved on every request. A fixed window lets a
    client spend up to twice the rate across a window's edge: right for the broad rules, where a short
    burst window bounds it or the rate is a generous cap, not for the tight scopes."""

    scopes: tuple[str, ...] = ()

    def __init__(self):
        self.windows = [(scope, *self.parse_rate(self.THROTTLE_RATES.get(scope))) for scope in self.scopes]
        self.wait_seconds = None
        self.refused_by_limit: int | None = None
        self.fetched: dict = {}

    def allow_request(self, request, view) -> bool:
        if getattr(request, COUNTED_MARK, False):
            return True  # counted already, and allowed, before the views (vehicles.api.caching)
        ident = self.get_ident_for(request)
        if ident is None or self.allow_ident(ident):
            return True
        rate_limit_refused(request, limit=self.refused_by_limit, wait=self.wait_seconds)
        return False

    def allow_ident(self, ident: str, *, also_get: Sequence[str] = ()) -> bool:
        """Count one request of `ident` in every window; whether it is within all of them. The cache's
        values of `also_get` come back in the same round trip, in `self.fetched`."""
        now = self.timer()
        counters = {}
        for scope, limit, duration in self.windows:
            if limit is not None:
                window = int(now // duration)
                key = f"{self.cache_format % {'scope': scope, 'ident': ident}}_{window}"
                counters[key] = (limit, duration, (window + 1) * duration - now)
        if not counters and not also_get:
            return True
        timeouts = {key: duration for key, (_limit, duration, _wait) in counters.items()}
        counts, self.fetched = self.cache.round_trip(count=timeouts, get=also_get)
        refusals = sorted((wait, limit) for key, (limit, _duration, wait) in counters.items() if counts[key] > limit)
        self.wait_seconds, self.refused_by_limit = refusals[-1] if refusals else (None, None)
        return not refusals

    def get_ident_for(self, request) -> str | None:
        """Who is counted (None: this throttle does not count the request)."""
        raise NotImplementedError

    def wait(self) -> float | None:
        return self.wait_seconds


class CatalogueThrottle(FixedWindowRateThrottle):
    """A visitor's read, per IP, against `catalogue_burst` and `catalogue_sustained`."""

    scopes = ("catalogue_burst", "catalogue_sustained")

    def get_ident_for(self, request) -> str | None:
        if request.method not in SAFE_METHODS or not _is_visitor(request):
            return None
        return self.get_ident(request)


class VisitorThrottle(FixedWindowRateThrottle):
    """A visitor's requests other than reads, per IP (`anon`)."""

    scopes = ("anon",)

    def get_ident_for(self, request) -> str | None:
        if request.method in SAFE_METHODS or not _is_visitor(request):
            return None
        return self.get_ident(request)


class SignedInThrottle(FixedWindowRateThrottle):
    """Every request of a signed-in user, per user (`user`), wherever the user connects from."""

    scopes = ("user",)

    def get_ident_for(self, request) -> str | None:
        return None if _is_visitor(request) else str(request.user.pk)


class ScopedThrottle(ScopedRateThrottle):
    """DRF's ScopedRateThrottle (the view's `throttle_scope`, exact sliding log), noting its refusals."""

    def allow_request(self, request, view) -> bool:
        if super().allow_request(request, view):
            return True
        rate_limit_refused(request, limit=self.num_requests, wait=self.wait() or 0)
        return False


class ActionScopedThrottle(ScopedThrottle):
    """The view's tight `throttle_scope`, on the actions named in its `throttled_actions` only."""

    def allow_request(self, request, view) -> bool:
        if getattr(view, "action", None) not in getattr(view, "throttled_actions", ()):
            return True
        return super().allow_request(request, view)
