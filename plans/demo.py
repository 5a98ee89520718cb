"""Demo subscriptions for `seed_demo`: the demo dealers are on Enterprise (their 150 listings each pass
Starter's and Professional's limits), subscribed in local mode. Idempotent."""

from django.conf import settings

from accounts.models import User
from plans.models import LIVE_STATUSES, Plan, PlanCode, Subscription
from plans.services import plans_missing_create, subscription_checkout_start
from vehicles.demo import DEMO_DEALERS


def demo_plans_seed() -> str:
    if settings.PLANS_BILLING != "sandbox":
        return "plans: demo subscriptions need the local mode (PLANS_BILLING=sandbox); none made"
    plans_missing_create()
    enterprise = Plan.objects.get(code=PlanCode.ENTERPRISE)
    made = 0
    for dealer in User.objects.filter(username__in=DEMO_DEALERS):
        if not Subscription.objects.filter(dealer=dealer, status__in=LIVE_STATUSES).exists():
            subscription_checkout_start(dealer=dealer, plan=enterprise)
            made += 1
    return f"plans: {made} demo dealers subscribed to Enterprise"
