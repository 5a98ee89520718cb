"""The one place an invoice's status is set (checked against INVOICE_MOVES, stamped, saved, audited),
and the status its balance gives it."""

from django.utils import timezone

from audit.services import audit_record
from invoices.models import INVOICE_MOVES, Invoice, InvoiceKind, InvoiceStatus
from invoices.selectors import invoice_balance
from nzila_export.transitions import transition_check


def invoice_status_set(*, invoice: Invoice, to: str, action: str, user=None, changes: dict | None = None) -> Invoice:
    """Move a locked invoice to `to` (InvalidTransition if INVOICE_MOVES does not allow it) and audit it."""
    transition_check(moves=INVOICE_MOVES, choices=InvoiceStatus, current=invoice.status, to=to)
    before = invoice.status
    invoice.status, invoice.status_changed_at = to, timezone.now()
    invoice.save(update_fields=["status", "status_changed_at", "updated_at"])
    audit_record(action=action, instance=invoice, user=user, changes={"status": [before, to], **(changes or {})})
    return invoice


def invoice_settle(*, invoice: Invoice) -> Invoice:
    """Move an issued invoice to the status its balance gives: paid once nothing is due, partly paid once
    something was paid or credited, else issued; an overdue invoice stays overdue until it is paid."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.kind != InvoiceKind.INVOICE or invoice.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        return invoice
    balance = invoice_balance(invoice=invoice)
    if balance.balance <= 0:
        to = InvoiceStatus.PAID
    elif invoice.status == InvoiceStatus.OVERDUE:
        return invoice
    elif balance.paid + balance.credited > 0:
        to = InvoiceStatus.PARTIALLY_PAID
    else:
        to = InvoiceStatus.ISSUED
    if to == invoice.status:
        return invoice
    return invoice_status_set(
        invoice=invoice, to=to, action="invoice.settle",
        changes={"paid": str(balance.paid), "credited": str(balance.credited), "balance": str(balance.balance)},
    )  # fmt: skip
