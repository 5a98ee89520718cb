"""Reads: the plan a dealer is on, its features and limits, its usage.

The plan a dealer's requests are held to is read on every dealer request (the rate limit), so its limits
are kept in the cache under the dealer's key and read in the throttle's own round trip to Redis; a
change of subscription deletes the dealer's copy when it commits (plans.services), so its next request
sees the new limits; a staff edit of a plan reaches its dealers within LIMITS_CACHE_SECONDS.
"""

from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from django.core.cache import cache
from django.db.models import Case, Q, QuerySet, When
from django.utils import timezone

from accounts.models import User
from leads.models import Lead
from plans.models import LIVE_STATUSES, Plan, PlanCode, Subscription, SubscriptionInvoice, SubscriptionStatus
from plans.seed import STARTER
from vehicles.models import Vehicle, VehicleStatus

# Listings that count against a plan's limit: those on the market.
COUNTED_LISTING_STATUSES = (VehicleStatus.AVAILABLE, VehicleStatus.RESERVED)
# A dealer's change of plan deletes its cached limits when it commits; a staff member's edit of a plan
# reaches the dealers on it when their cached copy expires.
LIMITS_CACHE_SECONDS = 300
HOUR, MONTH_SECONDS = 3600, 32 * 24 * 3600


@dataclass(frozen=True)
class PlanLimits:
    """What the throttle and the checks need of a dealer's plan, small enough to cache."""

    code: str
    listing_limit: int | None
    api_requests_per_hour: int
    features: tuple[str, ...]


def plan_limits_cache_key(dealer_id: int) -> str:
    return f"plans:limits:{dealer_id}"


def api_calls_cache_keys(*, dealer_id: int, now: float) -> tuple[str, str]:
    """The dealer's API-call counters: this hour's (the rate limit's fixed window) and this month's (UTC)."""
    month = datetime.fromtimestamp(now, tz=UTC).strftime("%Y-%m")
    return f"plans:calls:{dealer_id}:h{int(now // HOUR)}", f"plans:calls:{dealer_id}:m{month}"


def plan_list() -> QuerySet[Plan]:
    return Plan.objects.order_by("price_per_month", "id")


def subscription_of(*, dealer: User) -> Subscription | None:
    return Subscription.objects.select_related("plan").filter(dealer=dealer).first()


def dealer_plan(*, dealer: User) -> Plan:
    """The plan that applies now: the subscribed one while the subscription is live (active, or past due
    within its grace period), Starter otherwise."""
    subscribed = Q(subscriptions__dealer=dealer, subscriptions__status__in=LIVE_STATUSES)
    plans = Plan.objects.filter(subscribed | Q(code=PlanCode.STARTER))  # one query: Starter unless subscribed
    plan = plans.order_by(Case(When(code=PlanCode.STARTER, then=1), default=0)).first()
    return plan or Plan(**STARTER)


def plan_limits_of(plan: Plan) -> PlanLimits:
    return PlanLimits(
        code=plan.code,
        listing_limit=plan.listing_limit,
        api_requests_per_hour=plan.api_requests_per_hour,
        features=tuple(plan.features),
    )


def dealer_plan_limits(*, dealer_id: int, cached: dict | None = None) -> PlanLimits:
    """The dealer's limits, from the cache (`cached`: the value already read there, if any) or the
    database, which fills the cache."""
    if cached:
        return PlanLimits(**{**cached, "features": tuple(cached["features"])})
    limits = plan_limits_of(dealer_plan(dealer=User(pk=dealer_id)))
    cache.set(plan_limits_cache_key(dealer_id), asdict(limits), LIMITS_CACHE_SECONDS)
    return limits


def dealer_has_feature(dealer: User, feature: str) -> bool:
    """Whether the dealer's plan has `feature` (plans.models.PlanFeature). Staff have every feature."""
    if dealer.is_platform_staff:
        return True
    return (
        feature in dealer_plan_limits(dealer_id=dealer.pk, cached=cache.get(plan_limits_cache_key(dealer.pk))).features
    )


def dealer_listing_count(*, dealer: User) -> int:
    return Vehicle.objects.filter(dealer=dealer, status__in=COUNTED_LISTING_STATUSES).count()


@dataclass(frozen=True)
class DealerUsage:
    plan: str
    listings: int
    listing_limit: int | None
    api_calls_this_hour: int
    api_requests_per_hour: int
    api_calls_this_month: int
    leads_this_month: int


def dealer_usage(*, dealer: User, now: datetime | None = None) -> DealerUsage:
    """Listings on the market against the limit, API calls this hour (the rate limit's own counter) and
    this month, and leads received this month (UTC months, as the API-call counter)."""
    now = now or timezone.now()
    plan = dealer_plan(dealer=dealer)
    hour_key, month_key = api_calls_cache_keys(dealer_id=dealer.pk, now=now.timestamp())
    counts = cache.get_many([hour_key, month_key])
    month_start = now.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return DealerUsage(
        plan=plan.code,
        listings=dealer_listing_count(dealer=dealer),
        listing_limit=plan.listing_limit,
        api_calls_this_hour=int(counts.get(hour_key) or 0),
        api_requests_per_hour=plan.api_requests_per_hour,
        api_calls_this_month=int(counts.get(month_key) or 0),
        leads_this_month=Lead.objects.filter(dealer=dealer, created_at__gte=month_start).count(),
    )


def subscription_invoices_of(*, dealer: User) -> QuerySet[SubscriptionInvoice]:
    return SubscriptionInvoice.objects.filter(subscription__dealer=dealer).select_related("plan", "invoice")


def subscriptions_in_dunning() -> QuerySet[Subscription]:
    """Past-due subscriptions: each gets its next dunning e-mail, or lapses once its grace has passed."""
    return Subscription.objects.filter(status=SubscriptionStatus.PAST_DUE).order_by("id")
