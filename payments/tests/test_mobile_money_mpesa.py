"""M-Pesa (Daraja) through the adapter's real request code, HTTP intercepted by `responses`; the bodies
are Daraja's documented ones (STK push, callback, STK query, their result codes)."""

import base64
import json
from datetime import timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest
import requests
import responses
from django.core.cache import cache
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from deals.models import DealStatus
from notifications.models import Notification
from payments.models import LedgerEntry, MobileMoneyPayment, Payment, PaymentStatus
from payments.tasks import process_pending_payments
from payments.tests.factories import PayableDealFactory
from webhooks.models import InboxEvent
from webhooks.services import inbox_event_process

pytestmark = pytest.mark.django_db

BASE = "https://mpesa.test"
URL = "/api/v1/payments/"
CALLBACK = "/api/v1/webhooks/mpesa/"
PHONE = "+254708374149"
CHECKOUT_ID = "ws_CO_191220191020363925"
TOKEN_URL = f"{BASE}/oauth/v1/generate"
PUSH_URL = f"{BASE}/mpesa/stkpush/v1/processrequest"
QUERY_URL = f"{BASE}/mpesa/stkpushquery/v1/query"

PUSH_ACCEPTED = {
    "MerchantRequestID": "29115-34620561-1",
    "CheckoutRequestID": CHECKOUT_ID,
    "ResponseCode": "0",
    "ResponseDescription": "Success. Request accepted for processing",
    "CustomerMessage": "Success. Request accepted for processing",
}


def query_answer(code: str, description: str) -> dict:
    return {
        "ResponseCode": "0", "ResponseDescription": "The service request has been accepted successsfully",
        "MerchantRequestID": "29115-34620561-1", "CheckoutRequestID": CHECKOUT_ID, "ResultCode": code,
        "ResultDesc": description,
    }  # fmt: skip


STILL_PROCESSING = {
    "requestId": "ws_CO_1",
    "errorCode": "500.001.1001",
    "errorMessage": "The transaction is being processed",
}


def callback_body(code: int = 0, description: str = "The service request is processed successfully.",
                  amount="1000.00", phone=254708374149) -> dict:  # fmt: skip
    callback = {
        "MerchantRequestID": "29115-34620561-1", "CheckoutRequestID": CHECKOUT_ID, "ResultCode": code,
        "ResultDesc": description,
    }  # fmt: skip
    if code == 0:
        callback["CallbackMetadata"] = {
            "Item": [
                {"Name": "Amount", "Value": float(amount)},
                {"Name": "MpesaReceiptNumber", "Value": "NLJ7RT61SV"},
                {"Name": "TransactionDate", "Value": 20191219102115},
                {"Name": "PhoneNumber", "Value": phone},
            ]
        }
    return {"Body": {"stkCallback": callback}}


@pytest.fixture
def on_mpesa(settings):
    settings.MPESA_BASE_URL = BASE
    settings.MPESA_CONSUMER_KEY = "consumer-key"
    settings.MPESA_CONSUMER_SECRET = "consumer-secret"
    settings.MPESA_SHORTCODE = "174379"
    settings.MPESA_PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919"
    settings.SITE_URL = "https://nzila.test"
    cache.delete("mpesa-token:consumer-key")
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.get(TOKEN_URL, json={"access_token": "SGWcJPtNtYNPGm6uSYR9yPYrAI3Bm", "expires_in": "3599"})
        yield mock
    cache.delete("mpesa-token:consumer-key")


@pytest.fixture
def kes_deal(todays_rates):
    return PayableDealFactory(currency="KES", agreed_price=Decimal("1000.00"))


def pay(client, deal, amount="1000", phone=PHONE, currency="KES", key="key-1"):
    body = {"deal": deal.pk, "amount": amount, "currency": currency, "method": "mpesa", "phone": phone}
    return client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def pushed(client_for, deal, mock) -> Payment:
    mock.post(PUSH_URL, json=PUSH_ACCEPTED)
    response = pay(client_for(deal.buyer), deal)
    assert response.status_code == 201, response.json()
    return Payment.objects.get(pk=response.json()["id"])


