import hashlib
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from deals.models import Incoterm
from documents.models import Document, DocumentStatus, DocumentType
from documents.requirements import Stage, deal_documents_missing
from invoices.models import Invoice, InvoiceKind, LineKind
from invoices.services.drafting import LineInput, invoice_draft_for_deal
from invoices.services.issuing import document_issue_now, invoice_issue
from invoices.services.pdf import invoice_html, invoice_pdf_render, pdf_from_html
from invoices.services.settlement import credit_note_issue
from payments.tests.factories import PayableDealFactory

pytestmark = pytest.mark.django_db


MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
MONTHS_FR = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


def pdf_text(content: bytes) -> str:
    """The PDF's text, each run of white space (line breaks, no-break spaces) read as one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def stored_text(file) -> str:
    with file.open("rb") as pdf:
        return pdf_text(pdf.read())


def issued_and_rendered(deal) -> Invoice:
    invoice = invoice_issue(invoice=invoice_draft_for_deal(deal=deal), user=deal.dealer)
    return invoice_pdf_render(invoice_id=invoice.pk)


@pytest.fixture
def english_deal():
    """A CIF deal of CAD 18,000 to Tema, its buyer writing in English."""
    return PayableDealFactory(
        incoterm=Incoterm.CIF, agreed_price=Decimal("18000.00"), destination_country="GH", destination_port="GHTEM",
        buyer__preferred_language="en", buyer__company_name="Gold Coast Autos Ltd",
        buyer__address="14 Harbour Road, Tema", buyer__country="GH",
        vehicle__dealer__company_name="Harbour Auto Halifax", vehicle__dealer__business_number="123456789RT0001",
        vehicle__dealer__address="5 Water Street, Halifax NS",
    )  # fmt: skip


def test_an_invoice_for_a_french_buyer_is_printed_in_french(draft_invoice):
    invoice = issued_and_rendered(draft_invoice.deal)

    text = stored_text(invoice.pdf)
    due = invoice.due_on
    assert invoice.number in text
    assert f"VIN {draft_invoice.deal.vehicle.vin} 1 18 000,00 $CA 18 000,00 $CA" in text
    assert "Sahel Motors SARL Rue du Commerce 12, Plateau, Abidjan Côte d\u2019Ivoire" in text
    assert f"{due.day} {MONTHS_FR[due.month - 1]} {due.year}" in text
    assert "Exportation détaxée (0 %) 0,00 $CA" in text
    assert (
        "Exportation détaxée (0 %) : Exportation de produits détaxée : Loi sur la taxe d'accise, annexe VI, "
        "partie V, article 1"
    ) in text
    assert "Zero-rated" not in text
    assert f"/api/v1/invoices/{invoice.pk}/" in text


def test_an_invoice_for_an_english_buyer_is_printed_in_english(english_deal):
    invoice = issued_and_rendered(english_deal)

    text = stored_text(invoice.pdf)
    due = invoice.due_on
    assert text.startswith("Nzila Export Hub Inc. 1800 Argyle Street, Halifax NS B3J 3N8, Canada")
    assert f"Invoice Number {invoice.number}" in text
    assert f"Due date {MONTHS_EN[due.month - 1]} {due.day}, {due.year}" in text
    assert "Harbour Auto Halifax 5 Water Street, Halifax NS Business number: 123456789RT0001" in text
    assert "Gold Coast Autos Ltd 14 Harbour Road, Tema Ghana" in text
    assert f"VIN {english_deal.vehicle.vin} 1 CA$18,000.00 CA$18,000.00" in text
    assert "Subtotal CA$18,000.00 Zero-rated export (0%) CA$0.00 Total due CA$18,000.00" in text
    assert (
        "Zero-rated export (0%): Zero-rated export of goods: Excise Tax Act, Schedule VI, Part V, section 1"
    ) in text
    assert f"quoting invoice {invoice.number}" in text
    assert "Exchange rate" not in text  # an invoice in CAD states no rate


def test_an_xof_invoice_shows_whole_francs_and_the_rate_it_was_issued_at(todays_rates):
    deal = PayableDealFactory(
        currency="XOF", agreed_price=Decimal("9000000"), buyer__preferred_language="fr", buyer__country="SN",
        destination_country="SN", destination_port="SNDKR",
    )  # fmt: skip
    invoice = issued_and_rendered(deal)

    text = stored_text(invoice.pdf)
    day = invoice.exchange_rate_date
    assert invoice.exchange_rate.quantize(Decimal("0.001")) == Decimal("406.165")
    assert "9 000 000 F CFA 9 000 000 F CFA" in text  # unit price and amount, no decimals
    assert "(0 %) 0 F CFA" in text
    assert ",00 F CFA" not in text
    assert f"1 CAD = 406,165 XOF, Parité fixe, {day.day} {MONTHS_FR[day.month - 1]} {day.year}." in text


def test_rendering_again_gives_the_same_bytes_and_keeps_the_stored_pdf(english_deal):
    invoice = issued_and_rendered(english_deal)
    with invoice.pdf.open("rb") as pdf:
        stored = pdf.read()

    assert invoice.pdf.name == f"invoices/{invoice.issued_on:%Y}/{invoice.number}.pdf"
    assert hashlib.sha256(stored).hexdigest() == invoice.pdf_sha256
    again = pdf_from_html(html=invoice_html(invoice=Invoice.objects.get(pk=invoice.pk)))
    assert hashlib.sha256(again).hexdigest() == invoice.pdf_sha256

    rendered = invoice_pdf_render(invoice_id=invoice.pk)
    assert (rendered.pdf.name, rendered.pdf_rendered_at) == (invoice.pdf.name, invoice.pdf_rendered_at)
    assert AuditLog.objects.filter(action="invoice.pdf", object_id=str(invoice.pk)).count() == 1
    assert Document.objects.filter(deal=english_deal).count() == 1


def test_a_file_left_by_an_interrupted_run_is_kept_when_it_has_the_same_bytes(english_deal):
    invoice = issued_and_rendered(english_deal)
    name, sha256 = invoice.pdf.name, invoice.pdf_sha256
    Invoice.objects.filter(pk=invoice.pk).update(pdf="", pdf_sha256="", pdf_rendered_at=None)

    rendered = invoice_pdf_render(invoice_id=invoice.pk)

    assert (rendered.pdf.name, rendered.pdf_sha256) == (name, sha256)
    assert invoice.pdf.storage.listdir(f"invoices/{invoice.issued_on:%Y}")[1].count(f"{invoice.number}.pdf") == 1


def test_a_draft_is_not_rendered(draft_invoice):
    invoice = invoice_pdf_render(invoice_id=draft_invoice.pk)
    assert not invoice.pdf
    assert invoice.pdf_sha256 == ""
    assert not Document.objects.filter(deal=draft_invoice.deal).exists()


def test_the_commercial_invoice_is_filed_verified_among_the_deals_documents(draft_invoice):
    deal = draft_invoice.deal
    assert DocumentType.COMMERCIAL_INVOICE in deal_documents_missing(deal=deal, stage=Stage.BEFORE_PAYMENT)

    invoice = issued_and_rendered(deal)

    document = Document.objects.get(deal=deal)
    assert invoice.commercial_invoice == document
    assert (document.document_type, document.status, document.content_type) == (
        DocumentType.COMMERCIAL_INVOICE, DocumentStatus.VERIFIED, "application/pdf",
    )  # fmt: skip
    assert document.original_name == f"{invoice.number}-commercial-invoice.pdf"
    assert document.review_note == f"Made from invoice {invoice.number} when it was issued."
    assert document.reviewed_at is not None
    assert document.quality_score is None
    with document.file.open("rb") as pdf:
        content = pdf.read()
    assert (document.sha256, document.size_bytes) == (hashlib.sha256(content).hexdigest(), len(content))
    text = pdf_text(content)
    assert "Facture commerciale" in text
    assert "Code SH 8703 Pays d'origine Canada" in text  # the VIN's first character, 2: built in Canada
    assert "CIF Abidjan (Incoterms® 2020) Port de chargement Halifax (CAHAL)" in text
    assert "Port de déchargement Abidjan (CIABJ)" in text
    assert deal.vehicle.vin in text
    assert AuditLog.objects.filter(action="document.generated", object_id=str(document.pk)).exists()
    missing = deal_documents_missing(deal=deal, stage=Stage.BEFORE_PAYMENT)
    assert DocumentType.COMMERCIAL_INVOICE not in missing
    assert DocumentType.BILL_OF_SALE in missing


def test_credit_notes_and_receipts_name_the_invoice_they_are_about(english_deal):
    invoice = issued_and_rendered(english_deal)
    credit_note = credit_note_issue(
        invoice=invoice, amount=Decimal("500.00"), reason="Scratch on the rear door", user=StaffFactory()
    )
    receipt = document_issue_now(
        kind=InvoiceKind.RECEIPT, deal=english_deal, currency="CAD", invoice=invoice,
        lines=[LineInput(LineKind.PAYMENT, "Card payment", Decimal("1000.00"))],
    )  # fmt: skip

    credit_text = stored_text(invoice_pdf_render(invoice_id=credit_note.pk).pdf)
    receipt_text = stored_text(invoice_pdf_render(invoice_id=receipt.pk).pdf)

    assert f"Credit note Number {credit_note.number}" in credit_text
    assert f"Credits invoice {invoice.number}" in credit_text
    assert "Total credited CA$500.00" in credit_text
    assert "Reason: Scratch on the rear door" in credit_text
    assert f"Receipt Number {receipt.number}" in receipt_text
    assert f"For invoice {invoice.number}" in receipt_text
    assert "Amount received CA$1,000.00" in receipt_text
    assert "How to pay" not in credit_text + receipt_text
    assert Document.objects.filter(deal=english_deal).count() == 1  # only the invoice files a commercial invoice


def test_issuing_publishes_the_pdf_once_the_transaction_commits(draft_invoice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)

    invoice = Invoice.objects.get(pk=draft_invoice.pk)
    assert len(invoice.pdf_sha256) == 64
    assert invoice.commercial_invoice_id is not None


@pytest.mark.django_db(transaction=True)
def test_two_renders_at_once_store_one_pdf_and_file_one_commercial_invoice(english_deal, run_at_once):
    invoice = invoice_issue(invoice=invoice_draft_for_deal(deal=english_deal), user=english_deal.dealer)

    outcomes = run_at_once(lambda: invoice_pdf_render(invoice_id=invoice.pk).pdf_sha256)

    invoice.refresh_from_db()
    assert outcomes == [invoice.pdf_sha256] * 2
    assert Document.objects.filter(deal=english_deal).count() == 1
    assert invoice.pdf.storage.listdir(f"invoices/{invoice.issued_on:%Y}")[1].count(f"{invoice.number}.pdf") == 1
    assert AuditLog.objects.filter(action="invoice.pdf", object_id=str(invoice.pk)).count() == 1
