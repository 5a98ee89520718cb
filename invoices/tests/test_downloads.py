from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing

from audit.models import AuditLog
from documents.downloads import SALT as DOCUMENT_SALT
from invoices.downloads import DOWNLOAD_SALT, invoice_download_link, invoice_media_url
from invoices.services.issuing import invoice_issue
from invoices.services.pdf import invoice_pdf_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoice(draft_invoice):
    issued = invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)
    return invoice_pdf_render(invoice_id=issued.pk)


def pdf_bytes(invoice) -> bytes:
    with invoice.pdf.open("rb") as pdf:
        return pdf.read()


def seconds_later(delta: timedelta):
    """Every clock reading (the signer's included) `delta` from now."""
    return mock.patch("django.core.signing.time.time", return_value=signing.time.time() + delta.total_seconds())


def test_a_download_link_streams_the_pdf_without_signing_in(invoice, api_client):
    link = invoice_download_link(invoice=invoice, user=invoice.deal.buyer)
    assert link.path.startswith("/api/v1/invoices/download/")

    response = api_client.get(link.path)  # no credentials: the token is the credential

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{invoice.number}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == pdf_bytes(invoice)
    assert AuditLog.objects.filter(action="invoice.download_link", object_id=str(invoice.pk)).count() == 1
    download = AuditLog.objects.get(action="invoice.download", object_id=str(invoice.pk))
    assert (download.user, download.changes) == (invoice.deal.buyer, {})


def test_a_download_link_expires_after_5_minutes(invoice, api_client):
    path = invoice_download_link(invoice=invoice, user=invoice.deal.buyer).path

    with seconds_later(timedelta(minutes=5, seconds=1)):
        response = api_client.get(path)

    assert response.status_code == 410
    assert response.json()["code"] == "link_expired"
    assert not AuditLog.objects.filter(action="invoice.download").exists()


def test_the_media_url_for_whatsapp_is_absolute_and_lasts_its_hours(invoice, api_client, settings):
    settings.INVOICE_MEDIA_LINK_HOURS = 24
    url = invoice_media_url(invoice=invoice)
    assert url.startswith(f"{settings.SITE_URL}/api/v1/invoices/download/")
    path = url.removeprefix(settings.SITE_URL)

    with seconds_later(timedelta(hours=23, minutes=59)):
        assert api_client.get(path).status_code == 200
    with seconds_later(timedelta(hours=24, seconds=1)):
        assert api_client.get(path).status_code == 410
    download = AuditLog.objects.get(action="invoice.download")
    assert (download.user, download.changes) == (None, {"link": "whatsapp_media"})


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.TimestampSigner(salt=DOCUMENT_SALT).sign_object({"document": 1, "user": 1}),
        signing.TimestampSigner(salt=DOWNLOAD_SALT, key="not-our-secret-key-" + "x" * 40).sign_object({"invoice": 1}),
    ],
    # Signed tokens change with the second: named, so that every xdist worker collects the same tests.
    ids=["garbage", "a_document_link", "another_key"],
)
def test_a_forged_token_is_refused_with_404(invoice, api_client, token):
    response = api_client.get(f"/api/v1/invoices/download/{token}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_token_for_a_document_without_a_pdf_is_404(draft_invoice, api_client):
    token = signing.TimestampSigner(salt=DOWNLOAD_SALT).sign_object({"invoice": draft_invoice.pk, "user": 1})
    assert api_client.get(f"/api/v1/invoices/download/{token}/").status_code == 404
