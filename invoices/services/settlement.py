"""What money does to invoices: each charge gets a receipt and each refund a credit note (both issued at
once, in their own series), every movement settles the deal's invoice; staff credit or void an issued
invoice with a credit note; a failed payment starts the invoice's dunning."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.models import User
from audit.services import audit_record
from currencies.money import money_precision_refusal
from deals.models import CLOSED_STATUSES
from invoices.models import OPEN_STATUSES, Invoice, InvoiceKind, InvoiceStatus, LineKind
from invoices.selectors import invoice_balance
from invoices.services.drafting import LineInput, invoice_draft_for_deal
from invoices.services.issuing import document_issue_now
from invoices.services.status import invoice_settle, invoice_status_set
from nzila_export.exceptions import Conflict, DomainError
from payments.models import LedgerEntry, LedgerEntryKind, Payment


class InvoiceNotCreditable(Conflict):
    code = "invoice_not_creditable"


def deal_live_invoice(*, deal_id: int) -> Invoice | None:
    """The deal's issued invoice that is not void (a deal has at most one), locked."""
    return (
        Invoice.objects.select_for_update()
        .filter(deal_id=deal_id, kind=InvoiceKind.INVOICE)
        .exclude(status__in=[InvoiceStatus.DRAFT, InvoiceStatus.VOID])
        .first()
    )


def invoice_record_ledger_entry(*, entry: LedgerEntry) -> None:
    """The ledger's hook: a charge gets its receipt, a refund its credit note, each once per entry (the
    one-to-one on ledger_entry has the last word); then the deal's invoice is settled. Their texts are
    written in the document's language, the buyer's, not in that of whoever moved the money (staff approving
    a held payment or refunding one): a sealed document never changes."""
    invoice = deal_live_invoice(deal_id=entry.deal_id)
    payment = entry.payment
    with translation.override(entry.deal.buyer.preferred_language):
        if entry.kind == LedgerEntryKind.CHARGE:
            document_issue_now(
                kind=InvoiceKind.RECEIPT, deal=entry.deal, currency=entry.currency, invoice=invoice, payment=payment,
                ledger_entry=entry, lines=[LineInput(LineKind.PAYMENT, _payment_description(payment), entry.amount)],
            )  # fmt: skip
        elif entry.kind == LedgerEntryKind.REFUND:
            document_issue_now(
                kind=InvoiceKind.CREDIT_NOTE, deal=entry.deal, currency=entry.deal_currency, invoice=invoice,
                payment=payment, ledger_entry=entry, reason=gettext("Refund of a payment"),
                lines=[LineInput(LineKind.CREDIT, _refund_description(payment), -entry.deal_amount)],
            )  # fmt: skip
    if invoice is not None:
        invoice_settle(invoice=invoice)


def _payment_description(payment: Payment) -> str:
    reference = f" {payment.provider_reference}" if payment.provider_reference else ""
    return f"{payment.get_method_display()}{reference} ({payment.created_at:%Y-%m-%d})"


def _refund_description(payment: Payment) -> str:
    return gettext("Refund: %(payment)s") % {"payment": _payment_description(payment)}


@transaction.atomic
def credit_note_issue(*, invoice: Invoice, amount: Decimal, reason: str, user: User) -> Invoice:
    """Staff credit part or all of an issued invoice (a correction: issued invoices never change). The
    credit cannot exceed what is left uncredited."""
    invoice = (
        Invoice.objects.select_for_update(of=("self",)).select_related("deal__dealer", "deal__buyer").get(pk=invoice.pk)
    )
    if invoice.kind != InvoiceKind.INVOICE or invoice.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        raise InvoiceNotCreditable(gettext("Only an issued invoice that is not void can be credited."))
    if not reason.strip():
        raise DomainError(gettext("Say why the invoice is credited."), field="reason")
    balance = invoice_balance(invoice=invoice)
    uncredited = balance.total - balance.credited
    if amount <= 0 or amount > uncredited:
        raise DomainError(
            gettext("A credit must be more than zero and at most %(uncredited)s %(currency)s.")
            % {"uncredited": uncredited, "currency": invoice.currency},
            field="amount",
        )
    if refusal := money_precision_refusal(amount, invoice.currency):
        raise DomainError(refusal, field="amount")
    credit_note = document_issue_now(
        kind=InvoiceKind.CREDIT_NOTE, deal=invoice.deal, currency=invoice.currency, invoice=invoice, user=user,
        reason=reason.strip()[:255], lines=[LineInput(LineKind.CREDIT, reason.strip()[:255], amount)],
    )  # fmt: skip
    invoice_settle(invoice=invoice)
    return credit_note


@transaction.atomic
def invoice_void(*, invoice: Invoice, reason: str, user: User) -> Invoice:
    """Void an issued invoice: the credit note that reverses what is left of it is issued, and the invoice
    keeps its number, marked void. The deal may then get a new invoice (a new draft)."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.kind != InvoiceKind.INVOICE or invoice.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        raise InvoiceNotCreditable(gettext("Only an issued invoice that is not void can be voided."))
    if not reason.strip():
        raise DomainError(gettext("Say why the invoice is voided."), field="reason")
    balance = invoice_balance(invoice=invoice)
    uncredited = balance.total - balance.credited
    credit_note = None
    if uncredited > 0:
        reversal = gettext("Reversal of invoice %(number)s") % {"number": invoice.number}
        credit_note = document_issue_now(
            kind=InvoiceKind.CREDIT_NOTE, deal=invoice.deal, currency=invoice.currency, invoice=invoice,
            user=user, reason=reason.strip()[:255], lines=[LineInput(LineKind.CREDIT, reversal, uncredited)],
        )  # fmt: skip
    invoice.voided_at = timezone.now()
    invoice.save(update_fields=["voided_at", "updated_at"])
    invoice_status_set(
        invoice=invoice, to=InvoiceStatus.VOID, action="invoice.void", user=user,
        changes={"reason": reason, "credit_note": credit_note.number if credit_note else ""},
    )  # fmt: skip
    if invoice.deal.status not in CLOSED_STATUSES:
        invoice_draft_for_deal(deal=invoice.deal, user=user)
    return invoice


def invoice_dunning_start(*, payment: Payment) -> None:
    """The payments hook for a failed payment: the deal's open invoice starts its dunning today (the
    reminders then count from today if that comes before the due date), once."""
    invoice = deal_live_invoice(deal_id=payment.deal_id)
    if invoice is None or invoice.status not in OPEN_STATUSES or invoice.dunning_started_on is not None:
        return
    invoice.dunning_started_on = timezone.localdate()
    invoice.save(update_fields=["dunning_started_on", "updated_at"])
    audit_record(action="invoice.dunning_start", instance=invoice, changes={"payment": payment.pk})
