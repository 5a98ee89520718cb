"""Paystack: the buyer's checks before the checkout, the webhook events, and the job that settles or expires
checkouts left pending. Settling goes through `payment_apply_result`, every rail's own success path (ledger
charge, deal to paid when covered, parties told); refunds through the one refund path (services.refunds).

An event is trusted once its x-paystack-signature (HMAC-SHA512 of the raw body under our secret key)
verifies; it is then stored once in the inbox and answered at once. A worker settles a charge only after
verifying the transaction at Paystack, and only if both agree with the payment's amount and currency; a
mismatch is held for staff, never credited."""

import json
import logging
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from audit.services import audit_record
from currencies.money import currency_check
from nzila_export.exceptions import DomainError
from nzila_export.stored_text import text_to_store
from payments.gateways import gateway_configured, get_gateway, mobile_money_available
from payments.gateways.base import ChargeResult, GatewayError
from payments.gateways.mobile_money import MobileMoneyReport
from payments.gateways.paystack import (
    PAYSTACK_CHANNELS,
    PAYSTACK_CURRENCIES,
    REFERENCE_PREFIX,
    paystack_event_verify,
    refund_amount,
    report_from,
)
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentMethod, PaymentStatus, PaystackTransaction
from payments.selectors import payment_amount_refunded
from payments.services.mobile_money import RailUnavailable, pending_payment_settle, provider_mismatch_hold
from payments.services.payments import OPEN_STATUSES, payment_apply_result
from payments.services.refunds import payment_record_provider_refund
from webhooks.handlers import RetryLater
from webhooks.models import InboxEvent, InboxEventStatus

logger = logging.getLogger(__name__)

PROVIDER = "paystack"


def paystack_payer_check(*, currency: str, channels: list[str], email: str) -> str:
    """The checkout's channels, comma-separated (empty: every channel of the currency), if Paystack takes
    this currency and offers these channels in it; DomainError (on the field at fault) otherwise."""
    label = PaymentMethod.PAYSTACK.label
    if not mobile_money_available(PaymentMethod.PAYSTACK):
        raise RailUnavailable(gettext("%(rail)s is not configured on this platform.") % {"rail": label}, field="method")
    currency = currency_check(currency)
    if currency not in PAYSTACK_CURRENCIES:
        raise DomainError(
            gettext("%(rail)s takes %(currencies)s.") % {"rail": label, "currencies": ", ".join(PAYSTACK_CURRENCIES)},
            field="currency",
        )
    offered = PAYSTACK_CHANNELS[currency]
    unknown = [channel for channel in channels if channel not in offered]
    if unknown:
        raise DomainError(
            gettext("%(rail)s offers %(channels)s in %(currency)s.")
            % {"rail": label, "channels": ", ".join(offered), "currency": currency},
            field="channels",
        )
    if not email:
        raise DomainError(
            gettext("%(rail)s needs the buyer's e-mail address: add one to the buyer's profile.") % {"rail": label},
            field="method",
        )
    return ",".join(dict.fromkeys(channels))


def paystack_instructions(payment: Payment) -> str:
    if payment.method != PaymentMethod.PAYSTACK or payment.status != PaymentStatus.PENDING:
        return ""
    if payment.client_secret.startswith("http"):
        return gettext(
            "Open the Paystack checkout (client_secret) and pay; the payment settles when Paystack confirms it."
        )
    return gettext("The Paystack checkout could not be opened; this payment will expire. Pay again with a new request.")


@dataclass(frozen=True)
class VerifiedEvent:
    event_id: str
    event_type: str
    target: str  # our payment's id, when the event names one of ours


def paystack_event_read(*, body: bytes, signature: str) -> VerifiedEvent:
    """Authenticate a Paystack webhook (WebhookSignatureInvalid otherwise) and name it for the inbox. Paystack
    gives events no id of their own: a charge is named by Paystack's transaction id, a refund event by its
    transaction, refund and amount, so that a redelivery is stored once."""
    event = paystack_event_verify(body=body, signature=signature)
    kind, data = event["event"], event["data"]
    reference = str(data.get("reference") or data.get("transaction_reference") or "")
    if kind.startswith("refund."):
        event_id = f"{kind}:{reference}:{data.get('refund_reference') or ''}:{data.get('amount')}"
    else:
        event_id = f"{kind}:{data.get('id') or reference}"
    payment = _payment_of(reference) if reference.startswith(REFERENCE_PREFIX) else None
    return VerifiedEvent(event_id=event_id, event_type=kind, target=str(payment.pk) if payment else "")


def _payment_of(reference: str) -> Payment | None:
    return Payment.objects.filter(provider=PROVIDER, provider_reference=reference).first() if reference else None


def paystack_event_apply(event: InboxEvent) -> str:
    """The inbox's handler of Paystack events: charge.success (verified at Paystack, then settled),
    refund.processed and refund.failed; other types are ignored, and so are events about transactions
    that are not ours (another app's on the same account)."""
    body = json.loads(event.body)
    kind, data = body["event"], body["data"]
    if kind not in ("charge.success", "refund.processed", "refund.failed"):
        return InboxEventStatus.IGNORED
    reference = str(data.get("reference") or data.get("transaction_reference") or "")
    if not reference.startswith(REFERENCE_PREFIX):
        return InboxEventStatus.IGNORED
    payment = _payment_of(reference)
    if payment is None:
        raise RetryLater(f"No payment with Paystack reference {reference!r} (yet).")
    source = f"webhook {event.pk}"
    if kind == "charge.success":
        try:
            truth = get_gateway(PROVIDER).status(payment=payment)
        except GatewayError as error:
            raise RetryLater(f"{error.__class__.__name__}: {error}") from error
        if truth.status == PaymentStatus.PENDING:
            raise RetryLater("Paystack's verify still says pending.")
        paystack_apply(payment_id=payment.pk, reports=[report_from(data), truth], source=source)
    elif kind == "refund.processed":
        paystack_refund_processed(
            payment_id=payment.pk, amount=refund_amount(data), reference=str(data.get("refund_reference") or "")
        )
    else:
        paystack_refund_failed(payment_id=payment.pk, amount=refund_amount(data), source=source)
    return InboxEventStatus.PROCESSED


