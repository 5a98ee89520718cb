"""A dealer's plan from end to end through Stripe's test objects (localstripe with Checkout) and signed
webhooks: subscribe, billed, renewed, a renewal failed and recovered, and a lapse after the grace period,
with the limits following the plan from the next request."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import DealerFactory
from audit.models import AuditLog
from invoices.models import Invoice, InvoiceKind, InvoiceStatus
from notifications.models import MessageLog
from plans.models import PlanCode, Subscription, SubscriptionInvoice, SubscriptionStatus
from plans.services import subscription_dunning_advance
from plans.tasks import advance_plan_dunning
from plans.tests.factories import listing_body
from vehicles.models import Vehicle, VehicleStatus
from vehicles.tests.factories import VehicleFactory
from webhooks.models import InboxEventStatus

pytestmark = pytest.mark.django_db

APPLIED = (InboxEventStatus.PROCESSED, InboxEventStatus.IGNORED)
GOOD_CARD, FAILING_CARD = "4242424242424242", "4000000000000341"  # the second attaches, then every charge fails


def listing(client):
    return client.post("/api/v1/vehicles/", listing_body(), format="json")


def test_subscribe_bill_renew_fail_recover_and_lapse(
    client, client_for, stripe_billing, plans, settings, django_capture_on_commit_callbacks
):
    dealer = DealerFactory(email="dealer@example.com")
    api = client_for(dealer)
    assert api.get("/api/v1/subscription/").json()["plan"]["code"] == "starter"

    # Subscribe: a Checkout Session for the Professional price, our subscription id as its reference.
    answer = api.post("/api/v1/subscription/", {"plan": "professional"}, format="json")
    assert answer.status_code == 201, answer.json()
    assert answer.json()["checkout_url"].startswith("https://checkout.stripe.com/c/pay/cs_test_")
    subscription = Subscription.objects.get(dealer=dealer)
    assert (subscription.status, subscription.plan.code) == (SubscriptionStatus.INCOMPLETE, PlanCode.PROFESSIONAL)
    session = stripe_billing.call("GET", f"/v1/checkout/sessions/{subscription.checkout_session_id}")
    assert (session["client_reference_id"], session["mode"]) == (str(subscription.pk), "subscription")

    # The dealer pays on Stripe's page; Stripe's events arrive signed, in the order Stripe recorded them.
    stripe_billing.call(
        "POST", f"/_test/checkout/sessions/{session['id']}/complete", payment_method=stripe_billing.card()
    )
    with django_capture_on_commit_callbacks(execute=True):
        stored = stripe_billing.deliver_new(client)
    assert {event.event_type for event in stored} >= {
        "checkout.session.completed", "customer.subscription.created", "invoice.paid"
    }  # fmt: skip
    assert {event.event_type: event.error for event in stored if event.status not in APPLIED} == {}
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.ACTIVE
    assert subscription.stripe_subscription_id == session_subscription(stripe_billing, session["id"])
    assert api.get("/api/v1/subscription/").json()["plan"]["code"] == "professional"

    # Billed: the period's platform invoice, numbered in its own series, paid, PDF sent to the dealer.
    first = SubscriptionInvoice.objects.get(subscription=subscription)
    invoice = first.invoice
    assert (invoice.kind, invoice.status, invoice.total, invoice.customer_id) == (
        InvoiceKind.PLATFORM, InvoiceStatus.PAID, plans["professional"].price_per_month, dealer.pk
    )  # fmt: skip
    assert invoice.number.startswith("NZP-")
    assert invoice.pdf_sha256
    assert invoice.lines.get().description.startswith("Professional plan, ")
    assert MessageLog.objects.filter(user=dealer, event="invoice.platform_issued", channel="email").exists()
    assert api.get(f"/api/v1/invoices/{invoice.pk}/").status_code == 200

    # The same invoice.paid again changes nothing.
    paid_event = next(event for event in stored if event.event_type == "invoice.paid")
    client.post("/api/v1/webhooks/stripe/", paid_event.body, content_type="application/json",
                HTTP_STRIPE_SIGNATURE=signed_again(paid_event.body))  # fmt: skip
    assert (SubscriptionInvoice.objects.count(), Invoice.objects.filter(kind="platform").count()) == (1, 1)

    # Renewed: the next period is charged to the card on file and invoiced.
    stripe_subscription = subscription.stripe_subscription_id
    stripe_billing.call("POST", f"/_test/subscriptions/{stripe_subscription}/renew")
    with django_capture_on_commit_callbacks(execute=True):
        stripe_billing.deliver_new(client)
    assert SubscriptionInvoice.objects.filter(subscription=subscription).count() == 2
    assert Invoice.objects.filter(kind=InvoiceKind.PLATFORM, customer=dealer, status=InvoiceStatus.PAID).count() == 2

    # A renewal fails: past due, a grace period, the first dunning e-mail at once; the plan holds meanwhile.
    customer = stripe_billing.call("GET", f"/v1/subscriptions/{stripe_subscription}")["customer"]
    failing = stripe_billing.card(FAILING_CARD)
    stripe_billing.call("POST", f"/v1/payment_methods/{failing}/attach", customer=customer)
    stripe_billing.call("POST", f"/v1/customers/{customer}", **{"invoice_settings[default_payment_method]": failing})
    failed_invoice = stripe_billing.call("POST", f"/_test/subscriptions/{stripe_subscription}/renew")
    assert failed_invoice["status"] == "open"
    with django_capture_on_commit_callbacks(execute=True):
        stripe_billing.deliver_new(client)
    subscription.refresh_from_db()
    assert (subscription.status, subscription.dunning_step) == (SubscriptionStatus.PAST_DUE, 1)
    assert subscription.grace_until - subscription.payment_failed_at == timedelta(days=settings.PLANS_GRACE_DAYS)
    assert MessageLog.objects.filter(user=dealer, event="plan.payment_failed", channel="email").count() == 1
    assert api.get("/api/v1/subscription/").json()["plan"]["code"] == "professional"

    # Day 3 of the grace: the second e-mail, once however often the job runs.
    day_3 = subscription.payment_failed_at + timedelta(days=3, minutes=1)
    assert subscription_dunning_advance(subscription_id=subscription.pk, now=day_3) == "reminded"
    assert subscription_dunning_advance(subscription_id=subscription.pk, now=day_3) == "nothing_due"
    assert MessageLog.objects.filter(user=dealer, event="plan.payment_failed").count() == 2

    # Recovered: the dealer's new card pays the open invoice; active again, its period invoiced.
    good = stripe_billing.card(GOOD_CARD)
    stripe_billing.call("POST", f"/v1/payment_methods/{good}/attach", customer=customer)
    stripe_billing.call("POST", f"/v1/customers/{customer}", **{"invoice_settings[default_payment_method]": good})
    stripe_billing.call("POST", f"/v1/invoices/{failed_invoice['id']}/pay")
    with django_capture_on_commit_callbacks(execute=True):
        stripe_billing.deliver_new(client)
    subscription.refresh_from_db()
    assert (subscription.status, subscription.grace_until, subscription.dunning_step) == (
        SubscriptionStatus.ACTIVE, None, 0
    )  # fmt: skip
    assert SubscriptionInvoice.objects.filter(provider_reference=failed_invoice["id"]).exists()
    assert AuditLog.objects.filter(action="subscription.recovered", object_id=str(subscription.pk)).exists()

    # Fails again and is not paid within the grace period: it lapses to Starter; its limits from the next request.
    stripe_billing.call("POST", f"/v1/customers/{customer}", **{"invoice_settings[default_payment_method]": failing})
    stripe_billing.call("POST", f"/_test/subscriptions/{stripe_subscription}/renew")
    stripe_billing.deliver_new(client)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PAST_DUE
    VehicleFactory.create_batch(plans["starter"].listing_limit, dealer=dealer, status=VehicleStatus.AVAILABLE)
    assert listing(api).status_code == 201  # within Professional's limit while in grace
    Subscription.objects.filter(pk=subscription.pk).update(grace_until=timezone.now() - timedelta(seconds=1))
    assert advance_plan_dunning() == {"lapsed": 1}
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.LAPSED
    assert MessageLog.objects.filter(user=dealer, event="plan.lapsed", channel="email").exists()
    refused = listing(api)
    assert refused.status_code == 402
    assert (refused.json()["code"], refused.json()["plan"], refused.json()["limit"]) == (
        "plan_limit_reached",
        "starter",
        10,
    )
    assert Vehicle.objects.filter(dealer=dealer).count() == 11
    usage = api.get("/api/v1/usage/").json()
    assert (usage["plan"], usage["listings"], usage["listing_limit"], usage["api_requests_per_hour"]) == (
        "starter", 11, 10, 100
    )  # fmt: skip


def session_subscription(stripe_billing, session_id: str) -> str:
    return stripe_billing.call("GET", f"/v1/checkout/sessions/{session_id}")["subscription"]


def signed_again(body: str) -> str:
    from payments.tests.test_stripe_webhooks import signed

    return signed(body)


def test_a_dealer_cancels_at_stripe_and_the_deleted_event_changes_nothing_more(
    client, client_for, stripe_billing, django_capture_on_commit_callbacks
):
    dealer = DealerFactory()
    api = client_for(dealer)
    api.post("/api/v1/subscription/", {"plan": "enterprise"}, format="json")
    subscription = Subscription.objects.get(dealer=dealer)
    stripe_billing.call(
        "POST", f"/_test/checkout/sessions/{subscription.checkout_session_id}/complete",
        payment_method=stripe_billing.card(),
    )  # fmt: skip
    stripe_billing.deliver_new(client)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.ACTIVE
    with django_capture_on_commit_callbacks(execute=True):
        canceled = api.post("/api/v1/subscription/cancel/")
    assert (canceled.status_code, canceled.json()["status"]) == (200, "canceled")
    stripe_side = stripe_billing.call("GET", f"/v1/subscriptions/{subscription.stripe_subscription_id}")
    assert stripe_side["status"] == "canceled"
    stored = stripe_billing.deliver_new(client)
    assert [event.status for event in stored if event.event_type == "customer.subscription.deleted"] == ["processed"]
    assert AuditLog.objects.filter(action="subscription.cancel", object_id=str(subscription.pk)).count() == 1
    assert api.get("/api/v1/usage/").json()["plan"] == "starter"
