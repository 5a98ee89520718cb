import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from accounts.tests.factories import StaffFactory
from documents.models import Document, DocumentStatus
from documents.tests.factories import DocumentFactory
from documents.tests.samples import pdf_bytes
from notifications.models import Notification

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/documents/document/"


@pytest.fixture
def staff_client(client, admin_login):
    admin_login(client, StaffFactory(is_superuser=True))
    return client


def test_the_list_filters_by_status_and_type_and_shows_quality(staff_client):
    DocumentFactory(quality_score=42, quality_recommendation="request_better_copy")
    DocumentFactory(status=DocumentStatus.VERIFIED, document_type="lien_search")
    response = staff_client.get(CHANGELIST, {"status__exact": "pending_review"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    assert b"42" in response.content
    assert staff_client.get(CHANGELIST, {"document_type__exact": "lien_search"}).context["cl"].result_count == 1


def test_verify_in_bulk_leaves_reviewed_documents_alone(staff_client):
    pending = DocumentFactory.create_batch(2)
    rejected = DocumentFactory(status=DocumentStatus.REJECTED, review_note="Blurred")
    ids = [document.pk for document in [*pending, rejected]]
    response = staff_client.post(CHANGELIST, {"action": "verify_selected", ACTION_CHECKBOX_NAME: ids}, follow=True)
    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == [
        "2 documents verified.",
        "1 selected document was already reviewed: left alone.",
    ]
    statuses = Document.objects.filter(pk__in=ids).order_by("pk").values_list("status", flat=True)
    assert list(statuses) == ["verified", "verified", "rejected"]
    assert Notification.objects.filter(event="document.verified").count() == 2


def test_reject_in_bulk_asks_for_a_note_first(staff_client):
    document = DocumentFactory()
    asked = staff_client.post(CHANGELIST, {"action": "reject_selected", ACTION_CHECKBOX_NAME: [document.pk]})
    assert asked.status_code == 200
    assert b"Reject these documents?" in asked.content
    document.refresh_from_db()
    assert document.status == "pending_review"
    staff_client.post(
        CHANGELIST,
        {"action": "reject_selected", ACTION_CHECKBOX_NAME: [document.pk], "apply": "1", "note": "Wrong car"},
    )
    document.refresh_from_db()
    assert (document.status, document.review_note) == ("rejected", "Wrong car")
    assert Notification.objects.get(event="document.rejected").user == document.uploaded_by


def test_the_change_page_is_the_review_form(staff_client):
    document = DocumentFactory()
    url = f"{CHANGELIST}{document.pk}/change/"
    page = staff_client.get(url)
    assert page.status_code == 200
    assert f"/admin/documents/document/{document.pk}/download/".encode() in page.content
    refused = staff_client.post(url, {"decision": "rejected", "note": ""})
    assert refused.status_code == 200  # the form again, with its error
    assert b"Say why the document is rejected" in refused.content
    staff_client.post(url, {"decision": "rejected", "note": "Unsigned"})
    document.refresh_from_db()
    assert (document.status, document.review_note) == ("rejected", "Unsigned")
    staff_client.post(url, {"decision": "verified", "note": ""})
    document.refresh_from_db()
    assert document.status == "rejected"  # a reviewed document is not reviewed again


def test_staff_download_through_a_signed_link(staff_client):
    document = DocumentFactory()
    redirect = staff_client.get(f"{CHANGELIST}{document.pk}/download/")
    assert redirect.status_code == 302
    assert redirect["Location"].startswith("/api/v1/documents/download/")
    download = staff_client.get(redirect["Location"])
    assert b"".join(download.streaming_content) == pdf_bytes()
