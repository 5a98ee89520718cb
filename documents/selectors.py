from django.db.models import QuerySet

from deals.selectors import deal_list_visible_to
from documents.models import Document, DocumentType

# The documents that identify a person (their ID), rather than a vehicle or a shipment.
IDENTITY_DOCUMENT_TYPES = (DocumentType.BUYER_ID,)


def identity_documents_of(*, user) -> QuerySet[Document]:
    """The identity documents of `user`: those on the deals it buys, whoever uploaded them."""
    return Document.objects.filter(document_type__in=IDENTITY_DOCUMENT_TYPES, deal__buyer=user)


def document_list_visible_to(*, user) -> QuerySet[Document]:
    """The documents of the deals the user takes part in (staff: all)."""
    documents = Document.objects.select_related("uploaded_by", "reviewed_by")
    if user.is_platform_staff:
        return documents
    return documents.filter(deal__in=deal_list_visible_to(user=user).values("pk"))


def document_history(*, document: Document) -> list[Document]:
    """The chain of copies this document belongs to, oldest first: each rejected copy and what replaced it."""
    chain = [document]
    current = document
    while current.replaces_id is not None:
        current = Document.objects.get(pk=current.replaces_id)
        chain.insert(0, current)
    current = document
    while (successor := Document.objects.filter(replaces=current).first()) is not None:
        chain.append(successor)
        current = successor
    return chain
