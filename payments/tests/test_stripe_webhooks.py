"""Stripe's webhook: signed exactly as Stripe signs (HMAC-SHA256 of "<timestamp>.<body>" with the
endpoint secret, https://docs.stripe.com/webhooks#verify-manually), with event bodies shaped as Stripe
sends them."""

import hashlib
import hmac
import json
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from deals.models import DealStatus
from notifications.models import Notification
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.selectors import deal_amount_paid
from payments.tests.factories import StripePaymentFactory
from webhooks.models import InboxEvent, InboxEventStatus
from webhooks.services import inbox_event_process
from webhooks.tasks import requeue_inbox_events

pytestmark = pytest.mark.django_db

URL = "/api/v1/webhooks/stripe/"
SECRET = "whsec_test_nzila"


@pytest.fixture(autouse=True)
def _stripe_settings(settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_SECRET_KEY = "sk_test_nzila"


def signed(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


def event(event_type: str, data_object: dict, *, event_id: str = "evt_1") -> str:
    return json.dumps({
        "id": event_id, "object": "event", "api_version": "2025-10-29.clover", "created": int(time.time()),
        "type": event_type, "livemode": False, "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None}, "data": {"object": data_object},
    })  # fmt: skip


def intent(payment: Payment, status: str, **extra) -> dict:
    return {
        "id": payment.provider_reference, "object": "payment_intent", "amount": int(payment.amount * 100),
        "currency": "cad", "status": status, "client_secret": f"{payment.provider_reference}_secret_x",
        "metadata": {"payment_id": str(payment.pk), "deal_id": str(payment.deal_id)}, "last_payment_error": None,
        **extra,
    }  # fmt: skip


def deliver(client, body: str, **signing):
    return client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signed(body, **signing))


def test_a_forged_or_stale_or_unsigned_event_is_400_and_changes_nothing(client):
    payment = StripePaymentFactory()
    body = event("payment_intent.succeeded", intent(payment, "succeeded"))
    for response in (
        deliver(client, body, secret="whsec_wrong"),
        deliver(client, body, timestamp=int(time.time()) - 3600),
        client.post(URL, body, content_type="application/json"),
    ):
        assert (response.status_code, response.json()["code"]) == (400, "bad_signature")
    assert not InboxEvent.objects.exists()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REQUIRES_ACTION
    assert not LedgerEntry.objects.exists()


def test_succeeded_delivered_ten_times_records_one_charge_and_moves_the_deal(client):
    payment = StripePaymentFactory()
    body = event("payment_intent.succeeded", intent(payment, "succeeded"), event_id="evt_succeeded")
    for _ in range(10):
        response = deliver(client, body)
        assert response.status_code == 200
    assert InboxEvent.objects.get().status == InboxEventStatus.PROCESSED
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.filter(kind=LedgerEntryKind.CHARGE).count() == 1
    payment.deal.refresh_from_db()
    assert payment.deal.status == DealStatus.PAID


def test_events_out_of_order_never_move_a_payment_back(client):
    payment = StripePaymentFactory()
    deliver(client, event("payment_intent.succeeded", intent(payment, "succeeded"), event_id="evt_a"))
    late_action = event("payment_intent.requires_action", intent(payment, "requires_action"), event_id="evt_b")
    error = {"code": "card_declined", "decline_code": "generic_decline", "message": "Your card was declined."}
    late_failure = event(
        "payment_intent.payment_failed",
        intent(payment, "requires_payment_method", last_payment_error=error),
        event_id="evt_c",
    )
    assert deliver(client, late_action).status_code == 200
    assert deliver(client, late_failure).status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert LedgerEntry.objects.count() == 1


def test_a_failure_event_records_stripes_decline_code(client):
    payment = StripePaymentFactory()
    error = {
        "code": "card_declined",
        "decline_code": "insufficient_funds",
        "message": "Your card has insufficient funds.",
    }
    body = event("payment_intent.payment_failed", intent(payment, "requires_payment_method", last_payment_error=error))
    assert deliver(client, body).status_code == 200
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code, payment.failure_reason) == (
        PaymentStatus.FAILED, "insufficient_funds", "Your card has insufficient funds."
    )  # fmt: skip
    assert Notification.objects.filter(event="payment.failed", user=payment.payer).exists()


