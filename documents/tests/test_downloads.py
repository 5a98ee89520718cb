from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.core import signing
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from audit.models import AuditLog
from documents.downloads import SALT
from documents.tests.factories import DocumentFactory
from documents.tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db


def link_for(client, document) -> str:
    response = client.get(f"/api/v1/documents/{document.pk}/download-link/")
    assert response.status_code == 200, response.json()
    return response.json()["url"]


def test_a_party_gets_a_signed_link_that_streams_the_file_without_signing_in(client_for, api_client):
    document = DocumentFactory()
    buyer = document.deal.buyer
    url = link_for(client_for(buyer), document)
    assert url.startswith("http://testserver/api/v1/documents/download/")
    response = api_client.get(url)  # no credentials: the token is the credential
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="bill-of-sale.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == pdf_bytes()
    # Both the link and the download are recorded as the party the link was made for.
    records = AuditLog.objects.filter(object_id=str(document.pk), action__startswith="document.download")
    assert list(records.order_by("id").values_list("action", "user")) == [
        ("document.download_link", buyer.pk), ("document.download", buyer.pk)
    ]  # fmt: skip


def test_an_expired_link_is_refused_with_410(client_for, api_client):
    document = DocumentFactory()
    url = link_for(client_for(document.deal.dealer), document)
    later = signing.time.time() + timedelta(minutes=5, seconds=1).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = api_client.get(url)
    assert response.status_code == 410
    assert response.json()["code"] == "link_expired"


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.TimestampSigner(salt="another.salt").sign_object({"document": 1, "user": 1}),
        signing.TimestampSigner(salt=SALT, key="not-our-secret-key-" + "x" * 40).sign_object({"document": 1}),
    ],
    # Signed tokens change with the second: named, so that every xdist worker collects the same tests.
    ids=["garbage", "another_salt", "another_key"],
)
def test_a_forged_token_is_refused_with_404(api_client, token):
    DocumentFactory()
    response = api_client.get(f"/api/v1/documents/download/{token}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_valid_token_for_a_missing_document_is_404(api_client):
    token = signing.TimestampSigner(salt=SALT).sign_object({"document": 424242, "user": 1})
    assert api_client.get(f"/api/v1/documents/download/{token}/").status_code == 404


def test_another_deals_buyer_cannot_ask_for_a_link(client_for):
    document = DocumentFactory()
    assert client_for(BuyerFactory()).get(f"/api/v1/documents/{document.pk}/download-link/").status_code == 404


def test_a_links_expiry_is_given_in_the_platforms_time_like_every_other_moment(client_for):
    document = DocumentFactory()
    answer = client_for(document.deal.buyer).get(f"/api/v1/documents/{document.pk}/download-link/").json()
    expires_at = datetime.fromisoformat(answer["expires_at"])
    assert expires_at.utcoffset() == timezone.localtime().utcoffset()  # Toronto's, as created_at is; not UTC's Z
    assert timedelta(minutes=4) < expires_at - timezone.now() <= timedelta(minutes=5)