def callback_url_of(mock) -> str:
    push = next(call for call in mock.calls if call.request.url == PUSH_URL)
    url = urlparse(json.loads(push.request.body)["CallBackURL"])
    return f"{url.path}?{url.query}"


def post_callback(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_buyer_pays_by_mpesa_and_the_callback_settles_it(client_for, kes_deal, on_mpesa, client):
    on_mpesa.post(PUSH_URL, json=PUSH_ACCEPTED)
    response = pay(client_for(kes_deal.buyer), kes_deal)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["provider"], body["provider_reference"], body["amount"]) == (
        "pending", "mpesa", CHECKOUT_ID, "1000.00"
    )  # fmt: skip
    assert body["instructions"].startswith("Approve the M-Pesa prompt on your phone")
    push = json.loads(next(call for call in on_mpesa.calls if call.request.url == PUSH_URL).request.body)
    assert base64.b64decode(push["Password"]).decode() == (
        "174379bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919" + push["Timestamp"]
    )
    assert (push["Amount"], push["PartyA"], push["PhoneNumber"], push["BusinessShortCode"]) == (
        1000, 254708374149, 254708374149, "174379"
    )  # fmt: skip
    assert push["CallBackURL"].startswith("https://nzila.test/api/v1/webhooks/mpesa/?payment=")
    assert MobileMoneyPayment.objects.get().phone == PHONE
    assert not LedgerEntry.objects.exists()

    on_mpesa.post(QUERY_URL, json=query_answer("0", "The service request is processed successfully."))
    answer = post_callback(client, callback_url_of(on_mpesa), callback_body())
    assert answer.status_code == 200, answer.json()
    assert answer.json() == {"event": CHECKOUT_ID, "status": "processed"}
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.SUCCEEDED
    entry = LedgerEntry.objects.get()
    assert (entry.amount, entry.currency, entry.provider_reference) == (Decimal("1000.000"), "KES", CHECKOUT_ID)
    kes_deal.refresh_from_db()
    assert kes_deal.status == DealStatus.PAID
    assert set(Notification.objects.filter(event="payment.received").values_list("user", flat=True)) == {
        kes_deal.buyer_id, kes_deal.dealer_id
    }  # fmt: skip
    assert "payment.succeeded" in AuditLog.objects.values_list("action", flat=True)


@pytest.mark.parametrize(
    ("code", "description", "failure_code"),
    [
        (1, "The balance is insufficient for the transaction.", "insufficient_funds"),
        (1032, "Request cancelled by user", "cancelled_by_user"),
        (1037, "DS timeout user cannot be reached", "timeout"),
        (2001, "The initiator information is invalid.", "wrong_pin"),
    ],
)
def test_mpesa_failures_fail_the_payment_with_a_clear_reason(
    client_for, kes_deal, on_mpesa, client, code, description, failure_code
):
    payment = pushed(client_for, kes_deal, on_mpesa)
    on_mpesa.post(QUERY_URL, json=query_answer(str(code), description))
    answer = post_callback(client, callback_url_of(on_mpesa), callback_body(code, description))
    assert answer.status_code == 200
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, failure_code)
    assert payment.failure_reason
    assert not LedgerEntry.objects.exists()
    assert Notification.objects.filter(event="payment.failed", user=kes_deal.buyer).exists()


def test_a_replayed_callback_changes_nothing(client_for, kes_deal, on_mpesa, client):
    pushed(client_for, kes_deal, on_mpesa)
    on_mpesa.post(QUERY_URL, json=query_answer("0", "The service request is processed successfully."))
    url = callback_url_of(on_mpesa)
    assert post_callback(client, url, callback_body()).status_code == 200
    again = post_callback(client, url, callback_body())
    assert again.status_code == 200
    assert again.json() == {"event": CHECKOUT_ID, "status": "processed"}
    assert (InboxEvent.objects.count(), LedgerEntry.objects.count()) == (1, 1)
    assert len([call for call in on_mpesa.calls if call.request.url == QUERY_URL]) == 1


