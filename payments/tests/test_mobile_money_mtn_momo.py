"""MTN MoMo Collections through the adapter's real request code, HTTP intercepted by `responses`; the
bodies are MTN's documented ones (requesttopay, its status resource and callback, ErrorReason codes)."""

import base64
import json
import re
import uuid
from datetime import timedelta
from decimal import Decimal
from urllib.parse import urlparse

import pytest
import responses
from django.core.cache import cache
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from deals.models import DealStatus
from notifications.models import Notification
from payments.models import LedgerEntry, LedgerEntryKind, MobileMoneyPayment, Payment, PaymentStatus
from payments.tasks import process_pending_payments
from payments.tests.factories import PayableDealFactory
from webhooks.models import InboxEvent

pytestmark = pytest.mark.django_db

BASE = "https://momo.test"
URL = "/api/v1/payments/"
CALLBACK = "/api/v1/webhooks/mtn_momo/"
PHONE = "+2250701234567"  # Côte d'Ivoire: XOF
TOKEN_URL = f"{BASE}/collection/token/"
REQUEST_URL = f"{BASE}/collection/v1_0/requesttopay"
STATUS_URL = re.compile(rf"{re.escape(REQUEST_URL)}/[0-9a-f-]+")


def resource(status="SUCCESSFUL", amount="50000", currency="XOF", party="2250701234567", reason=None, external="1"):
    body = {
        "amount": amount, "currency": currency, "financialTransactionId": "23503452", "externalId": external,
        "payer": {"partyIdType": "MSISDN", "partyId": party}, "payerMessage": "Nzila deal",
        "payeeNote": "Payment", "status": status,
    }  # fmt: skip
    if reason:
        body["reason"] = reason
    return body


@pytest.fixture
def on_momo(settings):
    settings.MTN_MOMO_BASE_URL = BASE
    settings.MTN_MOMO_API_USER = "2ba6b6b2-9bbb-4a7d-8a6d-0b3d9b0cb9a1"
    settings.MTN_MOMO_API_KEY = "api-key"
    settings.MTN_MOMO_SUBSCRIPTION_KEY = "subscription-key"
    settings.MTN_MOMO_TARGET_ENVIRONMENT = "mtnivorycoast"
    settings.SITE_URL = "https://nzila.test"
    key = f"mtn-momo-token:{settings.MTN_MOMO_API_USER}"
    cache.delete(key)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.post(
            TOKEN_URL, json={"access_token": "eyJ0eXAiOiJKV1Qi", "token_type": "access_token", "expires_in": 3600}
        )
        yield mock
    cache.delete(key)


@pytest.fixture
def xof_deal(todays_rates):
    return PayableDealFactory(currency="XOF", agreed_price=Decimal("50000"))


def pay(client, deal, amount="50000", phone=PHONE, currency="XOF", key="key-1"):
    body = {"deal": deal.pk, "amount": amount, "currency": currency, "method": "mtn_momo", "phone": phone}
    return client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def requested(client_for, deal, mock) -> Payment:
    mock.post(REQUEST_URL, status=202)
    response = pay(client_for(deal.buyer), deal)
    assert response.status_code == 201, response.json()
    return Payment.objects.get(pk=response.json()["id"])


def callback_path(mock) -> str:
    call = next(call for call in mock.calls if call.request.url == REQUEST_URL)
    url = urlparse(call.request.headers["X-Callback-Url"])
    return f"{url.path}?{url.query}"


def put_callback(client, path, body):
    return client.put(path, json.dumps(body), content_type="application/json")