def test_an_event_for_an_unknown_payment_is_kept_failed_and_applied_when_delivered_again(client):
    payment = StripePaymentFactory()
    reference = payment.provider_reference
    Payment.objects.filter(pk=payment.pk).update(provider_reference="")
    data = intent(payment, "succeeded")
    data["metadata"] = {}
    body = event("payment_intent.succeeded", data, event_id="evt_early")
    response = deliver(client, body)
    assert (response.status_code, response.json()["status"]) == (200, "failed")
    stored = InboxEvent.objects.get()
    assert stored.status == InboxEventStatus.FAILED
    assert "No payment" in stored.error
    Payment.objects.filter(pk=payment.pk).update(provider_reference=reference)
    assert deliver(client, body).status_code == 200
    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == (InboxEventStatus.PROCESSED, 2)
    assert LedgerEntry.objects.count() == 1


def test_unknown_event_types_are_stored_and_ignored(client):
    body = event("customer.created", {"id": "cus_1", "object": "customer"}, event_id="evt_customer")
    response = deliver(client, body)
    assert (response.status_code, response.json()["status"]) == (200, "ignored")
    assert InboxEvent.objects.get().event_type == "customer.created"


def charge(payment: Payment, amount_refunded: int) -> dict:
    return {
        "id": "ch_1", "object": "charge", "amount": int(payment.amount * 100), "amount_refunded": amount_refunded,
        "currency": "cad", "payment_intent": payment.provider_reference, "refunded": False, "status": "succeeded",
    }  # fmt: skip


def test_charge_refunded_records_what_the_ledger_lacks_once(client):
    payment = StripePaymentFactory()
    deliver(client, event("payment_intent.succeeded", intent(payment, "succeeded"), event_id="evt_paid"))
    # 1,000.00 refunded in Stripe's dashboard, then 500.00 more: amount_refunded is cumulative.
    assert deliver(client, event("charge.refunded", charge(payment, 100000), event_id="evt_r1")).status_code == 200
    assert deliver(client, event("charge.refunded", charge(payment, 100000), event_id="evt_r1")).status_code == 200
    assert deliver(client, event("charge.refunded", charge(payment, 150000), event_id="evt_r2")).status_code == 200
    refunds = LedgerEntry.objects.filter(kind=LedgerEntryKind.REFUND).order_by("id")
    assert [entry.amount for entry in refunds] == [Decimal("-1000.000"), Decimal("-500.000")]
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PARTIALLY_REFUNDED


def dispute(payment: Payment, status: str) -> dict:
    return {
        "id": "dp_1", "object": "dispute", "amount": int(payment.amount * 100), "currency": "cad", "charge": "ch_1",
        "payment_intent": payment.provider_reference, "reason": "fraudulent", "status": status,
    }  # fmt: skip


def test_a_dispute_takes_the_money_out_alerts_staff_and_a_win_brings_it_back(client):
    staff = StaffFactory()
    payment = StripePaymentFactory()
    deliver(client, event("payment_intent.succeeded", intent(payment, "succeeded"), event_id="evt_paid"))
    for _ in range(2):
        assert (
            deliver(
                client, event("charge.dispute.created", dispute(payment, "needs_response"), event_id="evt_d")
            ).status_code
            == 200
        )
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.DISPUTED
    assert deal_amount_paid(deal=payment.deal) == Decimal("0.00")
    assert Notification.objects.get(event="payment.disputed").user == staff
    payment.deal.refresh_from_db()
    assert payment.deal.is_on_hold
    assert payment.deal.hold_reason == "A payment of the deal is disputed."
    assert Notification.objects.get(event="deal.held_for_review").user == staff
    assert deliver(client, event("charge.dispute.closed", dispute(payment, "won"), event_id="evt_w")).status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert deal_amount_paid(deal=payment.deal) == Decimal("18000.00")
    entries = list(LedgerEntry.objects.order_by("id").values_list("kind", "amount", "note"))
    assert entries == [
        ("charge", Decimal("18000.000"), ""),
        ("dispute", Decimal("-18000.000"), "fraudulent"),  # Stripe's reason code; the kind is the words
        ("dispute_won", Decimal("18000.000"), ""),
    ]


def test_a_lost_dispute_is_recorded_and_the_money_stays_gone(client):
    payment = StripePaymentFactory()
    deliver(client, event("payment_intent.succeeded", intent(payment, "succeeded"), event_id="evt_paid"))
    deliver(client, event("charge.dispute.created", dispute(payment, "needs_response"), event_id="evt_d"))
    assert (
        deliver(client, event("charge.dispute.closed", dispute(payment, "lost"), event_id="evt_l")).status_code == 200
    )
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.DISPUTED
    assert LedgerEntry.objects.filter(kind=LedgerEntryKind.DISPUTE_LOST).get().amount == 0
    assert deal_amount_paid(deal=payment.deal) == Decimal("0.00")


