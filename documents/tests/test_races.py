import threading

import pytest
from django.db import connection

from documents.models import Document, DocumentStatus
from documents.services import document_upload
from documents.tests.factories import DocumentFactory
from documents.tests.samples import pdf_bytes
from nzila_export.exceptions import DomainError


@pytest.mark.django_db(transaction=True)
def test_a_rejected_document_replaced_twice_at_once_is_replaced_once():
    rejected = DocumentFactory(status=DocumentStatus.REJECTED, review_note="Blurred")
    barrier = threading.Barrier(2)
    outcomes = []

    def replace():
        barrier.wait()
        try:
            document_upload(
                deal=rejected.deal,
                document_type=rejected.document_type,
                content=pdf_bytes(),
                original_name="again.pdf",
                user=rejected.deal.dealer,
                replaces=rejected,
            )
            outcomes.append("replaced")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=replace) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["not_replaceable", "replaced"]
    assert Document.objects.filter(replaces=rejected).count() == 1
