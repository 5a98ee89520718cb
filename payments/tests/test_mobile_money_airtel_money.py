"""Airtel Money Collections through the adapter's real request code, HTTP intercepted by `responses`; the
bodies are Airtel Africa's documented ones (USSD push, status, callback, DP008 response codes)."""

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
import requests
import responses
from django.core.cache import cache
from django.utils import timezone

from accounts.tests.factories import StaffFactory
from deals.models import DealStatus
from payments.models import LedgerEntry, Payment, PaymentStatus
from payments.tasks import process_pending_payments
from payments.tests.factories import PayableDealFactory
from webhooks.models import InboxEvent

pytestmark = pytest.mark.django_db

BASE = "https://airtel.test"
URL = "/api/v1/payments/"
CALLBACK = "/api/v1/webhooks/airtel_money/"
PHONE = "+254733123456"  # Kenya (Airtel): KES
TOKEN_URL = f"{BASE}/auth/oauth2/token"
PUSH_URL = f"{BASE}/merchant/v1/payments/"
STATUS_URL = re.compile(rf"{re.escape(BASE)}/standard/v1/payments/NZ\d+X[0-9a-f]+")

PUSH_ACCEPTED = {
    "data": {"transaction": {"id": "placeholder", "status": "Success."}},
    "status": {"code": "200", "message": "Success.", "result_code": "ESB000010",
               "response_code": "DP00800001006", "success": True},
}  # fmt: skip


def status_answer(reference, status="TS", response_code="DP00800001001", message="success"):
    return {
        "data": {"transaction": {"airtel_money_id": "MP210603.1234.L06941", "id": reference, "message": message,
                                 "status": status}},
        "status": {"code": "200", "message": "SUCCESS", "result_code": "ESB000010", "response_code": response_code,
                   "success": True},
    }  # fmt: skip


def callback_body(reference, status_code="TS", message="Paid KES 1,000 to NZILA Trans ID MP210603.1234.L06941."):
    return {"transaction": {"id": reference, "message": message, "status_code": status_code,
                            "airtel_money_id": "MP210603.1234.L06941"}}  # fmt: skip


@pytest.fixture
def on_airtel(settings):
    settings.AIRTEL_MONEY_BASE_URL = BASE
    settings.AIRTEL_MONEY_CLIENT_ID = "client-id"
    settings.AIRTEL_MONEY_CLIENT_SECRET = "client-secret"
    settings.SITE_URL = "https://nzila.test"
    cache.delete("airtel-money-token:client-id")
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.post(TOKEN_URL, json={"access_token": "Tb0kcVmT3o", "expires_in": "180", "token_type": "bearer"})
        yield mock
    cache.delete("airtel-money-token:client-id")


@pytest.fixture
def kes_deal(todays_rates):
    return PayableDealFactory(currency="KES", agreed_price=Decimal("1000.00"))


def pushed(client_for, deal, mock, key="key-1") -> Payment:
    mock.post(PUSH_URL, json=PUSH_ACCEPTED)
    body = {"deal": deal.pk, "amount": "1000", "currency": "KES", "method": "airtel_money", "phone": PHONE}
    response = client_for(deal.buyer).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert response.status_code == 201, response.json()
    return Payment.objects.get(pk=response.json()["id"])


def callback_path(mock) -> str:
    """Airtel posts to the one callback URL set in its merchant portal (no token of ours)."""
    call = next(call for call in mock.calls if call.request.url == PUSH_URL)
    assert call.request.headers["X-Country"] == "KE"
    return CALLBACK


def post_callback(client, path, body):
    return client.post(path, json.dumps(body), content_type="application/json")


def test_buyer_pays_by_airtel_money_and_the_callback_settles_it(client_for, kes_deal, on_airtel, client):
    payment = pushed(client_for, kes_deal, on_airtel)
    call = next(call for call in on_airtel.calls if call.request.url == PUSH_URL)
    assert (call.request.headers["X-Country"], call.request.headers["X-Currency"]) == ("KE", "KES")
    assert call.request.headers["Authorization"] == "Bearer Tb0kcVmT3o"
    assert json.loads(call.request.body) == {
        "reference": f"Nzila deal {kes_deal.pk}",
        "subscriber": {"country": "KE", "currency": "KES", "msisdn": "733123456"},
        "transaction": {"amount": 1000, "country": "KE", "currency": "KES", "id": payment.provider_reference},
    }
    on_airtel.get(STATUS_URL, json=status_answer(payment.provider_reference))
    answer = post_callback(client, callback_path(on_airtel), callback_body(payment.provider_reference))
    assert answer.status_code == 200, answer.json()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.get().amount == Decimal("1000.000")
    kes_deal.refresh_from_db()
    assert kes_deal.status == DealStatus.PAID
    # Replayed: nothing more.
    assert post_callback(client, callback_path(on_airtel), callback_body(payment.provider_reference)).status_code == 200
    assert (InboxEvent.objects.count(), LedgerEntry.objects.count()) == (1, 1)


