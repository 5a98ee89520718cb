"""The plans' API and the limits each plan sets: the list of plans, a dealer's subscription and usage,
the 402 of a listing or feature the plan lacks, the 429 of the plan's rate with its headers, and a
change of plan holding from the next request."""

import json
import time

import pytest

from accounts.tests.factories import BuyerFactory, DealerFactory, StaffFactory
from audit.models import AuditLog
from invoices.models import Invoice, InvoiceKind, InvoiceStatus
from leads.tests.factories import LeadFactory
from payments.tests.test_stripe_webhooks import SECRET, signed
from plans.models import Plan, PlanCode, Subscription, SubscriptionStatus
from plans.selectors import dealer_has_feature
from plans.services import subscription_checkout_start
from plans.tests.factories import SubscriptionFactory, listing_body
from vehicles.models import Vehicle, VehicleStatus
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _local_billing(settings, plans):
    settings.PLANS_BILLING = "sandbox"


def test_anyone_reads_the_plans_with_prices_limits_and_features(api_client):
    answer = api_client.get("/api/v1/plans/")
    assert answer.status_code == 200
    assert [
        (plan["code"], plan["name"], plan["price_per_month"], plan["listing_limit"], plan["api_requests_per_hour"],
         plan["features"])
        for plan in answer.json()
    ] == [
        ("starter", "Starter", "0.00", 10, 100, ["csv_import"]),
        ("professional", "Professional", "99.00", 100, 1000, ["csv_import", "price_guidance"]),
        ("enterprise", "Enterprise", "399.00", None, 10000, ["csv_import", "price_guidance", "reports"]),
    ]  # fmt: skip
    french = api_client.get("/api/v1/plans/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert [plan["name"] for plan in french] == ["Starter", "Professionnel", "Entreprise"]


def test_a_plans_features_are_checked_against_the_known_ones():
    from django.core.exceptions import ValidationError

    plan = Plan.objects.get(code=PlanCode.STARTER)
    plan.features = ["csv_import", "teleport"]
    with pytest.raises(ValidationError) as refused:
        plan.full_clean()
    assert "Unknown features: teleport" in str(refused.value)


def test_a_dealer_without_a_subscription_is_on_starter_and_sees_its_usage(client_for):
    dealer = DealerFactory()
    first, _second = VehicleFactory.create_batch(2, dealer=dealer)
    VehicleFactory(dealer=dealer, status=VehicleStatus.DRAFT)  # not on the market: not counted
    LeadFactory(vehicle=first)
    client = client_for(dealer)
    client.get("/api/v1/plans/")
    body = client.get("/api/v1/subscription/").json()
    assert (body["plan"]["code"], body["subscription"], body["invoices"]) == ("starter", None, [])
    assert body["usage"] == {
        "dealer": dealer.pk, "plan": "starter", "listings": 2, "listing_limit": 10, "api_calls_this_hour": 2,
        "api_requests_per_hour": 100, "api_calls_this_month": 2, "leads_this_month": 1,
    }  # fmt: skip


def test_staff_read_a_dealers_usage_and_others_cannot(client_for):
    dealer = DealerFactory()
    staff = client_for(StaffFactory())
    assert staff.get(f"/api/v1/usage/?dealer={dealer.pk}").json()["plan"] == "starter"
    missing = staff.get("/api/v1/usage/")
    assert (missing.status_code, list(missing.json()["fields"])) == (400, ["dealer"])
    assert staff.get(f"/api/v1/usage/?dealer={BuyerFactory().pk}").status_code == 404
    buyer = client_for(BuyerFactory())
    assert buyer.get("/api/v1/usage/").status_code == 403
    assert buyer.get("/api/v1/subscription/").status_code == 403


def test_a_listing_past_the_plans_limit_is_402_whether_created_or_published(client_for):
    dealer = DealerFactory()
    VehicleFactory.create_batch(9, dealer=dealer)
    VehicleFactory(dealer=dealer, status=VehicleStatus.ARCHIVED)
    draft = VehicleFactory(dealer=dealer, status=VehicleStatus.DRAFT)
    client = client_for(dealer)
    assert client.post("/api/v1/vehicles/", listing_body(), format="json").status_code == 201  # the 10th
    refused = client.post("/api/v1/vehicles/", listing_body(), format="json")
    assert refused.status_code == 402
    assert refused.json() == {
        "status": 402, "code": "plan_limit_reached", "plan": "starter", "limit": 10,
        "detail": "Your Starter plan allows 10 listings on the market at once, and you have 10. Archive one or move "
                  "to a larger plan.",
    }  # fmt: skip
    published = client.patch(f"/api/v1/vehicles/{draft.pk}/", {"status": "available"}, format="json")
    assert published.status_code == 402
    assert client.post("/api/v1/vehicles/", listing_body(status="draft"), format="json").status_code == 201
    draft.refresh_from_db()
    assert draft.status == VehicleStatus.DRAFT
    assert Vehicle.objects.filter(dealer=dealer, status=VehicleStatus.AVAILABLE).count() == 10


def test_a_feature_the_plan_lacks_is_402_and_a_plan_with_it_passes(client_for, django_capture_on_commit_callbacks):
    dealer = DealerFactory()
    car = VehicleFactory(dealer=dealer)
    client = client_for(dealer)
    refused = client.get(f"/api/v1/vehicles/{car.pk}/price-guidance/")
    assert refused.status_code == 402
    assert (refused.json()["code"], refused.json()["feature"], refused.json()["plan"]) == (
        "plan_feature_required", "price_guidance", "starter"
    )  # fmt: skip
    assert refused.json()["detail"] == "Price guidance is not in your Starter plan. Move to a plan that includes it."
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/api/v1/subscription/", {"plan": "professional"}, format="json").status_code == 201
    assert client.get(f"/api/v1/vehicles/{car.pk}/price-guidance/").status_code == 200
    assert (dealer_has_feature(dealer, "reports"), dealer_has_feature(StaffFactory(), "reports")) == (False, True)


def test_csv_import_is_402_for_a_plan_without_it(client_for):
    Plan.objects.filter(code=PlanCode.STARTER).update(features=[])
    refused = client_for(DealerFactory()).post("/api/v1/vehicles/import/", {}, format="multipart")
    assert (refused.status_code, refused.json()["feature"]) == (402, "csv_import")


def test_the_plans_rate_is_429_with_its_headers_for_dealers_only(client_for, rates):
    rates()  # the frozen clock: one window for the test
    Plan.objects.filter(code=PlanCode.STARTER).update(api_requests_per_hour=3)
    client = client_for(DealerFactory())
    answers = [client.get("/api/v1/plans/") for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    reset = str((1_800_000_010 // 3600 + 1) * 3600)
    assert [(a["X-RateLimit-Limit"], a["X-RateLimit-Remaining"], a["X-RateLimit-Reset"]) for a in answers] == [
        ("3", "2", reset), ("3", "1", reset), ("3", "0", reset), ("3", "0", reset),
    ]  # fmt: skip
    assert answers[3]["Retry-After"] == str(int(reset) - 1_800_000_010)
    assert answers[3].json()["code"] == "throttled"
    staff = client_for(StaffFactory())
    assert "X-RateLimit-Limit" not in staff.get("/api/v1/plans/")


def test_a_new_plan_sets_the_rate_from_the_next_request(client_for, rates, django_capture_on_commit_callbacks):
    rates()
    Plan.objects.filter(code=PlanCode.STARTER).update(api_requests_per_hour=2)
    Plan.objects.filter(code=PlanCode.PROFESSIONAL).update(api_requests_per_hour=5)
    dealer = DealerFactory()
    client = client_for(dealer)
    assert [client.get("/api/v1/plans/").status_code for _ in range(3)] == [200, 200, 429]
    with django_capture_on_commit_callbacks(execute=True):  # as Stripe's invoice.paid would
        subscription_checkout_start(dealer=dealer, plan=Plan.objects.get(code=PlanCode.PROFESSIONAL))
    again = client.get("/api/v1/plans/")
    assert (again.status_code, again["X-RateLimit-Limit"], again["X-RateLimit-Remaining"]) == (200, "5", "1")


def test_in_local_mode_a_plan_is_active_at_once_invoiced_and_canceled_back_to_starter(
    client_for, django_capture_on_commit_callbacks
):
    dealer = DealerFactory()
    client = client_for(dealer)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post("/api/v1/subscription/", {"plan": "enterprise"}, format="json")
    assert (answer.status_code, answer.json()["checkout_url"], answer.json()["subscription"]["status"]) == (
        201, "", "active"
    )  # fmt: skip
    invoice = Invoice.objects.get(kind=InvoiceKind.PLATFORM, customer=dealer)
    assert (invoice.status, str(invoice.total), invoice.currency) == (InvoiceStatus.PAID, "399.000", "CAD")
    body = client.get("/api/v1/subscription/").json()
    assert (body["plan"]["code"], body["invoices"][0]["invoice_number"]) == ("enterprise", invoice.number)
    again = client.post("/api/v1/subscription/", {"plan": "enterprise"}, format="json")
    assert (again.status_code, again.json()["code"]) == (409, "already_subscribed")
    with django_capture_on_commit_callbacks(execute=True):
        canceled = client.post("/api/v1/subscription/cancel/")
    assert (canceled.status_code, canceled.json()["status"]) == (200, "canceled")
    assert client.get("/api/v1/usage/").json()["plan"] == "starter"
    assert client.post("/api/v1/subscription/cancel/").status_code == 409


def test_choosing_starter_or_an_unknown_plan_is_400(client_for):
    client = client_for(DealerFactory())
    for plan, message in (("starter", "Starter is free"), ("platinum", "Object with code=platinum does not exist.")):
        refused = client.post("/api/v1/subscription/", {"plan": plan}, format="json")
        assert refused.status_code == 400
        assert refused.json()["fields"]["plan"][0].startswith(message)
    assert not Subscription.objects.exists()


def stripe_event(event_type: str, data: dict, event_id: str) -> str:
    return json.dumps({
        "id": event_id, "object": "event", "api_version": "2026-10-28.endive", "created": int(time.time()),
        "type": event_type, "livemode": False, "data": {"object": data},
    })  # fmt: skip


def test_a_deleted_subscription_is_canceled_once_and_the_dealer_is_on_starter(client, client_for, settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    subscription = SubscriptionFactory(plan=Plan.objects.get(code=PlanCode.ENTERPRISE))
    body = stripe_event(
        "customer.subscription.deleted",
        {"id": subscription.stripe_subscription_id, "object": "subscription", "status": "canceled", "customer": "cus_1",
         "metadata": {}, "items": {"data": []}},
        "evt_deleted",
    )  # fmt: skip
    for _ in range(2):
        answer = client.post("/api/v1/webhooks/stripe/", body, content_type="application/json",
                             HTTP_STRIPE_SIGNATURE=signed(body))  # fmt: skip
        assert answer.json()["status"] == "processed"
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CANCELED
    assert client_for(subscription.dealer).get("/api/v1/usage/").json()["plan"] == "starter"
    assert AuditLog.objects.filter(action="subscription.deleted", object_id=str(subscription.pk)).count() == 1


def test_the_plans_rate_reads_the_database_once_then_the_cache(client_for, django_assert_num_queries):
    client = client_for(DealerFactory())
    # The request's savepoint and its release, the user, the dealer's plan, the list of plans;
    with django_assert_num_queries(5):
        client.get("/api/v1/plans/")
    with django_assert_num_queries(4):  # then the limits come with the counters, in the one round trip to Redis
        assert client.get("/api/v1/plans/")["X-RateLimit-Remaining"] == "98"
