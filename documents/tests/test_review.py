import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from documents.models import Document, DocumentStatus
from documents.selectors import document_history
from documents.tests.factories import DocumentFactory
from documents.tests.samples import pdf_bytes
from notifications.models import MessageLog, Notification

pytestmark = pytest.mark.django_db


def review(client, document, **data):
    return client.post(f"/api/v1/documents/{document.pk}/review/", data)


def test_staff_verify_and_the_uploader_is_told(client_for, django_capture_on_commit_callbacks):
    document = DocumentFactory()
    staff = StaffFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = review(client_for(staff), document, decision="verified")
    assert response.status_code == 200, response.json()
    document.refresh_from_db()
    assert (document.status, document.reviewed_by, document.review_note) == ("verified", staff, "")
    assert document.reviewed_at is not None
    notification = Notification.objects.get(event="document.verified")
    assert notification.user == document.uploaded_by
    assert notification.title == f"Document verified: Bill of sale for deal {document.deal_id}"
    assert MessageLog.objects.filter(user=document.uploaded_by, event="document.verified", channel="email").exists()
    assert AuditLog.objects.get(action="document.verified").changes == {
        "status": ["pending_review", "verified"],
        "note": "",
    }


def test_rejecting_needs_a_note_and_the_note_reaches_the_uploader_in_french(client_for):
    document = DocumentFactory()
    document.uploaded_by.preferred_language = "fr"
    document.uploaded_by.save()
    client = client_for(StaffFactory())
    refused = review(client, document, decision="rejected", note="  ")
    assert refused.status_code == 400
    assert refused.json()["fields"] == {"note": ["Say why the document is rejected, so that the uploader can fix it."]}
    document.refresh_from_db()
    assert document.status == "pending_review"
    assert not Notification.objects.exists()

    assert review(client, document, decision="rejected", note="The VIN is cut off.").status_code == 200
    notification = Notification.objects.get(event="document.rejected")
    assert notification.title.startswith("Document refusé")
    assert "Motif : The VIN is cut off." in notification.body


def test_only_staff_review_and_a_reviewed_document_is_not_reviewed_again(client_for):
    document = DocumentFactory()
    assert review(client_for(document.deal.dealer), document, decision="verified").status_code == 403
    staff = client_for(StaffFactory())
    assert review(staff, document, decision="verified").status_code == 200
    again = review(staff, document, decision="rejected", note="Changed my mind")
    assert again.status_code == 409
    assert again.json()["code"] == "already_reviewed"
    document.refresh_from_db()
    assert document.status == "verified"


def test_a_rejected_document_is_replaced_and_its_history_kept(client_for):
    rejected = DocumentFactory(status=DocumentStatus.REJECTED, review_note="Blurred")
    client = client_for(rejected.deal.dealer)

    def replace(target, document_type="bill_of_sale"):
        return client.post(
            "/api/v1/documents/",
            {
                "deal": rejected.deal_id,
                "document_type": document_type,
                "replaces": target.pk,
                "file": SimpleUploadedFile("bill-of-sale-v2.pdf", pdf_bytes(text="Bill of sale v2")),
            },
            format="multipart",
        )

    assert replace(rejected, document_type="lien_search").json()["fields"] == {
        "document_type": ["A replacement is of the same type as the document it replaces (bill_of_sale)."]
    }
    response = replace(rejected)
    assert response.status_code == 201, response.json()
    replacement = Document.objects.get(pk=response.json()["id"])
    assert replacement.replaces == rejected
    rejected.refresh_from_db()
    assert rejected.status == "rejected"
    assert rejected.review_note == "Blurred"
    assert client.get(f"/api/v1/documents/{rejected.pk}/").json()["replaced_by"] == replacement.pk
    assert document_history(document=replacement) == [rejected, replacement]
    assert document_history(document=rejected) == [rejected, replacement]

    twice = replace(rejected)
    assert twice.status_code == 409
    assert twice.json()["fields"]["replaces"] == [
        f"Document {rejected.pk} has already been replaced; replace the newest copy instead."
    ]
    pending = replace(replacement)
    assert pending.status_code == 409
    assert pending.json()["code"] == "not_replaceable"
    assert Document.objects.count() == 2
