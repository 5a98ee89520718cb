"""Provider webhooks, dj-stripe's way: verify the signature against the raw bytes, store the event once
by its id, then apply it idempotently under the payment's row lock, whatever order events arrive in.

The one deviation from dj-stripe: the signature is verified before the event is stored, so that a forged
request can never take a real event's id (and have the real one deduplicated away)."""

import json
import logging
from collections.abc import Callable
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from nzila_export.exceptions import DomainError
from payments.currencies import from_minor_units
from payments.gateways.stripe import charge_result_from_intent, stripe_event_verify, stripe_exponent
from payments.models import Payment, WebhookEvent, WebhookEventStatus
from payments.services.disputes import payment_dispute_close, payment_dispute_open
from payments.services.payments import payment_apply_result
from payments.services.refunds import payment_record_provider_refund

logger = logging.getLogger(__name__)

STORED_HEADERS = ("Stripe-Signature", "User-Agent", "Content-Type")


class WebhookTargetMissing(Exception):
    """The event is about a payment we do not know (yet): answered 5xx, so that the provider retries."""


def stripe_webhook_receive(*, body: bytes, headers) -> WebhookEvent:
    """Verify and store a Stripe event (WebhookSignatureInvalid if it does not verify). A replay returns
    the stored row; two deliveries at once store one (the unique constraint decides)."""
    event = stripe_event_verify(body=body, signature=headers.get("Stripe-Signature", ""))
    values = {
        "event_type": str(event.get("type", "")),
        "body": body.decode("utf-8", errors="replace"),
        "headers": {name: headers.get(name, "") for name in STORED_HEADERS},
    }
    event_id = str(event.get("id", ""))
    try:  # most events are new: insert first, and read the stored one only for a replay
        with transaction.atomic():
            return WebhookEvent.objects.create(provider="stripe", provider_event_id=event_id, **values)
    except IntegrityError:
        return WebhookEvent.objects.get(provider="stripe", provider_event_id=event_id)


def webhook_event_process(*, event_id: int) -> WebhookEvent:
    """Apply a stored event once. A failure is kept on the row (status failed, error) and re-raised for
    the view to answer 5xx; the provider's retry processes it again."""
    with transaction.atomic():
        event = WebhookEvent.objects.select_for_update().get(pk=event_id)
        if event.status in (WebhookEventStatus.PROCESSED, WebhookEventStatus.IGNORED):
            return event
        handler = STRIPE_HANDLERS.get(event.event_type)
        event.attempts += 1
        if handler is None:
            event.status = WebhookEventStatus.IGNORED
        else:
            try:
                with transaction.atomic():
                    handler(json.loads(event.body)["data"]["object"])
            except (WebhookTargetMissing, DomainError, KeyError, TypeError, ValueError) as error:
                event.status, event.error = WebhookEventStatus.FAILED, f"{error.__class__.__name__}: {error}"
                event.save(update_fields=["status", "error", "attempts", "updated_at"])
                logger.warning("Stripe event %s failed: %s", event.provider_event_id, event.error)
                return event
            event.status, event.error = WebhookEventStatus.PROCESSED, ""
        event.processed_at = timezone.now()
        event.save(update_fields=["status", "error", "attempts", "processed_at", "updated_at"])
    return event


def _payment_of(intent_id: str | None) -> Payment:
    payment = Payment.objects.filter(provider="stripe", provider_reference=intent_id).first() if intent_id else None
    if payment is None:
        raise WebhookTargetMissing(f"No payment with PaymentIntent {intent_id!r} (yet).")
    return payment


def _amount(minor: int, currency: str) -> Decimal:
    return from_minor_units(int(minor), currency.upper(), exponent=stripe_exponent(currency))


def _on_payment_intent(intent: dict) -> None:
    payment = Payment.objects.filter(provider="stripe", provider_reference=intent["id"]).first()
    if payment is None:  # our answer to the create call may not be stored yet: find it by our metadata
        payment_id = (intent.get("metadata") or {}).get("payment_id", "")
        payment = (
            Payment.objects.filter(provider="stripe", pk=int(payment_id)).first() if payment_id.isdigit() else None
        )
    if payment is None:
        raise WebhookTargetMissing(f"No payment for PaymentIntent {intent['id']!r} (yet).")
    payment_apply_result(payment_id=payment.pk, result=charge_result_from_intent(intent))


def _on_charge_refunded(charge: dict) -> None:
    payment = _payment_of(charge.get("payment_intent"))
    payment_record_provider_refund(
        payment=payment,
        refunded_in_total=_amount(charge["amount_refunded"], charge["currency"]),
        reference=charge["id"],
    )


def _on_dispute_created(dispute: dict) -> None:
    payment = _payment_of(dispute.get("payment_intent"))
    payment_dispute_open(
        payment=payment, dispute_reference=dispute["id"], amount=_amount(dispute["amount"], dispute["currency"]),
        reason=str(dispute.get("reason", "")),
    )  # fmt: skip


def _on_dispute_closed(dispute: dict) -> None:
    payment = _payment_of(dispute.get("payment_intent"))
    payment_dispute_close(
        payment=payment, dispute_reference=dispute["id"], amount=_amount(dispute["amount"], dispute["currency"]),
        won=dispute.get("status") == "won",
    )  # fmt: skip


STRIPE_HANDLERS: dict[str, Callable[[dict], None]] = {
    "payment_intent.succeeded": _on_payment_intent,
    "payment_intent.payment_failed": _on_payment_intent,
    "payment_intent.requires_action": _on_payment_intent,
    "payment_intent.processing": _on_payment_intent,
    "charge.refunded": _on_charge_refunded,
    "charge.dispute.created": _on_dispute_created,
    "charge.dispute.closed": _on_dispute_closed,
}
