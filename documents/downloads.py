"""Short-lived signed download links (nzila_export.signed_links): the only way a document's bytes leave
storage. A party asks for a link (`document_download_link`), valid for DOWNLOAD_LINK_MAX_AGE, naming
the document and who asked."""

from datetime import timedelta

from accounts.models import User
from audit.services import audit_record
from documents.models import Document
from nzila_export.signed_links import DownloadLink, DownloadLinkInvalid, signed_link_make, signed_link_open

DOWNLOAD_LINK_MAX_AGE = timedelta(minutes=5)
SALT = "documents.download"


def document_download_link(*, document: Document, user) -> DownloadLink:
    audit_record(action="document.download_link", instance=document, user=user)
    return signed_link_make(
        view_name="document-download",
        payload={"document": document.pk, "user": user.pk},
        salt=SALT,
        max_age=DOWNLOAD_LINK_MAX_AGE,
    )


def document_download_open(*, token: str) -> Document:
    """The document a valid, fresh token names (the download is audited as the user the link was made
    for: the link is their credential); DownloadLinkInvalid or DownloadLinkExpired otherwise."""
    payload = signed_link_open(token=token, lifetimes={SALT: DOWNLOAD_LINK_MAX_AGE})
    document = Document.objects.filter(pk=payload.get("document")).first()
    if document is None:
        raise DownloadLinkInvalid()
    user = User.objects.filter(pk=payload.get("user")).first() if payload.get("user") else None
    audit_record(action="document.download", instance=document, user=user)
    return document
