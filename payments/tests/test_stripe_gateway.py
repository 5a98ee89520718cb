"""The Stripe gateway through its real client code, against localstripe (a stateful fake Stripe server
started by the suite on a free port, bound to 127.0.0.1; see localstripe_server.py)."""

from decimal import Decimal

import pytest
import requests
from django.core.exceptions import ImproperlyConfigured

from payments.gateways import get_gateway
from payments.gateways.stripe import stripe_exponent
from payments.models import LedgerEntry, Payment, PaymentStatus
from payments.tests.conftest import SECRET_KEY, free_port
from payments.tests.factories import PayableDealFactory


def pay(client, deal, amount, currency="CAD", key="k", payment_method="pm_card_visa"):
    body = {"deal": deal.pk, "amount": amount, "currency": currency, "method": "card", "payment_method": payment_method}
    return client.post("/api/v1/payments/", body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_stripe_counts_xof_and_xaf_in_whole_francs():
    assert (stripe_exponent("XOF"), stripe_exponent("XAF"), stripe_exponent("CAD"), stripe_exponent("NGN")) == (
        0, 0, 2, 2
    )  # fmt: skip


@pytest.mark.django_db
def test_a_card_payment_in_cad_succeeds_at_stripe_in_cents(client_for, todays_rates, on_stripe):
    deal = PayableDealFactory()
    response = pay(client_for(deal.buyer), deal, "18000.00")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["provider"]) == ("succeeded", "stripe")
    intent = on_stripe.v1.payment_intents.retrieve(body["provider_reference"])
    assert (intent.amount, intent.currency, intent.status) == (1800000, "cad", "succeeded")
    assert intent.metadata["payment_id"] == str(body["id"])
    assert LedgerEntry.objects.get().provider_reference == intent.id
    deal.refresh_from_db()
    assert deal.status == "paid"


@pytest.mark.django_db
def test_a_card_payment_in_xof_goes_to_stripe_in_whole_francs(client_for, todays_rates, on_stripe):
    deal = PayableDealFactory(currency="XOF", agreed_price=Decimal("7000000"))
    response = pay(client_for(deal.buyer), deal, "1000000", currency="XOF")
    assert response.status_code == 201, response.json()
    intent = on_stripe.v1.payment_intents.retrieve(response.json()["provider_reference"])
    assert (intent.amount, intent.currency) == (1000000, "xof")


@pytest.mark.django_db
def test_3d_secure_requires_action_then_confirm_applies_stripes_answer(client_for, todays_rates, on_stripe):
    deal = PayableDealFactory()
    card = on_stripe.v1.payment_methods.create(
        params={"type": "card", "card": {"number": "4000002500003155", "exp_month": 12, "exp_year": 2030, "cvc": "123"}}
    )
    client = client_for(deal.buyer)
    response = pay(client, deal, "500.00", payment_method=card.id)
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "requires_action"
    assert body["client_secret"].startswith(body["provider_reference"])
    # What the buyer's browser does with Stripe.js: pass the 3-D Secure challenge.
    requests.post(
        f"{on_stripe._requestor.base_addresses['api']}/v1/payment_intents/{body['provider_reference']}/_authenticate",
        data={"client_secret": body["client_secret"], "success": "true"},
        auth=(SECRET_KEY, ""),
        timeout=5,
    ).raise_for_status()
    confirmed = client.post(f"/api/v1/payments/{body['id']}/confirm/")
    assert (confirmed.status_code, confirmed.json()["status"]) == (200, "succeeded")
    assert LedgerEntry.objects.filter(payment_id=body["id"]).count() == 1


@pytest.mark.django_db
def test_a_declined_card_is_402_with_stripes_reason(client_for, todays_rates, on_stripe):
    deal = PayableDealFactory()
    response = pay(client_for(deal.buyer), deal, "500.00", payment_method="pm_card_chargeCustomerFail")
    assert response.status_code == 402
    assert (response.json()["code"], response.json()["detail"]) == ("card_declined", "Your card was declined.")
    assert Payment.objects.get().status == PaymentStatus.FAILED
    assert not LedgerEntry.objects.exists()


@pytest.mark.django_db
def test_refunds_go_to_stripe_and_our_limit_holds_where_localstripe_has_none(client_for, todays_rates, on_stripe):
    from accounts.tests.factories import StaffFactory

    deal = PayableDealFactory()
    paid = pay(client_for(deal.buyer), deal, "1000.00").json()
    staff = client_for(StaffFactory())
    refund = staff.post(f"/api/v1/payments/{paid['id']}/refund/", {"amount": "2.34", "reason": "Fee"}, format="json")
    assert refund.status_code == 201
    stripe_refund = on_stripe.v1.refunds.retrieve(refund.json()["provider_reference"])
    assert (stripe_refund.amount, stripe_refund.payment_intent) == (234, paid["provider_reference"])
    too_much = staff.post(f"/api/v1/payments/{paid['id']}/refund/", {"amount": "998", "reason": "x"}, format="json")
    assert too_much.status_code == 400
    assert on_stripe.v1.refunds.list(params={"payment_intent": paid["provider_reference"]}).data.__len__() == 1


