"""Every write to documents: upload (with its replacement history and quality check) and review."""

import hashlib
import uuid
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from audit.services import audit_record
from deals.models import CLOSED_STATUSES, Deal
from deals.selectors import deal_is_party
from documents.filetypes import STORED_EXTENSION, file_format_detect
from documents.models import Document, DocumentStatus, DocumentType
from documents.quality import DocumentQualityChecker
from documents.selectors import identity_documents_of
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError


class DocumentNotReviewable(Conflict):
    code = "already_reviewed"


class DocumentNotReplaceable(Conflict):
    code = "not_replaceable"


class DealClosed(Conflict):
    code = "deal_closed"


class NotAParty(DomainError):
    status_code = 403
    code = "permission_denied"


@transaction.atomic
def document_upload(
    *,
    deal: Deal,
    document_type: str,
    content: bytes,
    original_name: str,
    user,
    replaces: Document | None = None,
) -> Document:
    """Store a deal's document privately, with its checksum and quality check. `replaces` names the
    rejected document of the same deal and type that this one replaces (each is replaced once).

    The file is written before the row; an upload rolled back later leaves a private file that no row
    names, under a random name: harmless, and cheaper than a rollback hook Django does not have."""
    if not deal_is_party(deal=deal, user=user):
        raise NotAParty(gettext("Only the deal's dealer, buyer, broker or staff upload its documents."))
    if deal.status in CLOSED_STATUSES:
        raise DealClosed(
            gettext("This deal is %(status)s; its documents can no longer change.")
            % {"status": deal.get_status_display().lower()}
        )
    if document_type not in DocumentType.values:
        raise DomainError(gettext("Unknown document type %(type)r.") % {"type": document_type}, field="document_type")
    if replaces is not None:
        replaces = Document.objects.select_for_update().get(pk=replaces.pk)
        _check_replaceable(replaces=replaces, deal=deal, document_type=document_type)
    file_format = file_format_detect(content=content, name=original_name)
    quality = DocumentQualityChecker().check_content(
        content=content, file_format=file_format, document_type=document_type
    )
    document = Document(
        deal=deal,
        document_type=document_type,
        original_name=(original_name or "document")[:255],
        uploaded_by=user,
        replaces=replaces,
        quality_score=quality["score"],
        quality_issues=quality["issues"],
        quality_recommendation=quality["recommendation"],
    )
    _document_file_store(document=document, content=content, file_format=file_format)
    audit_record(
        action="document.upload",
        instance=document,
        user=user,
        changes={
            "deal": deal.pk,
            "document_type": document_type,
            "sha256": document.sha256,
            "size_bytes": document.size_bytes,
            "replaces": replaces.pk if replaces else None,
            "quality_score": document.quality_score,
        },
    )
    return document


def _document_file_store(*, document: Document, content: bytes, file_format: str) -> None:
    """Write the bytes privately and save the row with what they are. The stored name is ours (never
    the uploader's), with the extension of what the bytes are."""
    document.content_type = file_format
    document.size_bytes = len(content)
    document.sha256 = hashlib.sha256(content).hexdigest()
    document.file.save(f"{uuid.uuid4().hex}.{STORED_EXTENSION[file_format]}", ContentFile(content), save=False)
    document.save()


@transaction.atomic
def document_file_generated(
    *, deal: Deal, document_type: str, content: bytes, original_name: str, note: str
) -> Document:
    """File a document the platform made itself (an invoice's commercial invoice): stored like an
    upload, and verified at once, since nobody needs to check what the platform wrote; the quality
    check, which looks for bad scans and photos, is not run (no score)."""
    file_format = file_format_detect(content=content, name=original_name)
    document = Document(
        deal=deal,
        document_type=document_type,
        original_name=original_name[:255],
        status=DocumentStatus.VERIFIED,
        reviewed_at=timezone.now(),
        review_note=note,
    )
    _document_file_store(document=document, content=content, file_format=file_format)
    audit_record(
        action="document.generated",
        instance=document,
        changes={
            "deal": deal.pk,
            "document_type": document_type,
            "sha256": document.sha256,
            "size_bytes": document.size_bytes,
        },
    )
    return document


def _check_replaceable(*, replaces: Document, deal: Deal, document_type: str) -> None:
    if replaces.deal_id != deal.pk:
        raise DomainError(gettext("The document to replace belongs to another deal."), field="replaces")
    if replaces.status != DocumentStatus.REJECTED:
        raise DocumentNotReplaceable(
            gettext("Only a rejected document can be replaced; document %(document)s is %(status)s.")
            % {"document": replaces.pk, "status": replaces.get_status_display().lower()},
            field="replaces",
        )
    if replaces.document_type != document_type:
        raise DomainError(
            gettext("A replacement is of the same type as the document it replaces (%(type)s).")
            % {"type": replaces.document_type},
            field="document_type",
        )
    if Document.objects.filter(replaces=replaces).exists():
        raise DocumentNotReplaceable(
            gettext("Document %(document)s has already been replaced; replace the newest copy instead.")
            % {"document": replaces.pk},
            field="replaces",
        )


@transaction.atomic
def document_review(*, document: Document, decision: str, note: str, reviewer) -> Document:
    """Staff verify or reject a pending document; the uploader is told, with the note."""
    if decision not in (DocumentStatus.VERIFIED, DocumentStatus.REJECTED):
        raise DomainError(gettext("The decision is verified or rejected."), field="decision")
    note = (note or "").strip()
    if decision == DocumentStatus.REJECTED and not note:
        raise DomainError(gettext("Say why the document is rejected, so that the uploader can fix it."), field="note")
    document = (
        Document.objects.select_for_update(of=("self",)).select_related("deal", "uploaded_by").get(pk=document.pk)
    )
    if document.status != DocumentStatus.PENDING_REVIEW:
        raise DocumentNotReviewable(
            gettext("This document was already reviewed (%(status)s); a rejected one is replaced by a new upload.")
            % {"status": document.get_status_display().lower()}
        )
    document.status = decision
    document.review_note = note
    document.reviewed_by = reviewer
    document.reviewed_at = timezone.now()
    document.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at", "updated_at"])
    audit_record(
        action=f"document.{decision}",
        instance=document,
        user=reviewer,
        changes={"status": [DocumentStatus.PENDING_REVIEW, decision], "note": note},
    )
    if document.uploaded_by is not None:
        notify(
            event=f"document.{decision}",
            recipients=[document.uploaded_by],
            context={"document": document, "deal": document.deal, "note": note},
            related_object=document.deal,
        )
    return document


@transaction.atomic
def identity_documents_erase(*, user) -> int:
    """Delete the files of a person's identity documents from storage, once their account is anonymized
    (privacy, which audits it). Each row stays, without its file or original name, so that the deal's history
    still shows that an ID was checked. Files go once the transaction commits (a rollback keeps them).
    Returns how many were erased; a second run finds none."""
    documents = list(identity_documents_of(user=user).exclude(file="").select_for_update(of=("self",)))
    for document in documents:
        transaction.on_commit(partial(document.file.storage.delete, document.file.name))
    Document.objects.filter(pk__in=[document.pk for document in documents]).update(
        file="", original_name="", updated_at=timezone.now()
    )
    return len(documents)
