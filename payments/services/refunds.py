"""Refunds by staff: partial refunds add up and never exceed what was captured (the gateway is not
trusted to refuse: localstripe, for one, accepts refunds larger than the charge)."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext

from accounts.models import User
from currencies.money import money_precision_refusal, money_round
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError
from payments.gateways import gateway_for_method
from payments.gateways.base import GatewayError, GatewayOutcomeUnknown, GatewayRefused
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.selectors import payment_amount_refunded
from payments.services.ledger import ledger_entry_write
from payments.services.payments import PaymentUnavailable
from payments.services.status import payment_status_set

REFUNDABLE_STATUSES = [PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED]


class RefundRefused(Conflict):
    code = "refund_refused"


@transaction.atomic
def payment_refund(*, payment: Payment, reason: str, user: User, amount: Decimal | None = None) -> LedgerEntry:
    """Refund `amount` (all that is left when None) of a captured payment. The payment row is locked, so
    two refunds at once cannot both take the last of it."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status not in REFUNDABLE_STATUSES:
        raise RefundRefused(
            gettext("A %(status)s payment cannot be refunded.") % {"status": str(payment.get_status_display()).lower()},
            field="amount",
        )
    refundable = payment.amount - payment_amount_refunded(payment=payment)
    amount = refundable if amount is None else Decimal(amount)
    if amount <= 0:
        raise DomainError(gettext("The refund must be a positive amount."), field="amount")
    if refusal := money_precision_refusal(amount, payment.currency):
        raise DomainError(refusal, field="amount")
    if amount > refundable:
        raise DomainError(
            gettext("At most %(amount)s %(currency)s of this payment can still be refunded.")
            % {"amount": money_round(refundable, payment.currency), "currency": payment.currency},
            field="amount",
        )
    count = LedgerEntry.objects.filter(payment=payment, kind=LedgerEntryKind.REFUND).count()
    try:
        result = gateway_for_method(payment.method).refund(
            payment=payment, amount=amount, reason=reason, idempotency_key=f"refund-{payment.pk}-{count + 1}"
        )
    except GatewayRefused as refusal:
        raise DomainError(str(refusal)) from refusal
    except GatewayOutcomeUnknown as lost:  # a refund that is not idempotent (Paystack) may have been made
        message = gettext(
            "The payment provider's answer was lost; send the same refund again: the provider is asked for it "
            "before anything is sent again."
        )
        raise PaymentUnavailable(message) from lost
    except GatewayError as error:
        message = gettext("The payment provider could not be reached; nothing was refunded.")
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
    refunded_before = payment_amount_refunded(payment=payment)
    entry = ledger_entry_write(
        payment=payment, kind=LedgerEntryKind.REFUND, amount=-amount, reference=reference, note=reason, user=user
    )
    is_full = refunded_before + amount == payment.amount

    def shown(value: Decimal) -> str:
        return str(money_round(value, payment.currency))

    changes = {
        "amount": shown(amount), "currency": payment.currency,
        "refunded": [shown(refunded_before), shown(refunded_before + amount)], "reason": reason,
    }  # fmt: skip
    payment_status_set(
        payment=payment, to=PaymentStatus.REFUNDED if is_full else PaymentStatus.PARTIALLY_REFUNDED,
        action="payment.refund", user=user, changes=changes,
    )  # fmt: skip
    notify(
        event="payment.refunded",
        recipients=[payment.payer],
        context={
            "deal": payment.deal, "amount": amount, "currency": payment.currency, "reason": reason,
            "refunded": refunded_before + amount,
        },
        related_object=payment,
    )  # fmt: skip
    return entry
