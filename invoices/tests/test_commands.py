from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from invoices.models import Invoice, InvoiceStatus
from invoices.services.issuing import invoice_issue
from payments.models import LedgerEntryKind, PaymentStatus
from payments.services.ledger import ledger_entry_write
from payments.tests.factories import StripePaymentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued_invoice(draft_invoice):
    return invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)


def run(command: str, *arguments: str) -> str:
    out = StringIO()
    call_command(command, *arguments, stdout=out)
    return out.getvalue().strip()


def test_check_overdue_invoices_marks_the_invoices_due_before_the_given_date(issued_invoice):
    day_after = (issued_invoice.due_on + timedelta(days=1)).isoformat()

    assert run("check_overdue_invoices", "--date", day_after) == f"1 invoice marked overdue as of {day_after}."
    assert run("check_overdue_invoices", "--date", day_after) == f"0 invoices marked overdue as of {day_after}."
    issued_invoice.refresh_from_db()
    assert issued_invoice.status == InvoiceStatus.OVERDUE


def test_send_payment_reminders_sends_the_steps_of_the_given_date(issued_invoice):
    due_on = issued_invoice.due_on.isoformat()

    assert run("send_payment_reminders", "--date", due_on) == f"1 payment reminder sent for {due_on}."
    assert run("send_payment_reminders", "--date", due_on) == f"0 payment reminders sent for {due_on}."


def test_a_date_that_is_not_one_is_refused():
    with pytest.raises(CommandError) as refused:
        run("send_payment_reminders", "--date", "2026-02-30")

    assert str(refused.value) == "'2026-02-30' is not a date in the form YYYY-MM-DD."


def test_verify_invoice_chain_passes_an_untouched_chain(issued_invoice):
    payment = StripePaymentFactory(deal=issued_invoice.deal, amount=Decimal("6000.00"), status=PaymentStatus.SUCCEEDED)
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount)  # and its receipt

    assert run("verify_invoice_chain") == "All 2 issued documents chain correctly."


def test_verify_invoice_chain_names_the_document_whose_content_was_changed(issued_invoice):
    Invoice.objects.filter(pk=issued_invoice.pk).update(total=Decimal("1.000"))

    with pytest.raises(CommandError) as broken:
        run("verify_invoice_chain")
    assert str(broken.value) == (
        f"The chain breaks at {issued_invoice.number}: its content no longer matches its hash."
    )
