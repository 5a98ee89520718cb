import hashlib

import factory
from django.core.files.base import ContentFile

from deals.tests.factories import DealFactory
from documents.models import Document, DocumentStatus, DocumentType, FileFormat
from documents.tests.samples import pdf_bytes

__all__ = ["DealFactory", "DocumentFactory"]

_PDF = pdf_bytes()


class DocumentFactory(factory.django.DjangoModelFactory):
    """A stored document as the upload service leaves it; tests of uploads go through the API."""

    class Meta:
        model = Document

    deal = factory.SubFactory(DealFactory)
    document_type = DocumentType.BILL_OF_SALE
    file = factory.LazyFunction(lambda: ContentFile(_PDF, name="document.pdf"))
    original_name = "bill-of-sale.pdf"
    content_type = FileFormat.PDF
    size_bytes = len(_PDF)
    sha256 = hashlib.sha256(_PDF).hexdigest()
    status = DocumentStatus.PENDING_REVIEW
    uploaded_by = factory.LazyAttribute(lambda document: document.deal.dealer)
    quality_score = 100
    quality_recommendation = "accept"