def test_buyer_pays_by_mtn_momo_and_the_callback_settles_it(client_for, xof_deal, on_momo, client):
    on_momo.post(REQUEST_URL, status=202)
    response = pay(client_for(xof_deal.buyer), xof_deal)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["provider"], body["amount"]) == ("pending", "mtn_momo", "50000")
    assert body["instructions"].startswith("Approve the MTN MoMo prompt")
    token_call = next(call for call in on_momo.calls if call.request.url == TOKEN_URL)
    assert (
        token_call.request.headers["Authorization"]
        == "Basic " + base64.b64encode(b"2ba6b6b2-9bbb-4a7d-8a6d-0b3d9b0cb9a1:api-key").decode()
    )
    assert token_call.request.headers["Ocp-Apim-Subscription-Key"] == "subscription-key"
    call = next(call for call in on_momo.calls if call.request.url == REQUEST_URL)
    headers = call.request.headers
    assert str(uuid.UUID(headers["X-Reference-Id"])) == body["provider_reference"]
    assert (headers["X-Target-Environment"], headers["Authorization"]) == ("mtnivorycoast", "Bearer eyJ0eXAiOiJKV1Qi")
    assert json.loads(call.request.body) == {
        "amount": "50000", "currency": "XOF", "externalId": str(body["id"]),
        "payer": {"partyIdType": "MSISDN", "partyId": "2250701234567"},
        "payerMessage": f"Nzila deal {xof_deal.pk}", "payeeNote": f"Payment {body['id']}",
    }  # fmt: skip

    on_momo.get(STATUS_URL, json=resource(external=str(body["id"])))
    answer = put_callback(client, callback_path(on_momo), resource(external=str(body["id"])))
    assert answer.status_code == 200, answer.json()
    assert answer.json()["status"] == "processed"
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.SUCCEEDED
    entry = LedgerEntry.objects.get()
    assert (entry.amount, entry.currency) == (Decimal("50000.000"), "XOF")
    xof_deal.refresh_from_db()
    assert xof_deal.status == DealStatus.PAID
    assert MobileMoneyPayment.objects.get().provider_status == "SUCCESSFUL"


@pytest.mark.parametrize(
    ("reason", "failure_code"),
    [
        ("NOT_ENOUGH_FUNDS", "insufficient_funds"),
        ("APPROVAL_REJECTED", "cancelled_by_user"),  # declined, or gave up after a wrong PIN
        ("EXPIRED", "timeout"),
        ({"code": "PAYER_NOT_FOUND", "message": "Payer does not exist"}, "payer_not_found"),
    ],
)
def test_mtn_failures_fail_the_payment_with_a_clear_reason(client_for, xof_deal, on_momo, client, reason, failure_code):
    payment = requested(client_for, xof_deal, on_momo)
    failed = resource(status="FAILED", reason=reason, external=str(payment.pk))
    on_momo.get(STATUS_URL, json=failed)
    assert put_callback(client, callback_path(on_momo), failed).status_code == 200
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, failure_code)
    assert payment.failure_reason
    assert not LedgerEntry.objects.exists()


def test_a_replayed_callback_changes_nothing(client_for, xof_deal, on_momo, client):
    payment = requested(client_for, xof_deal, on_momo)
    on_momo.get(STATUS_URL, json=resource(external=str(payment.pk)))
    path = callback_path(on_momo)
    assert put_callback(client, path, resource(external=str(payment.pk))).status_code == 200
    assert (
        client.post(path, json.dumps(resource(external=str(payment.pk))), content_type="application/json").status_code
        == 200
    )
    assert (InboxEvent.objects.count(), LedgerEntry.objects.count()) == (1, 1)


def test_a_forged_or_misdirected_callback_is_refused(client_for, xof_deal, on_momo, client):
    payment = requested(client_for, xof_deal, on_momo)
    assert put_callback(client, f"{CALLBACK}?payment={payment.pk}&token=guess", resource()).status_code == 400
    # The right token, but the body names another payment of ours.
    assert put_callback(client, callback_path(on_momo), resource(external=str(payment.pk + 1))).status_code == 400
    assert put_callback(client, callback_path(on_momo), ["not", "an", "object"]).status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not InboxEvent.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"amount": "5000"}, {"currency": "XAF"}, {"party": "2250709999999"}],
    ids=["amount", "currency", "phone"],
)
def test_a_mismatch_in_the_status_is_held_for_staff(client_for, xof_deal, on_momo, client, changes):
    staff = StaffFactory()
    payment = requested(client_for, xof_deal, on_momo)
    on_momo.get(STATUS_URL, json=resource(external=str(payment.pk), **changes))
    assert put_callback(client, callback_path(on_momo), resource(external=str(payment.pk))).status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert MobileMoneyPayment.objects.get().held_at is not None
    assert not LedgerEntry.objects.exists()
    assert Notification.objects.get(event="payment.provider_mismatch").user == staff