def test_a_forged_callback_is_refused_and_stores_nothing(client_for, kes_deal, on_mpesa, client):
    payment = pushed(client_for, kes_deal, on_mpesa)
    forged = f"{CALLBACK}?payment={payment.pk}&token={'0' * 64}"
    answer = post_callback(client, forged, callback_body())
    assert answer.status_code == 400
    assert answer.json()["code"] == "bad_signature"
    assert post_callback(client, f"{CALLBACK}?payment=99999999999999999999&token=x", callback_body()).status_code == 400
    assert post_callback(client, CALLBACK, callback_body()).status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not InboxEvent.objects.exists()
    assert not LedgerEntry.objects.exists()


def test_a_malformed_callback_with_the_right_token_is_refused(client_for, kes_deal, on_mpesa, client):
    payment = pushed(client_for, kes_deal, on_mpesa)
    answer = post_callback(client, callback_url_of(on_mpesa), {"Body": {"nope": 1}})
    assert answer.status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not InboxEvent.objects.exists()


def test_the_status_query_decides_not_the_callback_body(client_for, kes_deal, on_mpesa, client):
    payment = pushed(client_for, kes_deal, on_mpesa)
    on_mpesa.post(QUERY_URL, json=query_answer("1032", "Request cancelled by user"))
    assert post_callback(client, callback_url_of(on_mpesa), callback_body()).status_code == 200
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "cancelled_by_user")
    assert not LedgerEntry.objects.exists()


@pytest.mark.parametrize(
    ("amount", "phone"), [("10.00", 254708374149), ("1000.00", 254711111111)], ids=["amount", "phone"]
)
def test_a_mismatched_callback_is_held_for_staff_and_never_credited(
    client_for, kes_deal, on_mpesa, client, amount, phone
):
    staff = StaffFactory()
    payment = pushed(client_for, kes_deal, on_mpesa)
    on_mpesa.post(QUERY_URL, json=query_answer("0", "The service request is processed successfully."))
    answer = post_callback(client, callback_url_of(on_mpesa), callback_body(amount=amount, phone=phone))
    assert answer.status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    record = MobileMoneyPayment.objects.get()
    assert record.held_at is not None
    assert record.held_reason
    assert not LedgerEntry.objects.exists()
    assert Notification.objects.get(event="payment.provider_mismatch").user == staff
    assert AuditLog.objects.filter(action="payment.mobile_money_held").count() == 1
    # The job leaves a held payment to staff.
    Payment.objects.filter(pk=payment.pk).update(status_changed_at=timezone.now() - timedelta(hours=3))
    process_pending_payments()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not LedgerEntry.objects.exists()


def test_the_job_settles_a_payment_whose_callback_was_lost(client_for, kes_deal, on_mpesa):
    payment = pushed(client_for, kes_deal, on_mpesa)
    on_mpesa.post(QUERY_URL, json=query_answer("0", "The service request is processed successfully."))
    process_pending_payments()  # not past M-Pesa's timeout yet: not asked
    assert not [call for call in on_mpesa.calls if call.request.url == QUERY_URL]
    Payment.objects.filter(pk=payment.pk).update(status_changed_at=timezone.now() - timedelta(minutes=5))
    result = process_pending_payments()
    assert result["mobile_money"] == {"checked": 1, "changed": 1, "expired": 0, "unreachable": 0}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.count() == 1
    assert process_pending_payments()["mobile_money"]["checked"] == 0


def test_the_job_expires_a_push_still_unanswered_past_the_limit(client_for, kes_deal, on_mpesa):
    payment = pushed(client_for, kes_deal, on_mpesa)
    on_mpesa.post(QUERY_URL, status=500, json=STILL_PROCESSING)
    Payment.objects.filter(pk=payment.pk).update(status_changed_at=timezone.now() - timedelta(minutes=5))
    assert process_pending_payments()["mobile_money"]["changed"] == 0
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    Payment.objects.filter(pk=payment.pk).update(status_changed_at=timezone.now() - timedelta(hours=2))
    assert process_pending_payments()["mobile_money"]["expired"] == 1
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "expired")
    assert not LedgerEntry.objects.exists()


