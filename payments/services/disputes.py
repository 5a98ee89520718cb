"""Disputes (chargebacks): the disputed money leaves at once (a negative dispute entry), the payment is
marked disputed and staff are alerted; a won dispute brings the money back, a lost one is recorded and
the money stays gone. Each step is keyed by the provider's dispute id, so replays add nothing. An entry's kind
says what happened (in the reader's language, as a choice); its note keeps only the provider's reason code."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.selectors import staff_list_active
from audit.services import audit_record
from deals.services import deal_hold
from notifications.services import notify
from nzila_export.stored_text import text_to_store
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.selectors import payment_amount_refunded
from payments.services.ledger import ledger_entry_write
from payments.services.status import payment_status_set


def _already(*, payment: Payment, kind: str, reference: str) -> bool:
    return LedgerEntry.objects.filter(payment=payment, kind=kind, provider_reference=reference).exists()


@transaction.atomic
def payment_dispute_open(*, payment: Payment, dispute_reference: str, amount: Decimal, reason: str) -> Payment:
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if _already(payment=payment, kind=LedgerEntryKind.DISPUTE, reference=dispute_reference):
        return payment
    ledger_entry_write(
        payment=payment, kind=LedgerEntryKind.DISPUTE, amount=-amount, reference=dispute_reference,
        note=reason,
    )  # fmt: skip
    payment_status_set(
        payment=payment, to=PaymentStatus.DISPUTED, action="payment.dispute_open",
        changes={"dispute": dispute_reference, "amount": str(amount), "reason": reason},
    )  # fmt: skip
    deal_hold(deal=payment.deal, reason=text_to_store(_("A payment of the deal is disputed.")))
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
    # Lost: the money left when the dispute opened; the outcome is recorded, nothing more moves.
    ledger_entry_write(payment=payment, kind=kind, amount=amount if won else Decimal(0), reference=dispute_reference)
    changes = {"dispute": dispute_reference, "won": won}
    if not won:
        audit_record(action="payment.dispute_close", instance=payment, changes=changes)
        return payment
    refunded = payment_amount_refunded(payment=payment)
    status = PaymentStatus.SUCCEEDED
    if refunded:
        status = PaymentStatus.REFUNDED if refunded >= payment.amount else PaymentStatus.PARTIALLY_REFUNDED
    return payment_status_set(payment=payment, to=status, action="payment.dispute_close", changes=changes)