def test_the_job_settles_and_expires_pending_requests(client_for, xof_deal, on_momo):
    payment = requested(client_for, xof_deal, on_momo)
    on_momo.get(STATUS_URL, json=resource(status="PENDING", external=str(payment.pk)))
    Payment.objects.filter(pk=payment.pk).update(status_changed_at=timezone.now() - timedelta(minutes=15))
    assert process_pending_payments()["mobile_money"]["checked"] == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    on_momo.replace(responses.GET, STATUS_URL, json=resource(external=str(payment.pk)))
    assert process_pending_payments()["mobile_money"]["changed"] == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED

    other = PayableDealFactory(currency="XOF", agreed_price=Decimal("50000"))
    on_momo.post(REQUEST_URL, status=202)
    stuck = Payment.objects.get(pk=pay(client_for(other.buyer), other, key="key-2").json()["id"])
    on_momo.replace(responses.GET, STATUS_URL, json=resource(status="PENDING", external=str(stuck.pk)))
    Payment.objects.filter(pk=stuck.pk).update(status_changed_at=timezone.now() - timedelta(hours=2))
    assert process_pending_payments()["mobile_money"]["expired"] == 1
    stuck.refresh_from_db()
    assert (stuck.status, stuck.failure_code) == (PaymentStatus.FAILED, "expired")


def test_a_retry_reuses_the_reference_and_mtns_409_is_not_a_second_push(client_for, xof_deal, on_momo):
    on_momo.post(REQUEST_URL, status=500)
    on_momo.post(REQUEST_URL, status=500)
    on_momo.post(REQUEST_URL, status=500)
    first = pay(client_for(xof_deal.buyer), xof_deal)
    assert first.status_code == 503
    assert len([call for call in on_momo.calls if call.request.url == REQUEST_URL]) == 3  # retried, bounded
    on_momo.replace(responses.POST, REQUEST_URL, status=409, json={"code": "RESOURCE_ALREADY_EXIST"})
    again = pay(client_for(xof_deal.buyer), xof_deal)
    assert again.status_code == 200, again.json()
    assert again.json()["status"] == "pending"
    references = {c.request.headers["X-Reference-Id"] for c in on_momo.calls if c.request.url == REQUEST_URL}
    assert len(references) == 1


def test_only_the_deals_buyer_pays_and_the_country_must_be_served(client_for, xof_deal, on_momo):
    assert pay(client_for(BuyerFactory()), xof_deal).status_code == 400
    kenyan = pay(client_for(xof_deal.buyer), xof_deal, phone="+254708374149")
    assert kenyan.status_code == 400
    assert "phone" in kenyan.json()["fields"]
    ghana_in_xof = pay(client_for(xof_deal.buyer), xof_deal, phone="+233241234567")
    assert ghana_in_xof.json()["fields"]["currency"] == ["MTN MoMo in GH is paid in GHS."]
    assert not Payment.objects.exists()


