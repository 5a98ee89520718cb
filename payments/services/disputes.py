"""Disputes (chargebacks): the disputed money leaves at once (a negative dispute entry), the payment is
marked disputed and staff are alerted; a won dispute brings the money back, a lost one is recorded and
the money stays gone. Each step is keyed by the provider's dispute id, so replays add nothing."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.selectors import staff_list_active
from audit.services import audit_record
from deals.services import deal_hold
from notifications.services import notify
from payments.currencies import money_round
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.selectors import payment_amount_refunded


def _entry(*, payment: Payment, kind: str, amount: Decimal, reference: str, note: str) -> LedgerEntry:
    """A ledger entry of `amount` (signed, in the payment's currency) valued at the payment's own rates."""
    full = abs(amount) == payment.amount
    deal_amount = payment.deal_amount if full else money_round(abs(amount) * payment.deal_rate, payment.deal_currency)
    amount_cad = payment.amount_cad if full else money_round(abs(amount) * payment.cad_rate, "CAD")
    sign = -1 if amount < 0 else 1
    return LedgerEntry.objects.create(
        kind=kind, payment=payment, deal_id=payment.deal_id, amount=amount, currency=payment.currency,
        deal_amount=sign * deal_amount if amount else Decimal(0), deal_currency=payment.deal_currency,
        amount_cad=sign * amount_cad if amount else Decimal(0), provider_reference=reference, note=note[:255],
    )  # fmt: skip


def _already(*, payment: Payment, kind: str, reference: str) -> bool:
    return LedgerEntry.objects.filter(payment=payment, kind=kind, provider_reference=reference).exists()


@transaction.atomic
def payment_dispute_open(*, payment: Payment, dispute_reference: str, amount: Decimal, reason: str) -> Payment:
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if _already(payment=payment, kind=LedgerEntryKind.DISPUTE, reference=dispute_reference):
        return payment
    _entry(payment=payment, kind=LedgerEntryKind.DISPUTE, amount=-amount, reference=dispute_reference,
           note=f"Disputed: {reason}")  # fmt: skip
    before = payment.status
    payment.status = PaymentStatus.DISPUTED
    payment.status_changed_at = timezone.now()
    payment.save(update_fields=["status", "status_changed_at", "updated_at"])
    changes = {"status": [before, payment.status], "dispute": dispute_reference, "amount": str(amount)}
    audit_record(action="payment.dispute_open", instance=payment, changes={**changes, "reason": reason})
    deal_hold(deal=payment.deal, reason=f"Payment {payment.pk} is disputed ({reason}).")
    staff = staff_list_active()
    notify(
        event="payment.disputed",
        recipients=list(staff),
        context={"payment": payment, "deal": payment.deal, "amount": amount, "reason": reason},
        related_object=payment,
    )
    return payment


@transaction.atomic
def payment_dispute_close(*, payment: Payment, dispute_reference: str, amount: Decimal, won: bool) -> Payment:
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    kind = LedgerEntryKind.DISPUTE_WON if won else LedgerEntryKind.DISPUTE_LOST
    if _already(payment=payment, kind=kind, reference=dispute_reference):
        return payment
    if won:
        _entry(payment=payment, kind=kind, amount=amount, reference=dispute_reference, note="Dispute won")
    else:  # the money left when the dispute opened; the outcome is recorded, nothing more moves
        _entry(payment=payment, kind=kind, amount=Decimal(0), reference=dispute_reference, note="Dispute lost")
    before = payment.status
    if won:
        refunded = payment_amount_refunded(payment=payment)
        payment.status = PaymentStatus.PARTIALLY_REFUNDED if refunded else PaymentStatus.SUCCEEDED
        payment.status_changed_at = timezone.now()
        payment.save(update_fields=["status", "status_changed_at", "updated_at"])
    audit_record(
        action="payment.dispute_close", instance=payment,
        changes={"status": [before, payment.status], "dispute": dispute_reference, "won": won},
    )  # fmt: skip
    return payment
