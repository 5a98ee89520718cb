"""Signed links to an invoice's PDF (nzila_export.signed_links): the API's and the admin's, valid for
5 minutes, and the media URL of a WhatsApp message, valid for INVOICE_MEDIA_LINK_HOURS because WhatsApp
fetches the file by URL, when the message is delivered. Both open the same view; each kind has its salt,
so a 5-minute link never lives 24 hours."""

from datetime import timedelta

from django.conf import settings

from accounts.models import User
from audit.services import audit_record
from invoices.models import Invoice
from nzila_export.signed_links import DownloadLink, DownloadLinkInvalid, signed_link_make, signed_link_open

DOWNLOAD_LINK_MAX_AGE = timedelta(minutes=5)
DOWNLOAD_SALT = "invoices.download"
MEDIA_SALT = "invoices.media"
VIEW_NAME = "invoice-download"


def _media_max_age() -> timedelta:
    return timedelta(hours=settings.INVOICE_MEDIA_LINK_HOURS)


def invoice_download_link(*, invoice: Invoice, user) -> DownloadLink:
    audit_record(action="invoice.download_link", instance=invoice, user=user)
    return signed_link_make(
        view_name=VIEW_NAME,
        payload={"invoice": invoice.pk, "user": user.pk},
        salt=DOWNLOAD_SALT,
        max_age=DOWNLOAD_LINK_MAX_AGE,
    )


def invoice_media_url(*, invoice: Invoice) -> str:
    link = signed_link_make(
        view_name=VIEW_NAME, payload={"invoice": invoice.pk}, salt=MEDIA_SALT, max_age=_media_max_age()
    )
    return settings.SITE_URL + link.path


def invoice_download_open(*, token: str) -> Invoice:
    """The issued document a valid, fresh token names, with its PDF (the download is audited as the user
    a link was made for, or as WhatsApp's fetch of a message's media); DownloadLinkInvalid or
    DownloadLinkExpired otherwise."""
    payload = signed_link_open(
        token=token, lifetimes={DOWNLOAD_SALT: DOWNLOAD_LINK_MAX_AGE, MEDIA_SALT: _media_max_age()}
    )
    invoice = Invoice.objects.filter(pk=payload.get("invoice")).exclude(pdf="").first()
    if invoice is None:
        raise DownloadLinkInvalid()
    user = User.objects.filter(pk=payload.get("user")).first() if payload.get("user") else None
    changes = {} if user is not None else {"link": "whatsapp_media"}
    audit_record(action="invoice.download", instance=invoice, user=user, changes=changes)
    return invoice
