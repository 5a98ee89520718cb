"""The API rate of a dealer's plan (100, 1,000 or 10,000 requests an hour as seeded), in place of the
`user` rate for dealers; everyone else is counted as nzila_export.api.throttling says.

One fixed window per clock hour, in Redis, like the broad rules: the hour's counter and the month's
(the usage figures read both) are incremented, and the dealer's cached plan limits read, in one round
trip. The limits come from the cache (plans.selectors), deleted when the dealer's subscription changes,
so a change of plan holds from the next request. Every dealer's answer carries X-RateLimit-Limit,
X-RateLimit-Remaining and X-RateLimit-Reset (the Unix time the window ends), set by
nzila_export.api.throttling.RateLimitHeadersMiddleware; a request over the limit is a 429 with Retry-After.
"""

from nzila_export.api.throttling import RateLimitState, SignedInThrottle, rate_limit_note
from plans.selectors import HOUR, MONTH_SECONDS, api_calls_cache_keys, dealer_plan_limits, plan_limits_cache_key


class PlanRateThrottle(SignedInThrottle):
    """A dealer's requests against its plan's hourly rate; other signed-in users against `user`."""

    def allow_request(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.is_dealer):
            return super().allow_request(request, view)
        now = self.timer()
        hour_key, month_key = api_calls_cache_keys(dealer_id=user.pk, now=now)
        limits_key = plan_limits_cache_key(user.pk)
        counts, fetched = self.cache.round_trip(count={hour_key: HOUR, month_key: MONTH_SECONDS}, get=[limits_key])
        limit = dealer_plan_limits(dealer_id=user.pk, cached=fetched.get(limits_key)).api_requests_per_hour
        count, window_end = counts[hour_key], (int(now // HOUR) + 1) * HOUR
        state = RateLimitState(limit=limit, remaining=max(limit - count, 0), reset=window_end)
        rate_limit_note(request, state)
        self.wait_seconds = window_end - now if count > limit else None
        return count <= limit
