import hashlib
from decimal import Decimal
from urllib.parse import parse_qs

import pytest
from babel.dates import format_date
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone

from invoices.models import Invoice, InvoiceKind
from invoices.services.delivery import invoice_deliver
from invoices.services.issuing import invoice_issue
from invoices.services.settlement import credit_note_issue
from notifications.models import MessageLog, MessageStatus, Notification, WhatsAppSession
from notifications.tasks import dispatch_due_messages
from notifications.tests.conftest import TWILIO_MESSAGES_URL, twilio, twilio_message_created  # noqa: F401
from notifications.tests.test_delivery import time_zone_where_local_hour_is
from payments.models import LedgerEntryKind, PaymentStatus
from payments.services.ledger import ledger_entry_write
from payments.tests.factories import StripePaymentFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7 a rendered invoice"
BUYER_PHONE = "+2250701020304"


@pytest.fixture
def buyer(payable_deal):
    """The French-speaking buyer, awake, with WhatsApp and a conversation open with us."""
    buyer = payable_deal.buyer
    buyer.phone, buyer.timezone = BUYER_PHONE, time_zone_where_local_hour_is(*range(9, 19))
    buyer.save(update_fields=["phone", "timezone"])
    WhatsAppSession.objects.create(phone=BUYER_PHONE, last_inbound_at=timezone.now())
    return buyer


@pytest.fixture
def issued_invoice(draft_invoice, buyer):
    return with_pdf(invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer))


def with_pdf(document: Invoice) -> Invoice:
    """What the renderer leaves: the stored PDF and its checksum."""
    document.pdf.save(f"{document.number}.pdf", ContentFile(PDF), save=False)
    document.pdf_sha256 = hashlib.sha256(PDF).hexdigest()
    document.save(update_fields=["pdf", "pdf_sha256", "updated_at"])
    return document


def send_due_messages() -> None:
    """The batching window has passed: the queued messages go."""
    MessageLog.objects.filter(status=MessageStatus.QUEUED).update(send_after=timezone.now())
    dispatch_due_messages()


def test_the_buyer_gets_the_invoice_by_email_with_its_pdf_and_on_whatsapp_as_a_document(
    issued_invoice,
    buyer,
    twilio,  # noqa: F811 (the fixture imported above)
    settings,
    django_capture_on_commit_callbacks,
):
    settings.INVOICE_PAYMENT_URL = "https://nzila.example/invoices/{invoice}/pay"
    number, due = issued_invoice.number, format_date(issued_invoice.due_on, format="long", locale="fr")
    twilio.post(
        TWILIO_MESSAGES_URL, json=twilio_message_created("SM" + "7" * 32, f"whatsapp:{BUYER_PHONE}"), status=201
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert invoice_deliver(invoice_id=issued_invoice.pk) is True
    send_due_messages()

    email = mail.outbox[0]
    assert (len(mail.outbox), email.to) == (1, [buyer.email])
    assert email.subject == f"Facture {number} : 18 000,00 $CA, échéance le {due}"
    assert "Montant total : 18\u202f000,00\xa0$CA" in email.body
    assert f"Payer 18\u202f000,00\xa0$CA : https://nzila.example/invoices/{issued_invoice.pk}/pay" in email.body
    assert f"https://api.nzila.example/api/v1/invoices/{issued_invoice.pk}/" in email.body
    assert email.attachments == [(f"{number}.pdf", PDF, "application/pdf")]
    whatsapp = {key: values[0] for key, values in parse_qs(twilio.calls[0].request.body).items()}
    assert whatsapp["To"] == f"whatsapp:{BUYER_PHONE}"
    assert whatsapp["MediaUrl"].startswith("https://api.nzila.example/api/v1/invoices/download/")
    assert whatsapp["Body"].startswith(f"Nzila : facture {number} pour la transaction {issued_invoice.deal_id} :")
    in_app = Notification.objects.get()
    assert (in_app.user, in_app.event, in_app.related_key) == (
        buyer,
        "invoice.issued",
        f"invoices.invoice:{issued_invoice.pk}",
    )
    issued_invoice.refresh_from_db()
    assert issued_invoice.delivered_at is not None


def test_a_document_is_delivered_once_however_often_its_task_runs(issued_invoice):
    assert invoice_deliver(invoice_id=issued_invoice.pk) is True
    assert invoice_deliver(invoice_id=issued_invoice.pk) is False
    send_due_messages()

    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1
    assert sorted(MessageLog.objects.values_list("channel", flat=True)) == ["email", "whatsapp"]


def test_a_document_whose_pdf_is_not_rendered_yet_is_not_delivered(draft_invoice, buyer):
    invoice = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)

    assert invoice_deliver(invoice_id=invoice.pk) is False
    invoice.refresh_from_db()
    assert invoice.delivered_at is None
    assert not MessageLog.objects.exists()
    assert not Notification.objects.exists()


def test_issuing_publishes_the_rendered_pdf_to_the_buyer_and_says_when_nothing_is_left_to_pay(
    draft_invoice, buyer, django_capture_on_commit_callbacks
):
    payment = StripePaymentFactory(deal=draft_invoice.deal, status=PaymentStatus.SUCCEEDED)
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount)  # paid before the issue
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)  # then rendered, delivered
    send_due_messages()

    invoice.refresh_from_db()
    assert invoice.delivered_at is not None
    [(filename, content, _type)] = mail.outbox[0].attachments
    assert (filename, hashlib.sha256(content).hexdigest()) == (f"{invoice.number}.pdf", invoice.pdf_sha256)
    assert "Facture payée intégralement, merci." in mail.outbox[0].body


def test_receipts_and_credit_notes_go_to_the_buyer_under_their_own_events(issued_invoice, admin_user):
    payment = StripePaymentFactory(deal=issued_invoice.deal, amount=Decimal("6000.00"), status=PaymentStatus.SUCCEEDED)
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount)
    receipt = with_pdf(Invoice.objects.get(kind=InvoiceKind.RECEIPT))
    credit_note = with_pdf(
        credit_note_issue(
            invoice=issued_invoice, amount=Decimal("1000"), reason="Rayure sur la portière", user=admin_user
        )
    )

    assert invoice_deliver(invoice_id=receipt.pk)
    assert invoice_deliver(invoice_id=credit_note.pk)

    titles = dict(Notification.objects.values_list("event", "title"))
    assert titles["invoice.receipt_issued"] == f"Reçu {receipt.number} : paiement de 6 000,00 $CA reçu"
    assert titles["invoice.credit_note_issued"] == (
        f"Avoir {credit_note.number} : 1 000,00 $CA sur la facture {issued_invoice.number}"
    )