@pytest.mark.django_db
def test_stripe_out_of_reach_is_503_and_the_same_key_retries_once_it_is_back(
    client_for, todays_rates, on_stripe, settings
):
    reachable = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{free_port()}"
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    response = pay(client, deal, "100.00", key="flaky")
    assert (response.status_code, response.json()["code"]) == (503, "payment_provider_unavailable")
    payment = Payment.objects.get(pk=response.json()["payment"])
    assert (payment.status, payment.provider_reference) == (PaymentStatus.PENDING, "")
    assert not LedgerEntry.objects.exists()
    settings.STRIPE_API_BASE = reachable
    again = pay(client, deal, "100.00", key="flaky")
    assert (again.status_code, again.json()["id"], again.json()["status"]) == (200, payment.pk, "succeeded")
    assert LedgerEntry.objects.count() == 1


def test_stripe_asked_for_without_a_key_is_a_clear_configuration_error(settings):
    settings.STRIPE_SECRET_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="STRIPE_SECRET_KEY"):
        get_gateway("stripe")


@pytest.mark.django_db
def test_without_a_card_the_intent_waits_for_stripe_js_with_its_client_secret(client_for, todays_rates, on_stripe):
    deal = PayableDealFactory()
    response = pay(client_for(deal.buyer), deal, "250.00", payment_method="")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "pending"
    assert body["provider_reference"].startswith("pi_")
    assert body["client_secret"].startswith(body["provider_reference"])


@pytest.mark.django_db
def test_the_hourly_job_settles_a_payment_whose_webhook_was_lost(client_for, todays_rates, on_stripe):
    from datetime import timedelta

    from django.utils import timezone

    from payments.tasks import process_pending_payments

    deal = PayableDealFactory()
    card = on_stripe.v1.payment_methods.create(
        params={"type": "card", "card": {"number": "4000002500003155", "exp_month": 12, "exp_year": 2030, "cvc": "123"}}
    )
    body = pay(client_for(deal.buyer), deal, "18000.00", payment_method=card.id).json()
    requests.post(
        f"{on_stripe._requestor.base_addresses['api']}/v1/payment_intents/{body['provider_reference']}/_authenticate",
        data={"client_secret": body["client_secret"], "success": "true"},
        auth=(SECRET_KEY, ""),
        timeout=5,
    ).raise_for_status()
    no_mobile = {"checked": 0, "changed": 0, "expired": 0, "unreachable": 0}
    assert process_pending_payments.delay().get() == {
        "checked": 0, "changed": 0, "unreachable": 0, "mobile_money": no_mobile, "paystack": no_mobile
    }  # too recent  # fmt: skip
    Payment.objects.filter(pk=body["id"]).update(status_changed_at=timezone.now() - timedelta(hours=1))
    assert process_pending_payments.delay().get() == {
        "checked": 1, "changed": 1, "unreachable": 0, "mobile_money": no_mobile, "paystack": no_mobile
    }  # fmt: skip
    assert Payment.objects.get(pk=body["id"]).status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.count() == 1
    deal.refresh_from_db()
    assert deal.status == "paid"
    assert process_pending_payments.delay().get()["checked"] == 0


@pytest.mark.django_db
def test_a_stripe_5xx_is_retried_with_the_same_idempotency_key(client_for, todays_rates, settings):
    """Against Stripe's own address, with HTTP intercepted: a 500 then the PaymentIntent."""
    import responses

    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_API_BASE = ""
    settings.PAYMENTS_CARD_GATEWAY = "stripe"
    deal = PayableDealFactory()
    intent = {
        "id": "pi_3Qretry", "object": "payment_intent", "amount": 50000, "currency": "cad", "status": "succeeded",
        "client_secret": "pi_3Qretry_secret_x", "last_payment_error": None, "metadata": {},
    }  # fmt: skip
    with responses.RequestsMock() as mocked:
        mocked.post("https://api.stripe.com/v1/payment_intents", status=500, json={"error": {"type": "api_error"}})
        mocked.post("https://api.stripe.com/v1/payment_intents", json=intent)
        response = pay(client_for(deal.buyer), deal, "500.00")
        keys = {call.request.headers["Idempotency-Key"] for call in mocked.calls}
        assert len(mocked.calls) == 2
    assert (response.status_code, response.json()["status"]) == (201, "succeeded")
    assert keys == {f"payment-{response.json()['id']}"}


@pytest.mark.django_db
def test_a_stripe_4xx_other_than_a_decline_is_a_failed_payment_not_a_retry(client_for, todays_rates, settings):
    import responses

    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_API_BASE = ""
    settings.PAYMENTS_CARD_GATEWAY = "stripe"
    deal = PayableDealFactory()
    error = {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "payment_method",
                       "message": "No such PaymentMethod: 'pm_unknown'"}}  # fmt: skip
    with responses.RequestsMock() as mocked:
        mocked.post("https://api.stripe.com/v1/payment_intents", status=400, json=error)
        response = pay(client_for(deal.buyer), deal, "500.00", payment_method="pm_unknown")
        assert len(mocked.calls) == 1
    assert (response.status_code, response.json()["code"]) == (402, "provider_refused")
    assert "No such PaymentMethod" in response.json()["detail"]