@pytest.mark.parametrize(
    ("response_code", "failure_code"),
    [
        ("DP00800001007", "insufficient_funds"),
        ("DP00800001008", "cancelled_by_user"),
        ("DP00800001024", "timeout"),
        ("DP00800001002", "wrong_pin"),
    ],
)
def test_airtel_failures_fail_the_payment_with_a_clear_reason(
    client_for, kes_deal, on_airtel, client, response_code, failure_code
):
    payment = pushed(client_for, kes_deal, on_airtel)
    on_airtel.get(STATUS_URL, json=status_answer(payment.provider_reference, "TF", response_code, "failed"))
    answer = post_callback(client, callback_path(on_airtel), callback_body(payment.provider_reference, "TF", "x"))
    assert answer.status_code == 200
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, failure_code)
    assert not LedgerEntry.objects.exists()


def test_a_forged_or_misdirected_airtel_callback_is_refused(client_for, kes_deal, on_airtel, client):
    payment = pushed(client_for, kes_deal, on_airtel)
    assert post_callback(client, f"{CALLBACK}?payment={payment.pk}&token=bad", callback_body("x")).status_code == 400
    assert post_callback(client, CALLBACK, callback_body("NZ999X0")).status_code == 400  # no payment of ours
    assert post_callback(client, callback_path(on_airtel), {"transaction": {}}).status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not InboxEvent.objects.exists()


def test_a_forged_success_the_status_does_not_confirm_credits_nothing_and_the_real_one_still_counts(
    client_for, kes_deal, on_airtel, client
):
    payment = pushed(client_for, kes_deal, on_airtel)
    on_airtel.get(STATUS_URL, json=status_answer(payment.provider_reference, "TIP", "DP00800001006", "in progress"))
    assert post_callback(client, CALLBACK, callback_body(payment.provider_reference)).json()["status"] == "failed"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not LedgerEntry.objects.exists()
    on_airtel.replace(responses.GET, STATUS_URL, json=status_answer(payment.provider_reference))
    assert post_callback(client, CALLBACK, callback_body(payment.provider_reference)).json()["status"] == "processed"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.count() == 1


def test_the_job_settles_a_lost_airtel_callback(client_for, kes_deal, on_airtel):
    payment = pushed(client_for, kes_deal, on_airtel)
    on_airtel.get(STATUS_URL, json=status_answer(payment.provider_reference, "TIP", "DP00800001006", "in progress"))
    Payment.objects.filter(pk=payment.pk).update(status_changed_at=timezone.now() - timedelta(minutes=15))
    assert process_pending_payments()["mobile_money"]["changed"] == 0
    on_airtel.replace(responses.GET, STATUS_URL, json=status_answer(payment.provider_reference))
    assert process_pending_payments()["mobile_money"]["changed"] == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED


def test_airtel_takes_nigeria_in_naira_only(client_for, kes_deal, on_airtel):
    body = {"deal": kes_deal.pk, "amount": "1000", "currency": "KES", "method": "airtel_money",
            "phone": "+2348021234567"}  # fmt: skip
    response = client_for(kes_deal.buyer).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert response.json()["fields"]["currency"] == ["Airtel Money in NG is paid in NGN."]


def test_airtel_takes_whole_units_only(client_for, kes_deal, on_airtel):
    body = {"deal": kes_deal.pk, "amount": "999.50", "currency": "KES", "method": "airtel_money", "phone": PHONE}
    response = client_for(kes_deal.buyer).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert response.json()["fields"]["amount"] == ["Airtel Money takes whole amounts of KES."]
    assert not on_airtel.calls


def test_a_held_airtel_payment_approved_by_staff_is_pushed_to_the_payers_number(client_for, on_airtel, todays_rates):
    deal = PayableDealFactory(currency="KES", agreed_price=Decimal("1000.00"), held_for_review=True)
    body = {"deal": deal.pk, "amount": "1000", "currency": "KES", "method": "airtel_money", "phone": PHONE}
    held = client_for(deal.buyer).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="key-1")
    assert (held.status_code, held.json()["status"]) == (202, "held")
    on_airtel.post(PUSH_URL, json=PUSH_ACCEPTED)
    approved = client_for(StaffFactory()).post(f"{URL}{held.json()['id']}/review/", {"decision": "approve"})
    assert (approved.status_code, approved.json()["status"]) == (200, "pending")
    call = next(call for call in on_airtel.calls if call.request.url == PUSH_URL)
    push = json.loads(call.request.body)
    assert push["subscriber"] == {"country": "KE", "currency": "KES", "msisdn": "733123456"}
    assert (call.request.headers["X-Country"], push["transaction"]["amount"]) == ("KE", 1000)


def test_a_push_whose_answer_is_lost_is_settled_by_asking_airtel_never_by_pushing_again(
    client_for, kes_deal, on_airtel
):
    on_airtel.post(PUSH_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    body = {"deal": kes_deal.pk, "amount": "1000", "currency": "KES", "method": "airtel_money", "phone": PHONE}
    buyer = client_for(kes_deal.buyer)
    first = buyer.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="key-1")
    assert (first.status_code, first.json()["status"]) == (201, "pending")
    reference = first.json()["provider_reference"]
    assert reference.startswith("NZ")  # our transaction id: Airtel can be asked about it
    assert buyer.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="key-1").status_code == 200
    Payment.objects.update(status_changed_at=timezone.now() - timedelta(minutes=11))
    on_airtel.get(STATUS_URL, json=status_answer(reference))
    process_pending_payments.delay()
    assert Payment.objects.get().status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.count() == 1
    assert len([call for call in on_airtel.calls if call.request.url == PUSH_URL]) == 1
