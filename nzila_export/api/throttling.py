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
"""

from collections.abc import Sequence

from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle

# Set on a request whose catalogue read was counted and allowed before the views ran, so that it counts once.
COUNTED_MARK = "catalogue_throttle_counted"


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
        self.fetched: dict = {}

    def allow_request(self, request, view) -> bool:
        if getattr(request, COUNTED_MARK, False):
            return True  # counted already, and allowed, before the views (vehicles.api.caching)
        ident = self.get_ident_for(request)
        return ident is None or self.allow_ident(ident)

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
        waits = [wait for key, (limit, _duration, wait) in counters.items() if counts[key] > limit]
        self.wait_seconds = max(waits, default=None)
        return not waits

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


class ActionScopedThrottle(ScopedRateThrottle):
    """The view's tight `throttle_scope`, on the actions named in its `throttled_actions` only."""

    def allow_request(self, request, view) -> bool:
        if getattr(view, "action", None) not in getattr(view, "throttled_actions", ()):
            return True
        return super().allow_request(request, view)
