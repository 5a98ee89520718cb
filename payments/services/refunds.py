"""Refunds by staff: partial refunds add up and never exceed what was captured (the gateway is not
trusted to refuse: localstripe, for one, accepts refunds larger than the charge)."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError
from payments.currencies import money_has_valid_precision, money_round
from payments.gateways import gateway_for_method
from payments.gateways.base import GatewayError, GatewayRefused
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.selectors import payment_amount_refunded
from payments.services.payments import PaymentUnavailable

REFUNDABLE_STATUSES = [PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED]


class RefundRefused(Conflict):
    code = "refund_refused"


@transaction.atomic
def payment_refund(*, payment: Payment, reason: str, user: User, amount: Decimal | None = None) -> LedgerEntry:
    """Refund `amount` (all that is left when None) of a captured payment. The payment row is locked, so
    two refunds at once cannot both take the last of it."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status not in REFUNDABLE_STATUSES:
        raise RefundRefused(f"A {payment.get_status_display().lower()} payment cannot be refunded.", field="amount")
    refundable = payment.amount - payment_amount_refunded(payment=payment)
    amount = refundable if amount is None else Decimal(amount)
    if amount <= 0:
        raise DomainError("The refund must be a positive amount.", field="amount")
    if not money_has_valid_precision(amount, payment.currency):
        raise DomainError(f"{payment.currency} amounts have at most its number of decimals.", field="amount")
    if amount > refundable:
        raise DomainError(
            f"At most {money_round(refundable, payment.currency)} {payment.currency} of this payment can still "
            "be refunded.",
            field="amount",
        )
    count = LedgerEntry.objects.filter(payment=payment, kind=LedgerEntryKind.REFUND).count()
    try:
        result = gateway_for_method(payment.method).refund(
            payment=payment, amount=amount, reason=reason, idempotency_key=f"refund-{payment.pk}-{count + 1}"
        )
    except GatewayRefused as refusal:
        raise DomainError(str(refusal)) from refusal
    except GatewayError as error:
        message = f"The payment provider could not be reached; nothing was refunded ({error})."
        raise PaymentUnavailable(message) from error
    return _refund_record(payment=payment, amount=amount, reference=result.provider_reference, reason=reason, user=user)


@transaction.atomic
def payment_record_provider_refund(
    *, payment: Payment, refunded_in_total: Decimal, reference: str
) -> LedgerEntry | None:
    """A provider says `refunded_in_total` of the payment is refunded (Stripe's charge.refunded, whose
    amount_refunded is cumulative): record what the ledger lacks, e.g. a refund made in Stripe's
    dashboard. Replays and refunds we made ourselves add nothing."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    missing = refunded_in_total - payment_amount_refunded(payment=payment)
    if missing <= 0 or payment.status not in REFUNDABLE_STATUSES:
        return None
    missing = min(missing, payment.amount - payment_amount_refunded(payment=payment))
    return _refund_record(
        payment=payment, amount=missing, reference=reference, reason="Refunded at the provider", user=None
    )


def _refund_record(*, payment: Payment, amount: Decimal, reference: str, reason: str, user: User | None) -> LedgerEntry:
    refunded = LedgerEntry.objects.filter(payment=payment, kind=LedgerEntryKind.REFUND).aggregate(
        amount=Sum("amount"), deal_amount=Sum("deal_amount"), amount_cad=Sum("amount_cad")
    )
    refunded_amount = -(refunded["amount"] or Decimal(0))
    refundable = payment.amount - refunded_amount
    is_full = amount == refundable
    if is_full:  # what is left, so that a payment refunded in full nets to exactly zero in every currency
        deal_amount = payment.deal_amount + (refunded["deal_amount"] or Decimal(0))
        amount_cad = payment.amount_cad + (refunded["amount_cad"] or Decimal(0))
    else:
        deal_amount = money_round(amount * payment.deal_rate, payment.deal_currency)
        amount_cad = money_round(amount * payment.cad_rate, "CAD")
    entry = LedgerEntry.objects.create(
        kind=LedgerEntryKind.REFUND, payment=payment, deal_id=payment.deal_id, amount=-amount,
        currency=payment.currency, deal_amount=-deal_amount, deal_currency=payment.deal_currency,
        amount_cad=-amount_cad, provider_reference=reference, note=reason[:255], created_by=user,
    )  # fmt: skip
    before = payment.status
    payment.status = PaymentStatus.REFUNDED if is_full else PaymentStatus.PARTIALLY_REFUNDED
    payment.status_changed_at = timezone.now()
    payment.save(update_fields=["status", "status_changed_at", "updated_at"])
    audit_record(
        action="payment.refund",
        instance=payment,
        user=user,
        changes={"status": [before, payment.status], "amount": str(amount), "reason": reason},
    )
    notify(
        event="payment.refunded",
        recipients=[payment.payer],
        context={
            "deal": payment.deal, "amount": amount, "currency": payment.currency, "reason": reason,
            "refunded": refunded_amount + amount,
        },
        related_object=payment,
    )  # fmt: skip
    return entry
