"""Delivering an issued document to the deal's buyer (a platform invoice: to its customer), once: by e-mail
with its PDF attached, on WhatsApp with the PDF as a document, and in the app, each in the recipient's
language.

The dealer is not sent the documents: it (or staff) issued the invoice, and receipts and credit notes
follow payments and refunds it is already told of (payments' own notifications)."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from invoices.downloads import invoice_media_url
from invoices.models import Invoice, InvoiceKind
from invoices.selectors import invoice_balance
from notifications.services import notify

EVENT_OF_KIND = {
    InvoiceKind.INVOICE: "invoice.issued",
    InvoiceKind.CREDIT_NOTE: "invoice.credit_note_issued",
    InvoiceKind.RECEIPT: "invoice.receipt_issued",
    InvoiceKind.PLATFORM: "invoice.platform_issued",  # to the platform's customer (a dealer's plan)
}


def invoice_message_context(*, invoice: Invoice) -> dict:
    """What every message about an invoice may say: the document, its deal, where to see it in the API
    and where to pay it."""
    return {
        "invoice": invoice,
        "deal": invoice.deal,
        "invoice_url": settings.SITE_URL + reverse("invoice-detail", kwargs={"pk": invoice.pk}),
        "pay_url": settings.INVOICE_PAYMENT_URL.format(invoice=invoice.pk),
    }


def invoice_deliver(*, invoice_id: int) -> bool:
    """Send a document once its PDF is rendered. The row is locked and `delivered_at` checked and stamped
    in one transaction, so a retried or duplicate publish task sends nothing twice. False when it was
    delivered already or has no PDF yet."""
    with transaction.atomic():
        invoice = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("deal__buyer", "deal__vehicle", "invoice", "customer")
            .filter(pk=invoice_id, delivered_at__isnull=True)
            .exclude(pdf="")
            .first()
        )
        if invoice is None:
            return False
        attachment = {
            "storage": "invoices",
            "name": invoice.pdf.name,
            "filename": f"{invoice.number}.pdf",
            "content_type": "application/pdf",
        }
        context = {
            **invoice_message_context(invoice=invoice),
            "media_url": invoice_media_url(invoice=invoice),
            "attachments": [attachment],
        }
        if invoice.kind == InvoiceKind.INVOICE:  # payments made before the issue may have settled it
            context["balance"] = invoice_balance(invoice=invoice).balance
        notify(
            event=EVENT_OF_KIND[invoice.kind], recipients=[invoice.recipient], context=context, related_object=invoice
        )
        invoice.delivered_at = timezone.now()
        invoice.save(update_fields=["delivered_at", "updated_at"])
    return True
