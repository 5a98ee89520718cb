"""Short-lived signed download links: the only way a document's bytes leave storage.

A party asks for a link (`document_download_link`); the link carries a token signed with the
SECRET_KEY (TimestampSigner, its own salt) naming the document and who asked, valid for
DOWNLOAD_LINK_MAX_AGE. Whoever holds the link within that time gets the file, like a presigned S3
URL, so that a browser can open it without the API's bearer token; a forged or stale token gets nothing.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from audit.services import audit_record
from documents.models import Document
from nzila_export.exceptions import DomainError

DOWNLOAD_LINK_MAX_AGE = timedelta(minutes=5)
SALT = "documents.download"


class DownloadLinkInvalid(DomainError):
    status_code = 404
    code = "not_found"


class DownloadLinkExpired(DomainError):
    status_code = 410
    code = "link_expired"


@dataclass(frozen=True)
class DownloadLink:
    path: str
    expires_at: datetime


def document_download_link(*, document: Document, user) -> DownloadLink:
    token = signing.TimestampSigner(salt=SALT).sign_object({"document": document.pk, "user": user.pk})
    audit_record(action="document.download_link", instance=document, user=user)
    return DownloadLink(
        path=reverse("document-download", kwargs={"token": token}),
        expires_at=timezone.now() + DOWNLOAD_LINK_MAX_AGE,
    )


def document_download_open(*, token: str) -> Document:
    """The document a valid, fresh token names (the download is audited, for the user the link was
    made for); DownloadLinkInvalid or DownloadLinkExpired otherwise."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        payload = signer.unsign_object(token, max_age=DOWNLOAD_LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise DownloadLinkExpired(gettext("This download link has expired; ask for a new one.")) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise DownloadLinkInvalid(gettext("This download link is not valid.")) from error
    document = Document.objects.filter(pk=payload.get("document")).first() if isinstance(payload, dict) else None
    if document is None:
        raise DownloadLinkInvalid(gettext("This download link is not valid."))
    audit_record(
        action="document.download", instance=document, user=None, changes={"link_for_user": payload.get("user")}
    )
    return document
