"""Orange Money Web Payment through the adapter's real request code, HTTP intercepted by `responses`;
the bodies are Orange's documented ones (webpayment, notification with notif_token, transactionstatus)."""

import base64
import json
from datetime import timedelta
from decimal import Decimal
from urllib.parse import urlparse

import pytest
import requests
import responses
from django.core.cache import cache
from django.utils import timezone

from accounts.tests.factories import StaffFactory
from deals.models import DealStatus
from payments.models import LedgerEntry, MobileMoneyPayment, Payment, PaymentStatus
from payments.tasks import process_pending_payments
from payments.tests.factories import PayableDealFactory
from webhooks.models import InboxEvent

pytestmark = pytest.mark.django_db

BASE = "https://orange.test"
URL = "/api/v1/payments/"
PHONE = "+2250701234567"  # Côte d'Ivoire: XOF
TOKEN_URL = f"{BASE}/oauth/v3/token"
PAY_URL = f"{BASE}/orange-money-webpay/ci/v1/webpayment"
STATUS_URL = f"{BASE}/orange-money-webpay/ci/v1/transactionstatus"
PAY_TOKEN = "v1bp4ugcz3vm1bjrdmm2sxzlhc2mlfrd2xtb9rogu6plw2hfzmiugmyrtnl16vn"
NOTIF_TOKEN = "dd497bda3b250e536186fc0663f32f40"

WEBPAYMENT = {
    "status": 201, "message": "OK", "pay_token": PAY_TOKEN,
    "payment_url": f"https://webpayment-qualif.orange-money.com/payment/pay_token/{PAY_TOKEN}",
    "notif_token": NOTIF_TOKEN,
}  # fmt: skip


def notification(status="SUCCESS", notif_token=NOTIF_TOKEN):
    return {"status": status, "notif_token": notif_token, "txnid": "MP150709.1341.A00073"}


@pytest.fixture
def on_orange(settings):
    settings.ORANGE_MONEY_BASE_URL = BASE
    settings.ORANGE_MONEY_CLIENT_ID = "client-id"
    settings.ORANGE_MONEY_CLIENT_SECRET = "client-secret"
    settings.ORANGE_MONEY_MERCHANT_KEY = "merchant-key"
    settings.SITE_URL = "https://nzila.test"
    cache.delete("orange-money-token:client-id")
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.post(TOKEN_URL, json={"token_type": "Bearer", "access_token": "i6m2iIcY0SodWSe", "expires_in": "7776000"})
        yield mock
    cache.delete("orange-money-token:client-id")


@pytest.fixture
def xof_deal(todays_rates):
    return PayableDealFactory(currency="XOF", agreed_price=Decimal("50000"))


def started(client_for, deal, mock) -> dict:
    mock.post(PAY_URL, status=201, json=WEBPAYMENT)
    body = {"deal": deal.pk, "amount": "50000", "currency": "XOF", "method": "orange_money", "phone": PHONE}
    response = client_for(deal.buyer).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="key-1")
    assert response.status_code == 201, response.json()
    return response.json()


def notif_path(mock) -> str:
    call = next(call for call in mock.calls if call.request.url == PAY_URL)
    url = urlparse(json.loads(call.request.body)["notif_url"])
    return f"{url.path}?{url.query}"


def post(client, path, body):
    return client.post(path, json.dumps(body), content_type="application/json")


def test_buyer_pays_by_orange_money_and_the_notification_settles_it(client_for, xof_deal, on_orange, client):
    body = started(client_for, xof_deal, on_orange)
    assert (body["status"], body["provider"], body["provider_reference"]) == ("pending", "orange_money", PAY_TOKEN)
    assert body["client_secret"] == WEBPAYMENT["payment_url"]  # the payer's page
    assert body["instructions"].startswith("Open the Orange Money payment page")
    token_call = next(call for call in on_orange.calls if call.request.url == TOKEN_URL)
    assert (
        token_call.request.headers["Authorization"] == "Basic " + base64.b64encode(b"client-id:client-secret").decode()
    )
    sent = json.loads(next(call for call in on_orange.calls if call.request.url == PAY_URL).request.body)
    assert (sent["merchant_key"], sent["currency"], sent["amount"]) == ("merchant-key", "XOF", 50000)
    assert sent["notif_url"].startswith("https://nzila.test/api/v1/webhooks/orange_money/?payment=")
    assert MobileMoneyPayment.objects.get().provider_token_digest != NOTIF_TOKEN  # kept hashed

    on_orange.post(
        STATUS_URL, json={"status": "SUCCESS", "order_id": sent["order_id"], "txnid": "MP150709.1341.A00073"}
    )
    answer = post(client, notif_path(on_orange), notification())
    assert answer.status_code == 200, answer.json()
    assert answer.json()["status"] == "processed"
    status_call = next(call for call in on_orange.calls if call.request.url == STATUS_URL)
    assert json.loads(status_call.request.body) == {
        "order_id": sent["order_id"],
        "amount": 50000,
        "pay_token": PAY_TOKEN,
    }
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.get().amount == Decimal("50000.000")
    xof_deal.refresh_from_db()
    assert xof_deal.status == DealStatus.PAID
    assert post(client, notif_path(on_orange), notification()).status_code == 200  # replayed
    assert (InboxEvent.objects.count(), LedgerEntry.objects.count()) == (1, 1)


