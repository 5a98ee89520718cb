import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.tests.factories import BrokerFactory, BuyerFactory, StaffFactory
from audit.models import AuditLog
from deals.models import DealStatus
from documents.filetypes import MAX_DOCUMENT_BYTES
from documents.models import Document, DocumentStatus
from documents.tests.factories import DealFactory, DocumentFactory
from documents.tests.samples import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def upload(client, deal, *, content=None, name="bill-of-sale.pdf", document_type="bill_of_sale", **extra):
    content = pdf_bytes() if content is None else content
    data = {"deal": deal.pk, "document_type": document_type, "file": SimpleUploadedFile(name, content), **extra}
    return client.post("/api/v1/documents/", data, format="multipart")


def test_the_dealer_uploads_a_pdf_and_its_checksum_size_and_type_are_kept(client_for):
    deal = DealFactory()
    content = pdf_bytes()
    response = upload(client_for(deal.dealer), deal, content=content)
    assert response.status_code == 201, response.json()
    body = response.json()
    document = Document.objects.get()
    assert body["id"] == document.pk
    assert (body["status"], body["content_type"], body["size_bytes"]) == (
        "pending_review",
        "application/pdf",
        len(content),
    )
    assert body["sha256"] == document.sha256 == hashlib.sha256(content).hexdigest()
    assert body["original_name"] == "bill-of-sale.pdf"
    assert body["quality"] is None  # the quality check is for staff
    assert document.uploaded_by == deal.dealer
    assert document.quality_score == 100
    assert document.file.name.startswith(f"deals/{deal.pk}/documents/")
    assert document.file.name.endswith(".pdf")
    with document.file.open("rb") as stored:
        assert stored.read() == content
    record = AuditLog.objects.get(action="document.upload")
    assert record.changes["sha256"] == document.sha256


def test_buyer_and_broker_of_the_deal_may_upload_and_staff_see_quality(client_for):
    broker = BrokerFactory()
    deal = DealFactory(broker=broker)
    assert upload(client_for(deal.buyer), deal, document_type="buyer_id", name="id.png",
                  content=png_bytes()).status_code == 201  # fmt: skip
    assert upload(client_for(broker), deal).status_code == 201
    staff_view = client_for(StaffFactory()).get("/api/v1/documents/", {"deal": deal.pk}).json()
    assert staff_view["count"] == 2
    assert {item["quality"]["recommendation"] for item in staff_view["results"]} <= {"accept", "review"}


def test_a_french_staff_member_reads_the_quality_findings_in_french(client_for):
    deal = DealFactory()
    photo = png_bytes(width=400, height=560, blur_radius=4)
    assert upload(client_for(deal.dealer), deal, content=photo, name="invoice.png",
                  document_type="commercial_invoice").status_code == 201  # fmt: skip
    quality = (
        client_for(StaffFactory(preferred_language="fr")).get("/api/v1/documents/").json()["results"][0]["quality"]
    )
    issues = quality["issues"]
    assert (quality["recommendation"], len(issues)) == ("request_better_copy", 3)
    assert issues[0] == "Basse résolution (400 x 560 px)\u00a0: un texte aussi petit est difficile à lire."
    assert issues[1].startswith("L'image semble floue (netteté de ")
    assert (
        issues[2]
        == "Ce type de document est normalement délivré en PDF\u00a0; une photo de celui-ci peut être refusée."
    )


def test_a_buyer_of_another_deal_can_neither_upload_nor_list_nor_see(client_for):
    deal = DealFactory()
    document = DocumentFactory(deal=deal)
    stranger = client_for(BuyerFactory())
    response = upload(stranger, deal)
    assert response.status_code == 400
    assert response.json()["fields"]["deal"] == [f"No deal you take part in has the id {deal.pk}."]
    assert stranger.get("/api/v1/documents/", {"deal": deal.pk}).json()["count"] == 0
    assert stranger.get(f"/api/v1/documents/{document.pk}/").status_code == 404
    assert stranger.get(f"/api/v1/documents/{document.pk}/download-link/").status_code == 404
    assert Document.objects.count() == 1


def test_a_lying_file_is_refused_with_a_field_message_and_nothing_is_stored(client_for):
    deal = DealFactory()
    client = client_for(deal.dealer)
    text = upload(client, deal, content=b"I am a text file", name="title.pdf")
    assert text.status_code == 400
    assert text.json()["code"] == "invalid_file"
    assert "none of these although its name ends in .pdf" in text.json()["fields"]["file"][0]
    png_as_pdf = upload(client, deal, content=png_bytes(width=300, height=300), name="title.pdf")
    assert png_as_pdf.status_code == 400
    assert png_as_pdf.json()["fields"]["file"][0].startswith("This file is a PNG but its name ends in .pdf")
    assert not Document.objects.exists()


def test_a_file_over_15_mb_is_refused(client_for):
    deal = DealFactory()
    response = upload(client_for(deal.dealer), deal, content=b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES)
    assert response.status_code == 400
    assert response.json()["fields"]["file"] == ["A document is at most 15 MB; this file is 15.0 MB."]
    assert not Document.objects.exists()


def test_no_upload_on_a_cancelled_deal(client_for):
    deal = DealFactory(status=DealStatus.CANCELLED)
    response = upload(client_for(deal.dealer), deal)
    assert response.status_code == 409
    assert response.json()["code"] == "deal_closed"


def test_the_list_is_scoped_and_filtered(client_for, django_assert_max_num_queries):
    deal = DealFactory()
    DocumentFactory.create_batch(3, deal=deal)
    DocumentFactory(deal=deal, document_type="lien_search", status=DocumentStatus.VERIFIED)
    DocumentFactory()  # another deal's
    client = client_for(deal.buyer)
    with django_assert_max_num_queries(5):
        everything = client.get("/api/v1/documents/").json()
    assert everything["count"] == 4
    verified = client.get("/api/v1/documents/", {"status": "verified"}).json()
    assert [item["document_type"] for item in verified["results"]] == ["lien_search"]
    assert client.get("/api/v1/documents/", {"deal": 999999999}).json()["count"] == 0
