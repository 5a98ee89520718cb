"""Paystack through the gateway's real request code, HTTP intercepted by `responses`; the bodies are
Paystack's documented ones (transaction initialize and verify, refund create and list, the charge.success and
refund.* events), signed as Paystack signs them: HMAC-SHA512 of the raw body under the secret key."""

import hashlib
import hmac
import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
import requests
import responses
from django.utils import timezone

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from deals.models import DealStatus
from notifications.models import Notification
from payments.models import (
    DiscrepancyKind,
    LedgerEntry,
    LedgerEntryKind,
    Payment,
    PaymentStatus,
    PaystackTransaction,
    ReconciliationStatus,
)
from payments.services.reconciliation import payments_reconcile_by_status
from payments.tasks import process_pending_payments
from payments.tests.factories import PayableDealFactory
from webhooks.models import InboxEvent

pytestmark = pytest.mark.django_db

SECRET = "sk_test_nzila_paystack"
BASE = "https://paystack.test"
URL = "/api/v1/payments/"
WEBHOOK = "/api/v1/webhooks/paystack/"
INITIALIZE_URL = f"{BASE}/transaction/initialize"
VERIFY_URL = re.compile(rf"{re.escape(BASE)}/transaction/verify/nzila-\d+-[0-9a-f]+")
REFUND_URL = f"{BASE}/refund"
CHECKOUT = "https://checkout.paystack.com/0peioxfhpn"


@pytest.fixture
def on_paystack(settings):
    settings.PAYSTACK_SECRET_KEY = SECRET
    settings.PAYSTACK_PUBLIC_KEY = "pk_test_nzila_paystack"
    settings.PAYSTACK_BASE_URL = BASE
    settings.SITE_URL = "https://nzila.test"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def ngn_deal(todays_rates):
    return PayableDealFactory(currency="NGN", agreed_price=Decimal("1500000.00"), destination_country="NG")


def initialized(reference: str = "") -> dict:
    data = {"authorization_url": CHECKOUT, "access_code": "0peioxfhpn", "reference": reference}
    return {"status": True, "message": "Authorization URL created", "data": data}


def initialize_echo(mock):
    """Paystack's answer, echoing our reference as it does."""

    def answer(request):
        reference = json.loads(request.body)["reference"]
        return 200, {}, json.dumps(initialized(reference))

    mock.add_callback(responses.POST, INITIALIZE_URL, callback=answer, content_type="application/json")


def transaction(payment: Payment, *, status="success", amount=None, currency=None, gateway_response="Successful"):
    """A transaction as verify answers it and charge.success carries it (Paystack's documented fields)."""
    return {
        "id": 4099260516, "domain": "test", "status": status, "reference": payment.provider_reference,
        "receipt_number": None, "amount": amount if amount is not None else int(payment.amount * 100),
        "message": None, "gateway_response": gateway_response, "paid_at": "2026-12-02T09:15:02.000Z",
        "created_at": "2026-12-02T09:14:24.000Z", "channel": "card",
        "currency": currency or payment.currency, "ip_address": "197.210.54.33",
        "metadata": {"payment_id": str(payment.pk)}, "fees": 10283,
        "customer": {"id": 181873746, "email": payment.payer.email, "customer_code": "CUS_1rkzaqsv4rrhqo6"},
        "authorization": {"authorization_code": "AUTH_uh8bcl3zbn", "bin": "408408", "last4": "4081",
                          "channel": "card", "card_type": "visa ", "bank": "TEST BANK", "country_code": "NG"},
    }  # fmt: skip


def verified(data: dict) -> dict:
    return {"status": True, "message": "Verification successful", "data": data}


def signed_post(client, event: dict, *, secret: str = SECRET):
    body = json.dumps(event).encode()
    signature = hmac.new(secret.encode(), body, hashlib.sha512).hexdigest()
    return client.post(WEBHOOK, body, content_type="application/json", HTTP_X_PAYSTACK_SIGNATURE=signature)


def pay(client, deal, *, amount="1500000.00", currency="NGN", key="key-1", channels=None):
    body = {"deal": deal.pk, "amount": amount, "currency": currency, "method": "paystack"}
    if channels is not None:
        body["channels"] = channels
    return client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def initialize_calls(mock) -> list:
    return [call for call in mock.calls if call.request.url == INITIALIZE_URL]


