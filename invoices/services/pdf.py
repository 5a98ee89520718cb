"""The PDF of an issued invoice, credit note or receipt, and the commercial invoice a deal's invoice
files among the deal's export documents.

Each document type has its template (invoices/templates/invoices/pdf/), printed in the document's
language with the fonts that ship with the project (invoices/fonts), so that accents come out the same
on any machine. Rendering is deterministic: the same invoice gives the same bytes, because nothing in
it depends on when it is rendered (dates are the issue's; WeasyPrint derives the PDF's identifier from
its content). Once stored, an issued document's PDF never changes, even if the templates do: it is
what was sent, and its checksum proves it.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from audit.services import audit_record
from currencies.models import RateSource
from deals.models import Incoterm
from documents.models import DocumentType
from documents.services import document_file_generated
from invoices.models import Invoice, InvoiceKind
from nzila_export.field_encryption import revealed
from shipments.ports import port_name

FONTS_DIR = Path(__file__).resolve().parents[1] / "fonts"
FONTS = {"regular": (FONTS_DIR / "DejaVuSans.ttf").as_uri(), "bold": (FONTS_DIR / "DejaVuSans-Bold.ttf").as_uri()}
# Without HarfBuzz-Subset, WeasyPrint subsets fonts with fontTools, which stamps each subset with the time
# it is made unless SOURCE_DATE_EPOCH fixes it (reproducible-builds.org): without this, no two renders of
# a document would give the same bytes.
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
# What a document may load: our fonts and the inline QR code. Never the network, whatever the text says.
URL_FETCHER = URLFetcher(allowed_protocols={"file", "data"})


@cache
def font_configuration() -> FontConfiguration:
    """One per process: WeasyPrint loads each @font-face into it once and reuses it for every render."""
    return FontConfiguration()


def company_details() -> dict:
    """The platform as every PDF heads it (invoices/templates/invoices/pdf/company.html)."""
    return {
        "name": settings.COMPANY_NAME,
        "address": settings.COMPANY_ADDRESS,
        "business_number": settings.COMPANY_BUSINESS_NUMBER,
        "email": settings.COMPANY_EMAIL,
    }


def _port(code: str) -> str:
    name = port_name(code)
    return f"{name} ({code})" if name else code


def _context(invoice: Invoice, *, commercial: bool) -> dict:
    language = invoice.language
    export = invoice.export_details
    named_port = export.get("port_of_discharge" if export.get("incoterm") == Incoterm.CIF else "port_of_loading", "")
    document_url = f"{settings.SITE_URL}/api/v1/invoices/{invoice.pk}/"
    source = invoice.exchange_rate_source
    return {
        "invoice": invoice,
        # Decrypted here, for customs (nzila_export.field_encryption): the recipient's national identity or
        # passport number as it stands when the document is rendered, which is once, when it is issued.
        "buyer_identity_number": revealed(invoice.recipient.identity_number),
        "language": language,
        "title": DocumentType.COMMERCIAL_INVOICE.label if commercial else InvoiceKind(invoice.kind).label,
        "company": company_details(),
        "fonts": FONTS,
        "lines": invoice.lines.all(),
        "taxes": [
            {
                "name": getattr(tax, f"name_{language}"),
                "legal_basis": getattr(tax, f"legal_basis_{language}"),
                "percent": tax.percent,
                "amount": tax.amount,
            }
            for tax in invoice.taxes.all()
        ],
        "rate_source": RateSource(source).label if source in RateSource.values else source,
        "payment_url": settings.INVOICE_PAYMENT_URL.format(invoice=invoice.pk),
        "document_url": document_url,
        "qr_code": segno.make(document_url, error="m").svg_data_uri(border=0),
        "export": export,
        "named_place": port_name(named_port) or named_port,
        "port_of_loading": _port(export.get("port_of_loading", "")),
        "port_of_discharge": _port(export.get("port_of_discharge", "")),
    }


def invoice_html(*, invoice: Invoice, commercial: bool = False) -> str:
    """The document as HTML in its language; `commercial`: the commercial invoice of a deal's invoice."""
    document = DocumentType.COMMERCIAL_INVOICE.value if commercial else invoice.kind
    template = f"invoices/pdf/{document}.html"
    with translation.override(invoice.language):
        return render_to_string(template, _context(invoice, commercial=commercial))


def pdf_from_html(*, html: str) -> bytes:
    return HTML(string=html, url_fetcher=URL_FETCHER).write_pdf(font_config=font_configuration())


def _invoice_for_print(invoice_id: int) -> Invoice:
    return Invoice.objects.select_related("deal", "invoice").prefetch_related("lines", "taxes").get(pk=invoice_id)


def invoice_pdf_render(*, invoice_id: int) -> Invoice:
    """Render and store an issued document's PDF, then, for a deal's invoice, file its commercial
    invoice among the deal's documents; each once (a draft is left as it is). Safe to run again or
    twice at once: what is already stored stays."""
    invoice = _invoice_for_print(invoice_id)
    if not invoice.is_issued:
        return invoice
    if not invoice.pdf_sha256:
        _pdf_store(invoice=invoice, content=pdf_from_html(html=invoice_html(invoice=invoice)))
    if invoice.kind == InvoiceKind.INVOICE and invoice.commercial_invoice_id is None:
        _commercial_invoice_file(invoice=invoice)
    return invoice


def _pdf_store(*, invoice: Invoice, content: bytes) -> None:
    """Write the PDF under the document's number, then record it on the locked row."""
    sha256 = hashlib.sha256(content).hexdigest()
    storage = invoice.pdf.storage
    name = Invoice._meta.get_field("pdf").generate_filename(invoice, f"{invoice.number}.pdf")
    if not _stored_with(storage=storage, name=name, sha256=sha256):
        storage.delete(name)  # what an interrupted run left there, if anything, with other bytes
        name = storage.save(name, ContentFile(content))
    with transaction.atomic():
        locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if locked.pdf_sha256:  # another run stored it first: keep its file, drop a copy of ours
            if locked.pdf.name != name:
                storage.delete(name)
        else:
            locked.pdf, locked.pdf_sha256, locked.pdf_rendered_at = name, sha256, timezone.now()
            locked.save(update_fields=["pdf", "pdf_sha256", "pdf_rendered_at", "updated_at"])
            audit_record(action="invoice.pdf", instance=locked, changes={"file": name, "sha256": sha256})
    invoice.pdf = locked.pdf.name
    invoice.pdf_sha256, invoice.pdf_rendered_at = locked.pdf_sha256, locked.pdf_rendered_at


def _stored_with(*, storage, name: str, sha256: str) -> bool:
    if not storage.exists(name):
        return False
    with storage.open(name, "rb") as stored:
        return hashlib.sha256(stored.read()).hexdigest() == sha256


def _commercial_invoice_file(*, invoice: Invoice) -> None:
    content = pdf_from_html(html=invoice_html(invoice=invoice, commercial=True))
    with transaction.atomic():
        locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if locked.commercial_invoice_id is None:
            locked.commercial_invoice = document_file_generated(
                deal=invoice.deal,
                document_type=DocumentType.COMMERCIAL_INVOICE,
                content=content,
                original_name=f"{invoice.number}-commercial-invoice.pdf",
                note=gettext("Made from invoice %(number)s when it was issued.") % {"number": invoice.number},
            )
            locked.save(update_fields=["commercial_invoice", "updated_at"])
    invoice.commercial_invoice_id = locked.commercial_invoice_id