@pytest.mark.parametrize(("status", "failure_code"), [("FAILED", "declined"), ("EXPIRED", "expired")])
def test_orange_failures_fail_the_payment(client_for, xof_deal, on_orange, client, status, failure_code):
    started(client_for, xof_deal, on_orange)
    on_orange.post(STATUS_URL, json={"status": status, "txnid": "MP150709.1341.A00073"})
    assert post(client, notif_path(on_orange), notification(status)).status_code == 200
    payment = Payment.objects.get()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, failure_code)
    assert not LedgerEntry.objects.exists()


def test_a_notification_with_the_wrong_notif_token_is_refused(client_for, xof_deal, on_orange, client):
    started(client_for, xof_deal, on_orange)
    assert post(client, notif_path(on_orange), notification(notif_token="0" * 32)).status_code == 400
    assert post(client, notif_path(on_orange), {"status": "SUCCESS"}).status_code == 400
    assert Payment.objects.get().status == PaymentStatus.PENDING
    assert not InboxEvent.objects.exists()


def test_the_job_expires_an_unpaid_orange_payment(client_for, xof_deal, on_orange):
    started(client_for, xof_deal, on_orange)
    on_orange.post(STATUS_URL, json={"status": "INITIATED"})
    Payment.objects.update(status_changed_at=timezone.now() - timedelta(minutes=20))
    assert process_pending_payments()["mobile_money"]["checked"] == 1
    assert Payment.objects.get().status == PaymentStatus.PENDING
    Payment.objects.update(status_changed_at=timezone.now() - timedelta(hours=2))
    assert process_pending_payments()["mobile_money"]["expired"] == 1
    assert Payment.objects.get().failure_code == "expired"


def test_a_held_orange_payment_approved_by_staff_opens_a_page_for_the_payers_country(
    client_for, on_orange, todays_rates
):
    deal = PayableDealFactory(currency="XOF", agreed_price=Decimal("50000"), held_for_review=True)
    body = {"deal": deal.pk, "amount": "50000", "currency": "XOF", "method": "orange_money", "phone": PHONE}
    held = client_for(deal.buyer).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="key-1")
    assert (held.status_code, held.json()["status"]) == (202, "held")
    on_orange.post(PAY_URL, status=201, json=WEBPAYMENT)
    approved = client_for(StaffFactory()).post(f"{URL}{held.json()['id']}/review/", {"decision": "approve"})
    assert (approved.status_code, approved.json()["status"]) == (200, "pending")
    assert approved.json()["provider_reference"] == PAY_TOKEN
    page = json.loads(next(call for call in on_orange.calls if call.request.url == PAY_URL).request.body)
    assert (page["amount"], page["currency"]) == (50000, "XOF")


def test_a_payment_page_whose_answer_is_lost_is_not_asked_for_again(client_for, xof_deal, on_orange):
    on_orange.post(PAY_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    body = {"deal": xof_deal.pk, "amount": "50000", "currency": "XOF", "method": "orange_money", "phone": PHONE}
    buyer = client_for(xof_deal.buyer)
    first = buyer.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="key-1")
    again = buyer.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="key-1")
    assert (first.status_code, first.json()["status"], again.status_code) == (201, "pending", 200)
    assert first.json()["instructions"] == (
        "The Orange Money payment page could not be opened; this payment will expire. Pay again with a new request."
    )
    assert len([call for call in on_orange.calls if call.request.url == PAY_URL]) == 1