def test_staff_read_webhook_events_in_the_admin(client, admin_login):
    deliver(client, event("customer.created", {"id": "cus_1"}, event_id="evt_admin"))
    admin_login(client, StaffFactory(is_superuser=True))
    assert client.get("/admin/webhooks/inboxevent/?status__exact=ignored").status_code == 200
    stored = InboxEvent.objects.get()
    assert client.get(f"/admin/webhooks/inboxevent/{stored.pk}/change/").status_code == 200
    assert client.post(f"/admin/webhooks/inboxevent/{stored.pk}/delete/").status_code == 403


def _job_runs_after_backoff() -> int:
    """The inbox job, as beat runs it, once every failed event's backoff has passed."""
    InboxEvent.objects.update(last_attempt_at=timezone.now() - timedelta(hours=2))
    return requeue_inbox_events.delay().get()


def _early_event(payment: Payment) -> str:
    """A success Stripe sends before our answer to the create call is stored: no payment carries its id yet."""
    Payment.objects.filter(pk=payment.pk).update(provider_reference="")
    data = intent(payment, "succeeded")
    data["metadata"] = {}
    return event("payment_intent.succeeded", data, event_id="evt_early")


def test_an_event_that_fails_three_times_is_taken_up_by_the_job_and_applied_once_it_can_be(client):
    payment = StripePaymentFactory()
    reference = payment.provider_reference
    assert deliver(client, _early_event(payment)).json()["status"] == "failed"
    assert requeue_inbox_events.delay().get() == 0  # its backoff has not passed
    assert _job_runs_after_backoff() == 1
    assert _job_runs_after_backoff() == 1
    stored = InboxEvent.objects.get()
    assert (stored.status, stored.attempts) == (InboxEventStatus.FAILED, 3)
    Payment.objects.filter(pk=payment.pk).update(provider_reference=reference)
    assert _job_runs_after_backoff() == 1
    stored.refresh_from_db()
    assert (stored.status, stored.attempts, stored.error) == (InboxEventStatus.PROCESSED, 4, "")
    assert LedgerEntry.objects.get().payment == payment
    assert _job_runs_after_backoff() == 0


def test_an_event_failing_every_attempt_is_abandoned_staff_alerted_and_replayed_from_the_admin(
    client, settings, admin_login
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    staff = StaffFactory(is_superuser=True)
    payment = StripePaymentFactory()
    reference = payment.provider_reference
    deliver(client, _early_event(payment))
    _job_runs_after_backoff()
    _job_runs_after_backoff()
    stored = InboxEvent.objects.get()
    assert (stored.status, stored.attempts) == (InboxEventStatus.ABANDONED, 3)
    assert "No payment" in stored.error
    alert = Notification.objects.get(event="webhook.abandoned", user=staff)
    assert "evt_early" in alert.body
    assert AuditLog.objects.filter(action="webhook.abandoned", object_id=str(stored.pk)).exists()
    assert _job_runs_after_backoff() == 0  # given up: only staff take it up again

    Payment.objects.filter(pk=payment.pk).update(provider_reference=reference)
    admin_login(client, staff)
    response = client.post(
        "/admin/webhooks/inboxevent/", {"action": "replay", "_selected_action": [stored.pk]}, follow=True
    )
    assert response.status_code == 200
    stored.refresh_from_db()
    assert stored.status == InboxEventStatus.PROCESSED
    assert LedgerEntry.objects.count() == 1
    assert AuditLog.objects.filter(action="webhook.replay", user=staff).exists()


def test_an_event_whose_queue_message_was_lost_is_queued_again_by_the_job(client, tasks_queued):
    payment = StripePaymentFactory()
    answer = deliver(client, event("payment_intent.succeeded", intent(payment, "succeeded")))
    assert answer.json() == {"event": "evt_1", "status": "received"}  # answered before any work is done
    stored = InboxEvent.objects.get()
    process = ("webhooks.tasks.process_inbox_event", [stored.pk])
    assert tasks_queued() == [process]
    assert requeue_inbox_events() == 0  # a fresh one is the worker's
    InboxEvent.objects.update(created_at=timezone.now() - timedelta(minutes=6))
    assert requeue_inbox_events() == 1
    assert tasks_queued() == [process, process]
    inbox_event_process(event_id=stored.pk)
    inbox_event_process(event_id=stored.pk)  # the duplicate task changes nothing
    assert LedgerEntry.objects.count() == 1