def paid(client_for, deal, mock, client) -> Payment:
    """A deal paid through Paystack, settled by its signed webhook."""
    initialize_echo(mock)
    assert pay(client_for(deal.buyer), deal).status_code == 201
    payment = Payment.objects.get()
    mock.get(VERIFY_URL, json=verified(transaction(payment)))
    assert signed_post(client, {"event": "charge.success", "data": transaction(payment)}).status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    return payment


def test_a_nigerian_buyer_pays_in_ngn_and_the_signed_webhook_settles_it_once(client_for, ngn_deal, on_paystack, client):
    initialize_echo(on_paystack)
    response = pay(client_for(ngn_deal.buyer), ngn_deal)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["provider"], body["amount"], body["currency"]) == (
        "pending", "paystack", "1500000.00", "NGN"
    )  # fmt: skip
    assert body["client_secret"] == CHECKOUT  # the buyer's checkout page
    assert body["instructions"].startswith("Open the Paystack checkout")
    (call,) = initialize_calls(on_paystack)
    assert call.request.headers["Authorization"] == f"Bearer {SECRET}"
    assert json.loads(call.request.body) == {
        "email": ngn_deal.buyer.email, "amount": 150000000, "currency": "NGN",
        "reference": body["provider_reference"], "callback_url": f"https://nzila.test/deals/{ngn_deal.pk}",
        "channels": ["card", "bank", "ussd", "bank_transfer"],
        "metadata": {"payment_id": str(body["id"]), "deal_id": str(ngn_deal.pk)},
    }  # fmt: skip
    assert body["provider_reference"].startswith(f"nzila-{body['id']}-")

    payment = Payment.objects.get()
    on_paystack.get(VERIFY_URL, json=verified(transaction(payment)))
    event = {"event": "charge.success", "data": transaction(payment)}
    answer = signed_post(client, event)
    assert answer.status_code == 200, answer.json()
    assert answer.json() == {"event": "charge.success:4099260516", "status": "processed"}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    entry = LedgerEntry.objects.get()
    assert (entry.kind, entry.amount, entry.currency, entry.provider_reference) == (
        LedgerEntryKind.CHARGE, Decimal("1500000.000"), "NGN", payment.provider_reference
    )  # fmt: skip
    ngn_deal.refresh_from_db()
    assert ngn_deal.status == DealStatus.PAID
    checkout = PaystackTransaction.objects.get()
    assert (checkout.transaction_id, checkout.provider_status) == ("4099260516", "success")

    replayed = signed_post(client, event)  # Paystack delivers again: stored once, credited once
    assert (replayed.status_code, replayed.json()["status"]) == (200, "processed")
    assert (InboxEvent.objects.count(), LedgerEntry.objects.count()) == (1, 1)


def test_a_forged_or_unsigned_webhook_is_400_and_changes_nothing(client_for, ngn_deal, on_paystack, client):
    initialize_echo(on_paystack)
    pay(client_for(ngn_deal.buyer), ngn_deal)
    payment = Payment.objects.get()
    event = {"event": "charge.success", "data": transaction(payment)}
    forged = signed_post(client, event, secret="sk_test_guess")
    assert (forged.status_code, forged.json()["code"]) == (400, "bad_signature")
    unsigned = client.post(WEBHOOK, json.dumps(event), content_type="application/json")
    assert unsigned.status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not InboxEvent.objects.exists()
    assert not LedgerEntry.objects.exists()


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"amount": 15000000}, "150000.00 NGN reported for 1500000.000 NGN"),
        ({"currency": "GHS"}, "GHS reported for NGN"),
    ],
    ids=["amount", "currency"],
)
def test_an_amount_or_currency_mismatch_is_not_settled_but_held_for_staff(
    client_for, ngn_deal, on_paystack, client, changes, reason
):
    staff = StaffFactory()
    initialize_echo(on_paystack)
    pay(client_for(ngn_deal.buyer), ngn_deal)
    payment = Payment.objects.get()
    on_paystack.get(VERIFY_URL, json=verified(transaction(payment, **changes)))
    assert signed_post(client, {"event": "charge.success", "data": transaction(payment, **changes)}).status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    checkout = PaystackTransaction.objects.get()
    assert checkout.held_at is not None
    assert checkout.held_reason == reason
    assert not LedgerEntry.objects.exists()
    assert Notification.objects.get(event="payment.provider_mismatch").user == staff
    assert AuditLog.objects.filter(action="payment.paystack_held").count() == 1


