"""The API's throttles (REST_FRAMEWORK's DEFAULT_THROTTLE_CLASSES), by one rule:

- A visitor's read (GET, HEAD or OPTIONS that the view's permissions let an anonymous caller make: the
  catalogue, its photos, facets and autocomplete, the currencies) is counted per IP against
  `catalogue_burst` and `catalogue_sustained`. They are generous, because a mobile network puts
  thousands of buyers behind one address (carrier-grade NAT), and not the `anon` bucket.
- A visitor's other requests are counted per IP against `anon`; a signed-in user's against `user`, per
  user, wherever the user connects from.
- What costs or can be abused has a tight scope on top, named by the view: `throttle_scope` for the
  actions in its `throttled_actions` (an inquiry, an upload), counted per user, or per IP for a visitor.

Rates are in settings (THROTTLE_* in the environment); README says why each is what it is. Permissions
run before throttles, so a visitor's read that reaches them is one the view lets anyone make.
"""

from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, SimpleRateThrottle, UserRateThrottle


def _is_visitor(request) -> bool:
    return not (request.user and request.user.is_authenticated)


class FixedWindowRateThrottle(SimpleRateThrottle):
    """Counts in fixed windows with one atomic increment. DRF's SimpleRateThrottle keeps a timestamp per
    request and reads and rewrites the whole list on each one: at thousands an hour per address that is
    a large value moved on every catalogue read. A fixed window lets a client spend up to twice the rate
    across a window's edge, which the short burst window bounds."""

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        self.wait_seconds = (window + 1) * self.duration - now
        key = f"{self.key}_{window}"
        self.cache.add(key, 0, self.duration)
        try:
            count = self.cache.incr(key)
        except ValueError:  # the window's counter expired between add and incr
            self.cache.set(key, 1, self.duration)
            count = 1
        return count <= self.num_requests

    def wait(self) -> float:
        return self.wait_seconds


class CatalogueThrottle(FixedWindowRateThrottle):
    """A visitor's read, per IP."""

    def get_cache_key(self, request, view) -> str | None:
        if request.method not in SAFE_METHODS or not _is_visitor(request):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class CatalogueBurstThrottle(CatalogueThrottle):
    scope = "catalogue_burst"


class CatalogueSustainedThrottle(CatalogueThrottle):
    scope = "catalogue_sustained"


class VisitorThrottle(AnonRateThrottle):
    """A visitor's requests other than reads, per IP (`anon`)."""

    def get_cache_key(self, request, view) -> str | None:
        if request.method in SAFE_METHODS:
            return None
        return super().get_cache_key(request, view)


class SignedInThrottle(UserRateThrottle):
    """Every request of a signed-in user, per user (`user`). DRF's UserRateThrottle also counts visitors,
    per IP: here they are counted by the two rules above instead."""

    def get_cache_key(self, request, view) -> str | None:
        if _is_visitor(request):
            return None
        return super().get_cache_key(request, view)


class ActionScopedThrottle(ScopedRateThrottle):
    """The view's tight `throttle_scope`, on the actions named in its `throttled_actions` only."""

    def allow_request(self, request, view) -> bool:
        if getattr(view, "action", None) not in getattr(view, "throttled_actions", ()):
            return True
        return super().allow_request(request, view)