def test_only_the_deals_buyer_pays_it(client_for, kes_deal, on_mpesa):
    response = pay(client_for(BuyerFactory()), kes_deal)
    assert response.status_code == 400
    assert "deal" in response.json()["fields"]
    assert not Payment.objects.exists()
    assert not on_mpesa.calls


@pytest.mark.parametrize(
    ("phone", "currency", "amount", "field"),
    [
        ("0708374149", "KES", "1000", "phone"),  # not international
        ("+233241234567", "KES", "1000", "phone"),  # Ghana: not an M-Pesa country
        (PHONE, "XOF", "1000", "currency"),
        (PHONE, "KES", "999.50", "amount"),  # M-Pesa takes whole shillings
    ],
)
def test_the_payers_phone_currency_and_amount_must_fit_the_rail(
    client_for, kes_deal, on_mpesa, phone, currency, amount, field
):
    response = pay(client_for(kes_deal.buyer), kes_deal, amount=amount, phone=phone, currency=currency)
    assert response.status_code == 400, response.json()
    assert field in response.json()["fields"]
    assert not Payment.objects.exists()


def test_a_push_answered_5xx_is_not_sent_again_and_client_errors_fail_the_payment(client_for, kes_deal, on_mpesa):
    on_mpesa.post(PUSH_URL, status=503)
    response = pay(client_for(kes_deal.buyer), kes_deal)
    assert (response.status_code, response.json()["status"]) == (201, "pending")
    assert len([call for call in on_mpesa.calls if call.request.url == PUSH_URL]) == 1

    other = PayableDealFactory(currency="KES", agreed_price=Decimal("1000.00"))
    on_mpesa.replace(responses.POST, PUSH_URL, status=400, json={"errorCode": "400.002.02", "errorMessage": "Bad"})
    before = len(on_mpesa.calls)
    response = pay(client_for(other.buyer), other, key="key-2")
    assert response.status_code == 402
    assert response.json()["code"] == "provider_refused"
    assert len([call for call in on_mpesa.calls[before:] if call.request.url == PUSH_URL]) == 1


def test_a_push_whose_answer_is_lost_is_never_sent_again_and_its_callback_credits_it_once(
    client_for, kes_deal, on_mpesa, client
):
    """Daraja took the push (the payer is prompted) but the answer timed out on its way back."""
    on_mpesa.post(PUSH_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    buyer = client_for(kes_deal.buyer)
    response = pay(buyer, kes_deal)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["provider_reference"]) == ("pending", "")
    assert body["instructions"].startswith("Approve the M-Pesa prompt")
    again = pay(buyer, kes_deal)  # the buyer's app retries with the same Idempotency-Key
    assert (again.status_code, again.json()["id"], again["Idempotent-Replayed"]) == (200, body["id"], "true")
    assert len([call for call in on_mpesa.calls if call.request.url == PUSH_URL]) == 1

    on_mpesa.post(QUERY_URL, json=query_answer("0", "The service request is processed successfully."))
    answer = post_callback(client, callback_url_of(on_mpesa), callback_body())
    assert answer.json() == {"event": CHECKOUT_ID, "status": "processed"}
    query = json.loads(next(call for call in on_mpesa.calls if call.request.url == QUERY_URL).request.body)
    assert query["CheckoutRequestID"] == CHECKOUT_ID
    payment = Payment.objects.get()
    assert (payment.status, payment.provider_reference) == (PaymentStatus.SUCCEEDED, CHECKOUT_ID)
    assert post_callback(client, callback_url_of(on_mpesa), callback_body()).json()["status"] == "processed"
    assert LedgerEntry.objects.get().amount == Decimal("1000.000")
    assert len([call for call in on_mpesa.calls if call.request.url == PUSH_URL]) == 1