def test_a_refund_reaches_paystack_and_refund_processed_confirms_it(client_for, ngn_deal, on_paystack, client):
    payment = paid(client_for, ngn_deal, on_paystack, client)
    on_paystack.get(REFUND_URL, json={"status": True, "message": "Refunds retrieved", "data": []})
    on_paystack.post(REFUND_URL, json={
        "status": True, "message": "Refund has been queued for processing",
        "data": {"transaction": {"id": 4099260516, "reference": payment.provider_reference, "amount": 150000000},
                 "integration": 412829, "deducted_amount": 0, "channel": None, "merchant_note": "refund",
                 "customer_note": "Refund for transaction", "status": "pending", "refunded_by": "ops@nzila.test",
                 "currency": "NGN", "domain": "test", "amount": 50000000, "fully_deducted": False, "id": 3018284},
    })  # fmt: skip
    response = client_for(StaffFactory()).post(
        f"{URL}{payment.pk}/refund/", {"amount": "500000.00", "reason": "Vehicle damaged"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert (response.json()["amount"], response.json()["provider_reference"]) == ("-500000.00", "3018284")
    (sent,) = [call for call in on_paystack.calls if call.request.method == "POST" and call.request.url == REFUND_URL]
    assert sent.request.headers["Authorization"] == f"Bearer {SECRET}"
    assert json.loads(sent.request.body) == {
        "transaction": payment.provider_reference, "amount": 50000000, "currency": "NGN",
        "merchant_note": f"refund-{payment.pk}-1: Vehicle damaged",
    }  # fmt: skip
    lookup = next(call for call in on_paystack.calls if call.request.method == "GET" and "/refund" in call.request.url)
    assert lookup.request.url == f"{REFUND_URL}?transaction=4099260516"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PARTIALLY_REFUNDED

    processed = {
        "event": "refund.processed",
        "data": {"status": "processed", "transaction_reference": payment.provider_reference,
                 "refund_reference": "132013318360", "amount": "50000000", "currency": "NGN",
                 "processor": "mpgs_zen", "customer": {"email": payment.payer.email}, "integration": 412829,
                 "domain": "test"},
    }  # fmt: skip
    answer = signed_post(client, processed)
    assert (answer.status_code, answer.json()["status"]) == (200, "processed")
    assert signed_post(client, processed).status_code == 200  # a redelivery
    assert LedgerEntry.objects.filter(kind=LedgerEntryKind.REFUND).count() == 1
    assert AuditLog.objects.filter(action="payment.refund_processed").count() == 1


def test_a_refund_whose_answer_was_lost_is_looked_up_never_sent_twice(client_for, ngn_deal, on_paystack, client):
    payment = paid(client_for, ngn_deal, on_paystack, client)
    staff_client = client_for(StaffFactory())
    on_paystack.get(REFUND_URL, json={"status": True, "message": "Refunds retrieved", "data": []})
    on_paystack.post(REFUND_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    lost = staff_client.post(f"{URL}{payment.pk}/refund/", {"reason": "Cancelled"}, format="json")
    assert lost.status_code == 503, lost.json()
    assert not LedgerEntry.objects.filter(kind=LedgerEntryKind.REFUND).exists()

    made = {"id": 3018285, "transaction": 4099260516, "amount": 150000000, "currency": "NGN", "status": "pending",
            "merchant_note": f"refund-{payment.pk}-1: Cancelled"}  # fmt: skip
    on_paystack.replace(
        responses.GET, REFUND_URL, json={"status": True, "message": "Refunds retrieved", "data": [made]}
    )
    again = staff_client.post(f"{URL}{payment.pk}/refund/", {"reason": "Cancelled"}, format="json")
    assert again.status_code == 201, again.json()
    assert again.json()["provider_reference"] == "3018285"
    posts = [call for call in on_paystack.calls if call.request.method == "POST" and call.request.url == REFUND_URL]
    assert len(posts) == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED


def test_a_refused_initialize_fails_the_payment_with_paystacks_reason(client_for, ngn_deal, on_paystack):
    on_paystack.post(INITIALIZE_URL, status=401, json={"status": False, "message": "Invalid key"})
    response = pay(client_for(ngn_deal.buyer), ngn_deal)
    assert response.status_code == 402, response.json()
    payment = Payment.objects.get()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "provider_refused")
    assert "Invalid key" in payment.failure_reason
    assert not LedgerEntry.objects.exists()


@pytest.mark.parametrize(
    "failure",
    [{"body": requests.exceptions.ReadTimeout("read timed out")}, {"status": 502, "json": {"status": False}}],
    ids=["timeout", "502"],
)
def test_an_initialize_whose_answer_was_lost_is_verified_never_sent_again(client_for, ngn_deal, on_paystack, failure):
    on_paystack.post(INITIALIZE_URL, **failure)
    buyer = client_for(ngn_deal.buyer)
    response = pay(buyer, ngn_deal)
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "pending"
    payment = Payment.objects.get()
    assert payment.provider_reference.startswith(f"nzila-{payment.pk}-")  # ours, chosen before sending
    retried = pay(buyer, ngn_deal)
    assert (retried.status_code, retried.json()["id"]) == (200, payment.pk)
    assert len(initialize_calls(on_paystack)) == 1

    on_paystack.get(VERIFY_URL, json=verified(transaction(payment)))
    Payment.objects.filter(pk=payment.pk).update(status_changed_at=timezone.now() - timedelta(minutes=31))
    assert process_pending_payments()["paystack"] == {"checked": 1, "changed": 1, "expired": 0, "unreachable": 0}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.get().amount == Decimal("1500000.000")
    assert len(initialize_calls(on_paystack)) == 1


def test_verify_saying_failed_fails_the_payment_and_an_abandoned_checkout_expires(
    client_for, on_paystack, todays_rates
):
    deals = [PayableDealFactory(currency="NGN", agreed_price=Decimal("1500000.00")) for _ in range(2)]
    initialize_echo(on_paystack)
    for deal in deals:
        assert pay(client_for(deal.buyer), deal).status_code == 201
    declined, abandoned = Payment.objects.order_by("id")
    verify_answers = {
        declined.provider_reference: transaction(declined, status="failed", gateway_response="Declined"),
        abandoned.provider_reference: transaction(abandoned, status="abandoned", gateway_response="Not completed"),
    }  # fmt: skip
    on_paystack.add_callback(
        responses.GET, VERIFY_URL, content_type="application/json",
        callback=lambda request: (200, {}, json.dumps(verified(verify_answers[request.url.rsplit("/", 1)[1]]))),
    )  # fmt: skip
    Payment.objects.filter(pk=declined.pk).update(status_changed_at=timezone.now() - timedelta(minutes=31))
    Payment.objects.filter(pk=abandoned.pk).update(status_changed_at=timezone.now() - timedelta(minutes=61))
    counts = process_pending_payments()["paystack"]
    assert counts == {"checked": 2, "changed": 1, "expired": 1, "unreachable": 0}
    declined.refresh_from_db()
    abandoned.refresh_from_db()
    assert (declined.status, declined.failure_code, declined.failure_reason) == (
        PaymentStatus.FAILED, "paystack_failed", "Declined"
    )  # fmt: skip
    assert (abandoned.status, abandoned.failure_code) == (PaymentStatus.FAILED, "expired")
    assert not LedgerEntry.objects.exists()


def test_a_held_payment_approved_later_reaches_paystack_with_what_the_first_request_gave(
    client_for, on_paystack, todays_rates
):
    deal = PayableDealFactory(held_for_review=True, currency="NGN", agreed_price=Decimal("1500000.00"))
    initialize_echo(on_paystack)
    held = pay(client_for(deal.buyer), deal, channels=["bank_transfer", "ussd"])
    assert (held.status_code, held.json()["status"]) == (202, "held")
    assert not initialize_calls(on_paystack)
    approved = client_for(StaffFactory()).post(f"{URL}{held.json()['id']}/review/", {"decision": "approve"})
    assert approved.status_code == 200, approved.json()
    assert approved.json()["status"] == "pending"
    (call,) = initialize_calls(on_paystack)
    sent = json.loads(call.request.body)
    assert (sent["email"], sent["amount"], sent["currency"], sent["channels"]) == (
        deal.buyer.email, 150000000, "NGN", ["bank_transfer", "ussd"]
    )  # fmt: skip


def test_a_ghanaian_buyer_pays_in_ghs_counted_in_pesewas(client_for, on_paystack, todays_rates):
    deal = PayableDealFactory(currency="GHS", agreed_price=Decimal("25000.00"), destination_country="GH")
    initialize_echo(on_paystack)
    response = pay(client_for(deal.buyer), deal, amount="1234.56", currency="GHS", channels=["mobile_money"])
    assert response.status_code == 201, response.json()
    (call,) = initialize_calls(on_paystack)
    sent = json.loads(call.request.body)
    assert (sent["amount"], sent["currency"], sent["channels"]) == (123456, "GHS", ["mobile_money"])


def test_paystack_refuses_other_currencies_and_channels_it_does_not_offer(client_for, ngn_deal, on_paystack):
    buyer = client_for(ngn_deal.buyer)
    other_currency = pay(buyer, ngn_deal, amount="100", currency="XOF")
    assert (other_currency.status_code, other_currency.json()["fields"]) == (
        400,
        {"currency": [other_currency.json()["detail"]]},
    )
    ussd_in_ghana = pay(buyer, ngn_deal, amount="100", currency="GHS", channels=["ussd"], key="key-2")
    assert (ussd_in_ghana.status_code, ussd_in_ghana.json()["fields"].keys()) == (400, {"channels"})
    not_a_channel = pay(buyer, ngn_deal, channels=["cheque"], key="key-3")
    assert not_a_channel.status_code == 400
    assert "channels" in json.dumps(not_a_channel.json())
    assert not Payment.objects.exists()
    assert len(on_paystack.calls) == 0


def test_without_keys_paystack_runs_in_local_mode_through_the_sandbox(client_for, ngn_deal, settings):
    settings.PAYSTACK_SECRET_KEY = ""
    settings.MOBILE_MONEY_SANDBOX = True
    response = pay(client_for(ngn_deal.buyer), ngn_deal)
    assert response.status_code == 201, response.json()
    assert (response.json()["provider"], response.json()["status"]) == ("sandbox", "succeeded")
    assert LedgerEntry.objects.get().currency == "NGN"
    settings.MOBILE_MONEY_SANDBOX = False
    refused = pay(client_for(ngn_deal.buyer), ngn_deal, amount="1", key="key-2")
    assert (refused.status_code, refused.json()["fields"].keys()) == (422, {"method"})


def test_the_daily_reconciliation_verifies_each_paystack_payment(client_for, ngn_deal, on_paystack, client):
    payment = paid(client_for, ngn_deal, on_paystack, client)
    clean = payments_reconcile_by_status(day=timezone.localdate(), method="paystack")
    assert (clean.status, clean.database_count) == (ReconciliationStatus.CLEAN, 1)
    on_paystack.replace(responses.GET, VERIFY_URL, json=verified(transaction(payment, amount=100)))
    run = payments_reconcile_by_status(day=timezone.localdate(), method="paystack")
    discrepancy = run.discrepancies.get()
    assert (discrepancy.kind, discrepancy.ours, discrepancy.theirs) == (
        DiscrepancyKind.AMOUNT_MISMATCH, "1500000 NGN", "1 NGN"
    )  # fmt: skip


def test_a_refund_paystack_could_not_pay_back_is_audited_for_staff(client_for, ngn_deal, on_paystack, client):
    payment = paid(client_for, ngn_deal, on_paystack, client)
    failed = {
        "event": "refund.failed",
        "data": {"status": "failed", "transaction_reference": payment.provider_reference,
                 "refund_reference": "TRF_9vgfawjnoz58uxy", "amount": 20000, "currency": "NGN",
                 "processor": "instant-transfer", "integration": 412325, "domain": "test"},
    }  # fmt: skip
    answer = signed_post(client, failed)
    assert (answer.status_code, answer.json()["status"]) == (200, "processed")
    record = AuditLog.objects.get(action="payment.refund_failed")
    assert (record.changes["amount"], record.changes["currency"]) == ("200.00", "NGN")
    assert LedgerEntry.objects.count() == 1
