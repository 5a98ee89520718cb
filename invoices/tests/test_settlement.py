from decimal import Decimal

import pytest
from django.utils import translation

from invoices.models import Invoice, InvoiceKind, InvoiceStatus
from invoices.selectors import invoice_balance
from invoices.services.issuing import invoice_issue
from invoices.services.settlement import credit_note_issue, invoice_dunning_start, invoice_void
from nzila_export.exceptions import DomainError
from payments.models import LedgerEntryKind, PaymentStatus
from payments.services.ledger import ledger_entry_write
from payments.tests.factories import StripePaymentFactory

pytestmark = pytest.mark.django_db


def _paid(deal, amount: str):
    payment = StripePaymentFactory(deal=deal, amount=Decimal(amount), status=PaymentStatus.SUCCEEDED)
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount)
    return payment


@pytest.fixture
def issued_invoice(draft_invoice):
    return invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)


def test_a_partial_payment_leaves_the_invoice_partially_paid_with_the_balance_from_the_ledger(issued_invoice):
    payment = _paid(issued_invoice.deal, "6000.00")

    issued_invoice.refresh_from_db()
    assert issued_invoice.status == InvoiceStatus.PARTIALLY_PAID
    balance = invoice_balance(invoice=issued_invoice)
    assert (balance.paid, balance.balance) == (Decimal("6000.00"), Decimal("12000.000"))
    receipt = Invoice.objects.get(kind=InvoiceKind.RECEIPT, payment=payment)
    assert receipt.number.startswith("NZR-")
    assert receipt.invoice == issued_invoice
    assert receipt.total == Decimal("6000.000")
    assert receipt.status == InvoiceStatus.ISSUED


def test_the_final_payment_marks_the_invoice_paid_and_each_payment_gets_its_own_receipt(issued_invoice):
    _paid(issued_invoice.deal, "6000.00")
    _paid(issued_invoice.deal, "12000.00")

    issued_invoice.refresh_from_db()
    assert issued_invoice.status == InvoiceStatus.PAID
    assert invoice_balance(invoice=issued_invoice).balance == 0
    receipts = Invoice.objects.filter(kind=InvoiceKind.RECEIPT).order_by("sequence_number")
    assert [receipt.sequence_number for receipt in receipts] == [1, 2]


def test_payments_made_before_the_issue_settle_the_invoice_when_it_is_issued(draft_invoice):
    _paid(draft_invoice.deal, "18000.00")
    assert Invoice.objects.get(kind=InvoiceKind.RECEIPT).invoice is None  # no invoice issued yet

    invoice = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)

    assert invoice.status == InvoiceStatus.PAID


def test_a_refund_gets_a_credit_note_and_leaves_the_balance_as_it_was(issued_invoice):
    payment = _paid(issued_invoice.deal, "18000.00")
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.REFUND, amount=Decimal("-500.00"))

    credit_note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert credit_note.number.startswith("NZC-")
    assert credit_note.invoice == issued_invoice
    assert credit_note.total == Decimal("500.000")
    assert credit_note.payment == payment
    balance = invoice_balance(invoice=issued_invoice)
    assert (balance.paid, balance.credited, balance.balance) == (Decimal("17500.00"), Decimal("500.000"), 0)
    issued_invoice.refresh_from_db()
    assert issued_invoice.status == InvoiceStatus.PAID


def test_staff_credit_part_of_an_invoice_and_cannot_credit_more_than_is_left(issued_invoice, admin_user):
    credit_note_issue(invoice=issued_invoice, amount=Decimal("1000"), reason="Scratch on the door", user=admin_user)

    with pytest.raises(DomainError) as refused:
        credit_note_issue(invoice=issued_invoice, amount=Decimal("17000.01"), reason="Too much", user=admin_user)
    assert refused.value.field == "amount"
    assert Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE).count() == 1
    issued_invoice.refresh_from_db()
    assert issued_invoice.status == InvoiceStatus.PARTIALLY_PAID
    assert invoice_balance(invoice=issued_invoice).balance == Decimal("17000.000")


def test_voiding_issues_the_reversing_credit_note_keeps_the_number_and_drafts_a_new_invoice(issued_invoice, admin_user):
    number = issued_invoice.number

    invoice_void(invoice=issued_invoice, reason="Wrong vehicle line", user=admin_user)

    issued_invoice.refresh_from_db()
    assert (issued_invoice.status, issued_invoice.number) == (InvoiceStatus.VOID, number)
    reversal = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert reversal.invoice == issued_invoice
    assert reversal.total == issued_invoice.total
    assert reversal.lines.get().description == f"Reversal of invoice {number}"
    new_draft = Invoice.objects.get(deal=issued_invoice.deal, kind=InvoiceKind.INVOICE, status=InvoiceStatus.DRAFT)
    assert new_draft.total == Decimal("18000.000")
    assert new_draft.number == ""


def test_a_failed_payment_starts_the_dunning_once(issued_invoice):
    failed = StripePaymentFactory(deal=issued_invoice.deal, status=PaymentStatus.FAILED)

    invoice_dunning_start(payment=failed)
    issued_invoice.refresh_from_db()
    started = issued_invoice.dunning_started_on
    invoice_dunning_start(payment=failed)

    issued_invoice.refresh_from_db()
    assert started is not None
    assert issued_invoice.dunning_started_on == started


def test_a_receipt_and_a_credit_note_read_in_the_buyers_language_whoever_moved_the_money(issued_invoice):
    """Staff approving a held payment or refunding one work in English: the French buyer's receipt and credit
    note (sealed documents, rendered in the buyer's language) are still written in French."""
    with translation.override("en"):
        payment = _paid(issued_invoice.deal, "18000.00")
        ledger_entry_write(payment=payment, kind=LedgerEntryKind.REFUND, amount=Decimal("-500.00"))

    receipt = Invoice.objects.get(kind=InvoiceKind.RECEIPT)
    credit_note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert receipt.language == credit_note.language == "fr"
    day = f"{payment.created_at:%Y-%m-%d}"
    assert [line.description for line in receipt.lines.all()] == [f"Carte {payment.provider_reference} ({day})"]
    assert [line.description for line in credit_note.lines.all()] == [
        f"Remboursement : Carte {payment.provider_reference} ({day})"
    ]
    assert credit_note.reason == "Remboursement d'un paiement"