def test_a_push_never_answered_and_never_called_back_expires_without_a_query(client_for, kes_deal, on_mpesa, settings):
    on_mpesa.post(PUSH_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    pay(client_for(kes_deal.buyer), kes_deal)
    Payment.objects.update(
        status_changed_at=timezone.now() - timedelta(minutes=settings.MOBILE_MONEY_EXPIRE_AFTER_MINUTES + 1)
    )
    process_pending_payments.delay()
    payment = Payment.objects.get()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "expired")
    assert [call.request.url for call in on_mpesa.calls].count(PUSH_URL) == 1
    assert not any(call.request.url == QUERY_URL for call in on_mpesa.calls)


def test_a_held_mpesa_payment_approved_by_staff_is_pushed_to_the_payers_number(client_for, on_mpesa, todays_rates):
    deal = PayableDealFactory(currency="KES", agreed_price=Decimal("1000.00"), held_for_review=True)
    held = pay(client_for(deal.buyer), deal)
    assert (held.status_code, held.json()["status"]) == (202, "held")
    assert not any(call.request.url == PUSH_URL for call in on_mpesa.calls)
    on_mpesa.post(PUSH_URL, json=PUSH_ACCEPTED)
    approved = client_for(StaffFactory()).post(f"{URL}{held.json()['id']}/review/", {"decision": "approve"})
    assert approved.status_code == 200, approved.json()
    assert (approved.json()["status"], approved.json()["provider_reference"]) == ("pending", CHECKOUT_ID)
    push = json.loads(next(call for call in on_mpesa.calls if call.request.url == PUSH_URL).request.body)
    assert (push["PartyA"], push["PhoneNumber"], push["Amount"]) == (254708374149, 254708374149, 1000)


def test_a_callback_is_answered_at_once_and_its_status_query_made_by_a_worker(
    client_for, kes_deal, on_mpesa, client, tasks_queued
):
    pushed(client_for, kes_deal, on_mpesa)
    on_mpesa.post(QUERY_URL, json=query_answer("0", "The service request is processed successfully."))
    answer = post_callback(client, callback_url_of(on_mpesa), callback_body())
    assert answer.json() == {"event": CHECKOUT_ID, "status": "received"}
    assert not any(call.request.url == QUERY_URL for call in on_mpesa.calls)  # nothing asked inside the request
    assert Payment.objects.get().status == PaymentStatus.PENDING
    event = InboxEvent.objects.get()
    assert tasks_queued() == [("webhooks.tasks.process_inbox_event", [event.pk])]

    inbox_event_process(event_id=event.pk)  # what the worker does with the queued task
    assert Payment.objects.get().status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.count() == 1


def test_an_unconfigured_rail_is_refused_clearly(client_for, kes_deal, settings):
    settings.MPESA_CONSUMER_KEY = ""
    settings.MOBILE_MONEY_SANDBOX = False
    response = pay(client_for(kes_deal.buyer), kes_deal)
    assert response.status_code == 422
    assert response.json()["code"] == "payment_method_unavailable"
    assert not Payment.objects.exists()


def test_in_local_mode_the_sandbox_answers_for_mpesa(client_for, kes_deal, settings):
    settings.MPESA_CONSUMER_KEY = ""
    settings.MOBILE_MONEY_SANDBOX = True
    response = pay(client_for(kes_deal.buyer), kes_deal)
    assert response.status_code == 201, response.json()
    assert (response.json()["provider"], response.json()["status"]) == ("sandbox", "succeeded")


def test_a_callback_url_token_is_per_payment(client_for, kes_deal, on_mpesa, client):
    first = pushed(client_for, kes_deal, on_mpesa)
    token = parse_qs(urlparse(callback_url_of(on_mpesa)).query)["token"][0]
    other_deal = PayableDealFactory(currency="KES", agreed_price=Decimal("1000.00"))
    on_mpesa.post(PUSH_URL, json={**PUSH_ACCEPTED, "CheckoutRequestID": "ws_CO_other"})
    second = pay(client_for(other_deal.buyer), other_deal, key="key-2").json()["id"]
    assert second != first.pk
    answer = post_callback(client, f"{CALLBACK}?payment={second}&token={token}", callback_body())
    assert answer.status_code == 400
