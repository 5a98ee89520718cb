"""Stripe's events, dj-stripe's way, through the one inbox (webhooks): the view verifies the signature
against the raw bytes and stores the event once by its id; a worker applies it here, idempotently under
the payment's row lock, whatever order events arrive in.

The one deviation from dj-stripe: the signature is verified before the event is stored, so that a forged
request can never take a real event's id (and have the real one deduplicated away)."""

import json
from collections.abc import Callable
from decimal import Decimal

from currencies.money import from_minor_units
from payments.gateways.stripe import charge_result_from_intent, stripe_exponent
from payments.models import Payment
from payments.services.disputes import payment_dispute_close, payment_dispute_open
from payments.services.payments import payment_apply_result
from payments.services.refunds import payment_record_provider_refund
from webhooks.handlers import RetryLater
from webhooks.models import InboxEvent, InboxEventStatus


class NotOurPayment(Exception):
    """A PaymentIntent Stripe Billing made to collect an invoice (a dealer's plan, whose invoice events plans
    applies), not one of our payments: nothing for payments to do. Stripe names the invoice on the intent up
    to API version 2025-02-24 (`invoice`, removed in 2025-03-31.basil)."""


class WebhookTargetMissing(Exception):
    """The event is about a payment we do not know (yet): the inbox tries it again later."""


def stripe_event_apply(event: InboxEvent) -> str:
    """The inbox's handler of Stripe events: apply a stored event by its type; a type we do not act on
    is ignored. An event about a payment not stored yet (our answer to the create call may not be
    committed) is tried again later."""
    handler = STRIPE_HANDLERS.get(event.event_type)
    if handler is None:
        return InboxEventStatus.IGNORED
    try:
        handler(json.loads(event.body)["data"]["object"])
    except WebhookTargetMissing as missing:
        raise RetryLater(str(missing)) from missing
    except NotOurPayment:
        return InboxEventStatus.IGNORED
    return InboxEventStatus.PROCESSED


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
            Payment.objects.filter(provider="stripe", pk=int(payment_id)).first() if payment_id.isdecimal() else None
        )
    if payment is None and intent.get("invoice"):
        raise NotOurPayment(f"PaymentIntent {intent['id']!r} pays Stripe invoice {intent['invoice']!r}, not a payment.")
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
