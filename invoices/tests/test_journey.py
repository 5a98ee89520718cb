"""The whole path of an invoice as its users meet it through the API: the deal's draft, the dealer's
issue, the PDF and the commercial invoice, the buyer's delivery, partial then full payment, and an
unpaid invoice's overdue notice and reminders, each once."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from pypdf import PdfReader

from accounts.tests.factories import StaffFactory
from invoices.models import Invoice, InvoiceReminder
from invoices.services.drafting import invoice_draft_for_deal
from invoices.services.issuing import invoice_issue
from notifications.models import MessageLog, MessageStatus, Notification
from notifications.tasks import dispatch_due_messages
from payments.tests.factories import PayableDealFactory

pytestmark = pytest.mark.django_db


def send_due_messages() -> None:
    MessageLog.objects.filter(status=MessageStatus.QUEUED).update(send_after=timezone.now())
    dispatch_due_messages()


def pdf_text(invoice: Invoice) -> str:
    """The PDF's text, its French thin and non-breaking spaces read as spaces."""
    invoice.pdf.open("rb")
    with invoice.pdf:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(invoice.pdf.read())).pages)
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_an_invoice_from_issue_to_paid(client_for, draft_invoice, todays_rates, django_capture_on_commit_callbacks):
    deal = draft_invoice.deal
    dealer, buyer = client_for(deal.dealer), client_for(deal.buyer)
    assert buyer.get(f"/api/v1/invoices/?deal={deal.pk}").json()["count"] == 0  # a draft is the dealer's

    with django_capture_on_commit_callbacks(execute=True):
        issued = dealer.post(f"/api/v1/invoices/{draft_invoice.pk}/issue/", format="json")
    assert issued.status_code == 200, issued.json()
    number = issued.json()["number"]

    seen = buyer.get(f"/api/v1/invoices/{draft_invoice.pk}/").json()
    assert (seen["number"], seen["status"], seen["balance"]) == (number, "issued", "18000.00")
    invoice = Invoice.objects.get(pk=draft_invoice.pk)
    text = pdf_text(invoice)
    assert number in text
    assert deal.vehicle.vin in text
    assert "18 000,00 $" in text
    assert "Exportation de produits détaxée" in text  # the buyer writes in French
    checklist = buyer.get(f"/api/v1/deals/{deal.pk}/checklist/").json()
    commercial = next(item for item in checklist["items"] if item["document_type"] == "commercial_invoice")
    assert commercial["status"] == "verified"
    send_due_messages()
    assert [message.attachments[0][0] for message in mail.outbox] == [f"{number}.pdf"]
    assert buyer.get(f"/api/v1/invoices/{invoice.pk}/pdf/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        first = buyer.post(
            "/api/v1/payments/", {"deal": deal.pk, "amount": "6000.00", "currency": "CAD", "method": "card"},
            format="json", HTTP_IDEMPOTENCY_KEY="first",
        )  # fmt: skip
    assert first.status_code == 201, first.json()
    seen = buyer.get(f"/api/v1/invoices/{invoice.pk}/").json()
    assert (seen["status"], seen["paid"], seen["balance"]) == ("partially_paid", "6000.00", "12000.00")

    with django_capture_on_commit_callbacks(execute=True):
        buyer.post(
            "/api/v1/payments/", {"deal": deal.pk, "amount": "12000.00", "currency": "CAD", "method": "card"},
            format="json", HTTP_IDEMPOTENCY_KEY="second",
        )  # fmt: skip
    seen = buyer.get(f"/api/v1/invoices/{invoice.pk}/").json()
    assert (seen["status"], seen["balance"]) == ("paid", "0.00")
    receipts = buyer.get(f"/api/v1/invoices/?deal={deal.pk}&kind=receipt").json()["results"]
    assert sorted(receipt["total"] for receipt in receipts) == ["12000.00", "6000.00"]
    assert all(Invoice.objects.get(pk=receipt["id"]).pdf_sha256 for receipt in receipts)


def test_an_unpaid_invoice_goes_overdue_once_and_each_reminder_goes_once(client_for, draft_invoice):
    deal = draft_invoice.deal
    staff = StaffFactory()
    client_for(deal.dealer).post(f"/api/v1/invoices/{draft_invoice.pk}/issue/", format="json")
    due_on = Invoice.objects.get(pk=draft_invoice.pk).due_on

    for day in (due_on - timedelta(days=3), due_on, due_on + timedelta(days=1), due_on + timedelta(days=1)):
        call_command("send_payment_reminders", "--date", day.isoformat())
        call_command("check_overdue_invoices", "--date", day.isoformat())

    invoice = Invoice.objects.get(pk=draft_invoice.pk)
    assert invoice.status == "overdue"
    assert sorted(InvoiceReminder.objects.filter(invoice=invoice).values_list("step", flat=True)) == [
        "after_due_1", "before_due_3", "due",
    ]  # fmt: skip
    overdue = Notification.objects.filter(event="invoice.overdue")
    assert sorted(note.user_id for note in overdue) == sorted([deal.buyer_id, staff.pk])
    assert Notification.objects.filter(event="invoice.payment_reminder", user=deal.buyer).count() == 3


def test_a_tampered_invoice_is_named_by_verify_invoice_chain(draft_invoice, admin_user):
    other = invoice_draft_for_deal(deal=PayableDealFactory())
    for draft in (draft_invoice, other):
        invoice_issue(invoice=draft, user=admin_user)
    tampered = Invoice.objects.get(pk=draft_invoice.pk)
    Invoice.objects.filter(pk=tampered.pk).update(buyer={**tampered.buyer, "name": "Someone Else"})

    with pytest.raises(CommandError) as broken:
        call_command("verify_invoice_chain")

    assert str(broken.value) == f"The chain breaks at {tampered.number}: its content no longer matches its hash."


def test_a_payment_held_for_review_then_approved_pays_the_invoice_and_gets_its_receipt(
    client_for, todays_rates, django_capture_on_commit_callbacks
):
    deal = PayableDealFactory(held_for_review=True)
    invoice = invoice_issue(invoice=invoice_draft_for_deal(deal=deal), user=deal.dealer)
    buyer, staff = client_for(deal.buyer), client_for(StaffFactory())

    held = buyer.post(
        "/api/v1/payments/", {"deal": deal.pk, "amount": "18000.00", "currency": "CAD", "method": "card"},
        format="json", HTTP_IDEMPOTENCY_KEY="held",
    )  # fmt: skip
    assert (held.status_code, held.json()["status"]) == (202, "held")
    assert buyer.get(f"/api/v1/invoices/{invoice.pk}/").json()["status"] == "issued"
    assert not Invoice.objects.filter(kind="receipt").exists()

    with django_capture_on_commit_callbacks(execute=True):
        approved = staff.post(f"/api/v1/payments/{held.json()['id']}/review/", {"decision": "approve", "note": "Known"})
    assert approved.status_code == 200, approved.json()

    seen = buyer.get(f"/api/v1/invoices/{invoice.pk}/").json()
    assert (seen["status"], seen["paid"], seen["balance"]) == ("paid", "18000.00", "0.00")
    receipt = Invoice.objects.get(kind="receipt")
    assert (receipt.invoice_id, receipt.total, bool(receipt.pdf_sha256)) == (invoice.pk, Decimal("18000.000"), True)