def test_reconciliation_asks_the_rail_about_each_payment_of_the_day(client_for, xof_deal, on_momo, settings):
    from payments.models import Discrepancy, DiscrepancyKind, ReconciliationRun
    from payments.tasks import reconcile_payments

    settings.STRIPE_SECRET_KEY = ""
    payment = requested(client_for, xof_deal, on_momo)
    Payment.objects.filter(pk=payment.pk).update(created_at=timezone.now() - timedelta(days=1))
    # Captured at MTN, for another amount, while ours is still pending (a lost callback).
    on_momo.get(STATUS_URL, json=resource(amount="40000", external=str(payment.pk)))
    result = reconcile_payments.delay().get()
    assert result == f"mtn_momo {timezone.localdate() - timedelta(days=1)}: discrepancies"
    run = ReconciliationRun.objects.get(provider="mtn_momo")
    assert (run.provider_count, run.database_count) == (1, 1)
    found = {(item.kind, item.ours, item.theirs) for item in Discrepancy.objects.filter(run=run)}
    assert found == {
        (DiscrepancyKind.AMOUNT_MISMATCH, "50000 XOF", "40000 XOF"),
        (DiscrepancyKind.STATUS_MISMATCH, "pending", "SUCCESSFUL"),
    }
    assert not LedgerEntry.objects.exists()  # reconciliation reports; it never settles


def test_a_held_mtn_payment_approved_by_staff_requests_payment_from_the_payers_number(
    client_for, on_momo, todays_rates
):
    deal = PayableDealFactory(currency="XOF", agreed_price=Decimal("50000"), held_for_review=True)
    held = pay(client_for(deal.buyer), deal)
    assert (held.status_code, held.json()["status"]) == (202, "held")
    on_momo.post(REQUEST_URL, status=202)
    approved = client_for(StaffFactory()).post(f"{URL}{held.json()['id']}/review/", {"decision": "approve"})
    assert (approved.status_code, approved.json()["status"]) == (200, "pending")
    request = json.loads(next(call for call in on_momo.calls if call.request.url == REQUEST_URL).request.body)
    assert request["payer"] == {"partyIdType": "MSISDN", "partyId": "2250701234567"}
    assert (request["amount"], request["currency"]) == ("50000", "XOF")


def test_a_request_to_pay_answered_5xx_is_retried_with_the_same_reference_mtn_keeps_one(client_for, xof_deal, on_momo):
    on_momo.post(REQUEST_URL, status=503)
    on_momo.post(REQUEST_URL, status=202)
    response = pay(client_for(xof_deal.buyer), xof_deal)
    assert (response.status_code, response.json()["status"]) == (201, "pending")
    references = {c.request.headers["X-Reference-Id"] for c in on_momo.calls if c.request.url == REQUEST_URL}
    assert len([c for c in on_momo.calls if c.request.url == REQUEST_URL]) == 2
    assert references == {response.json()["provider_reference"]}


def test_in_local_mode_a_declined_mtn_payment_reads_as_a_wallet_not_a_card(client_for, xof_deal, settings):
    settings.MTN_MOMO_API_USER = ""
    settings.MOBILE_MONEY_SANDBOX = True
    xof_deal.buyer.preferred_language = "fr"
    xof_deal.buyer.save(update_fields=["preferred_language"])
    response = pay(client_for(xof_deal.buyer), xof_deal, amount="5013")  # the sandbox's decline
    assert response.status_code == 402, response.json()
    assert (response.json()["code"], response.json()["detail"]) == ("declined", "Le paiement a été refusé.")
    response = pay(client_for(xof_deal.buyer), xof_deal, amount="5014", key="key-2")
    assert (response.json()["code"], response.json()["detail"]) == (
        "insufficient_funds",
        "Le compte n'a pas assez d'argent pour ce paiement.",
    )


def test_in_local_mode_a_refund_is_refused_as_the_rail_refuses_it(client_for, xof_deal, settings):
    settings.MTN_MOMO_API_USER = ""
    settings.MOBILE_MONEY_SANDBOX = True
    paid = pay(client_for(xof_deal.buyer), xof_deal)
    assert (paid.status_code, paid.json()["status"]) == (201, "succeeded")
    refund = client_for(StaffFactory()).post(
        f"{URL}{paid.json()['id']}/refund/", {"amount": "1000", "reason": "Goodwill"}, format="json"
    )
    assert refund.status_code == 400
    assert refund.json()["detail"] == "MTN MoMo: refunds are made by staff at the provider (disbursement), not here."
    assert not LedgerEntry.objects.filter(kind=LedgerEntryKind.REFUND).exists()
