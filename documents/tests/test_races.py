import pytest

from documents.models import Document, DocumentStatus
from documents.services import document_upload
from documents.tests.factories import DocumentFactory
from documents.tests.samples import pdf_bytes


@pytest.mark.django_db(transaction=True)
def test_a_rejected_document_replaced_twice_at_once_is_replaced_once(run_at_once):
    rejected = DocumentFactory(status=DocumentStatus.REJECTED, review_note="Blurred")

    def replace():
        document_upload(
            deal=rejected.deal,
            document_type=rejected.document_type,
            content=pdf_bytes(),
            original_name="again.pdf",
            user=rejected.deal.dealer,
            replaces=rejected,
        )
        return "replaced"

    assert sorted(run_at_once(replace)) == ["not_replaceable", "replaced"]
    assert Document.objects.filter(replaces=rejected).count() == 1