def _mismatch(payment: Payment, reports: list[MobileMoneyReport]) -> str:
    for report in reports:
        if report.currency and report.currency != payment.currency:
            return f"{report.currency} reported for {payment.currency}"
        if report.amount is not None and report.amount != payment.amount:
            return f"{report.amount} {report.currency} reported for {payment.amount} {payment.currency}"
        if report.provider_reference and report.provider_reference != payment.provider_reference:
            return f"transaction {report.provider_reference} reported for {payment.provider_reference}"
    return ""


@transaction.atomic
def paystack_apply(*, payment_id: int, reports: list[MobileMoneyReport], source: str) -> Payment:
    """Settle a Paystack payment from what Paystack said (its verify last: it decides). Success is
    credited only if every report agrees with the payment's amount and currency; a mismatch holds the
    payment for staff. Money taken after the payment expired (a late bank transfer) is still credited."""
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    checkout = PaystackTransaction.objects.select_for_update().filter(payment=payment).first()
    truth = reports[-1]
    paid_late = payment.status == PaymentStatus.FAILED and truth.status == PaymentStatus.SUCCEEDED
    if checkout is None or checkout.held_at is not None or not (payment.status in OPEN_STATUSES or paid_late):
        return payment
    seen = {
        "provider_status": truth.provider_status[:64],
        "transaction_id": (truth.receipt or checkout.transaction_id)[:32],
    }
    if any(getattr(checkout, name) != value for name, value in seen.items()):
        for name, value in seen.items():
            setattr(checkout, name, value)
        checkout.save(update_fields=[*seen, "updated_at"])
    if truth.status == PaymentStatus.SUCCEEDED:
        mismatch = _mismatch(payment, reports)
        if mismatch:
            provider_mismatch_hold(
                payment=payment, record=checkout, reason=mismatch, source=source, action="payment.paystack_held"
            )
            return payment
    if truth.status == PaymentStatus.PENDING:
        return payment
    return payment_apply_result(payment_id=payment.pk, result=truth.as_charge_result())


@transaction.atomic
def paystack_refund_processed(*, payment_id: int, amount: Decimal, reference: str) -> None:
    """Paystack paid a refund back. One we made is in the ledger already (written when Paystack took it):
    audited as processed. One made in Paystack's dashboard is recorded now."""
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    ours = LedgerEntry.objects.filter(payment=payment, kind=LedgerEntryKind.REFUND, amount=-amount).exists()
    if ours:
        audit_record(
            action="payment.refund_processed", instance=payment,
            changes={"amount": str(amount), "currency": payment.currency, "refund_reference": reference},
        )  # fmt: skip
        return
    payment_record_provider_refund(
        payment=payment, refunded_in_total=payment_amount_refunded(payment=payment) + amount, reference=reference
    )


@transaction.atomic
def paystack_refund_failed(*, payment_id: int, amount: Decimal, source: str) -> None:
    """Paystack could not pay a refund back (the buyer's bank refused it): the ledger still says refunded,
    so staff must retry it at Paystack or correct it; audited and logged as an error (Sentry alerts)."""
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    audit_record(
        action="payment.refund_failed", instance=payment,
        changes={"amount": str(amount), "currency": payment.currency, "source": source},
    )  # fmt: skip
    logger.error("Paystack could not pay back a refund of %s %s for payment %s", amount, payment.currency, payment.pk)


def paystack_pending_settle(*, batch_size: int = 100) -> dict[str, int]:
    """Verify at Paystack each checkout pending for over PAYMENTS_PENDING_CHECK_AFTER_MINUTES (a lost
    webhook) and settle it as its webhook would; one still unpaid after MOBILE_MONEY_EXPIRE_AFTER_MINUTES is
    expired (failed, "expired"; money paid later is still credited by its webhook). Held payments are
    staff's. Paystack out of reach skips the payment until the next run."""
    counts = {"checked": 0, "changed": 0, "expired": 0, "unreachable": 0}
    if not gateway_configured(PROVIDER):
        return counts
    now = timezone.now()
    expire_before = now - timedelta(minutes=settings.MOBILE_MONEY_EXPIRE_AFTER_MINUTES)
    waiting = Payment.objects.filter(
        provider=PROVIDER, status__in=OPEN_STATUSES, paystack__held_at__isnull=True,
        status_changed_at__lt=now - timedelta(minutes=settings.PAYMENTS_PENDING_CHECK_AFTER_MINUTES),
    ).order_by("id")  # fmt: skip
    gateway = get_gateway(PROVIDER)
    for payment in waiting.iterator(chunk_size=batch_size):
        counts["checked"] += 1
        pending_payment_settle(
            payment, gateway=gateway, apply=paystack_apply, expired=_expired, expire_before=expire_before,
            counts=counts,
        )  # fmt: skip
    return counts


def _expired(payment: Payment) -> ChargeResult:
    return ChargeResult(
        status=PaymentStatus.FAILED, provider_reference=payment.provider_reference, failure_code="expired",
        failure_reason=text_to_store(gettext_lazy("The buyer did not pay at the Paystack checkout in time.")),
    )  # fmt: skip
