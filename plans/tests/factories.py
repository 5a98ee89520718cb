import random

import factory
from django.utils import timezone

from accounts.tests.factories import DealerFactory
from plans.models import Plan, PlanCode, Subscription, SubscriptionStatus
from vehicles.vins import vin_random

_rng = random.Random(2027)


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A dealer's live subscription to a plan (Professional unless told), as its events would leave it."""

    class Meta:
        model = Subscription

    dealer = factory.SubFactory(DealerFactory)
    plan = factory.LazyFunction(lambda: Plan.objects.get(code=PlanCode.PROFESSIONAL))
    status = SubscriptionStatus.ACTIVE
    status_changed_at = factory.LazyFunction(timezone.now)
    provider = "stripe"
    stripe_subscription_id = factory.Sequence(lambda n: f"sub_test_{n}")


def listing_body(**overrides) -> dict:
    """What a dealer posts to /api/v1/vehicles/ for a listing on the market."""
    return {
        "make": "Toyota", "model": "Corolla", "year": 2020, "vin": vin_random(rng=_rng, make="Toyota"),
        "mileage_km": 50000, "condition": "used_good", "body_type": "sedan", "fuel_type": "gasoline",
        "transmission": "automatic", "price": "15000.00", "currency": "CAD", "city": "Toronto", "province": "ON",
        "status": "available", **overrides,
    }  # fmt: skip


def dealer_on_plan(code: str = PlanCode.PROFESSIONAL):
    """A dealer with a live subscription to the plan `code` (the shipped plans made if a flush removed them)."""
    from plans.services import plans_missing_create

    plans_missing_create()
    return SubscriptionFactory(plan=Plan.objects.get(code=code)).dealer
