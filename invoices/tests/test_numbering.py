import queue
from decimal import Decimal

import pytest
from django.utils import timezone

from invoices.models import Invoice, InvoiceStatus
from invoices.services.drafting import invoice_draft_for_deal
from invoices.services.issuing import invoice_issue
from invoices.services.numbering import invoice_chain_verify
from payments.tests.factories import PayableDealFactory


@pytest.mark.django_db(transaction=True)
def test_fifty_invoices_issued_at_once_get_fifty_consecutive_numbers(run_at_once, tax_rates, tasks_queued):
    drafts = queue.Queue()
    for _ in range(50):
        drafts.put(invoice_draft_for_deal(deal=PayableDealFactory()))

    def issue_one():
        draft = drafts.get_nowait()
        return invoice_issue(invoice=draft, user=draft.deal.dealer).number

    numbers = run_at_once(issue_one, times=50)

    year = timezone.localdate().year
    assert sorted(numbers) == [f"NZ-{year}-{value:06d}" for value in range(1, 51)]
    assert Invoice.objects.filter(status=InvoiceStatus.ISSUED).count() == 50
    assert invoice_chain_verify().holds  # each one chained to the one numbered before it
    assert len([task for task, _args in tasks_queued() if task == "invoices.tasks.invoice_publish"]) == 50


@pytest.mark.django_db
def test_verify_finds_a_tampered_invoice_and_names_it(draft_invoice):
    first = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)
    other_deal = PayableDealFactory()
    second = invoice_issue(invoice=invoice_draft_for_deal(deal=other_deal), user=other_deal.dealer)
    assert invoice_chain_verify().holds

    Invoice.objects.filter(pk=first.pk).update(total=Decimal("1.00"))

    check = invoice_chain_verify()
    assert (check.broken_number, check.checked) == (first.number, 0)
    assert "no longer matches" in check.problem
    assert second.previous_sha256 == first.content_sha256


@pytest.mark.django_db
def test_verify_finds_a_removed_invoice(draft_invoice):
    first = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)
    other_deal = PayableDealFactory()
    invoice_issue(invoice=invoice_draft_for_deal(deal=other_deal), user=other_deal.dealer)

    Invoice.objects.filter(pk=first.pk).delete()

    check = invoice_chain_verify()
    assert check.broken_number == first.number
    assert check.problem.startswith("missing")
