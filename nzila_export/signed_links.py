"""Short-lived signed links: how a file leaves private storage without the API's bearer token.

A link carries a token signed with the SECRET_KEY (TimestampSigner, one salt per kind of link) naming
what it opens and for whom. Whoever holds it within its lifetime gets the file, like a presigned S3
URL, so that a browser, or WhatsApp fetching a message's media, can open it; a forged token is 404 and
a stale one 410. The salt keeps each kind apart: a token made for one view opens nothing in another,
and a kind's lifetime is checked against the time the token was signed, on the server.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core import signing
from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from nzila_export.exceptions import DomainError


class DownloadLinkInvalid(DomainError):
    status_code = 404
    code = "not_found"

    def __init__(self):
        super().__init__(gettext("This download link is not valid."))


class DownloadLinkExpired(DomainError):
    status_code = 410
    code = "link_expired"

    def __init__(self):
        super().__init__(gettext("This download link has expired; ask for a new one."))


@dataclass(frozen=True)
class DownloadLink:
    path: str
    expires_at: datetime


def signed_link_make(*, view_name: str, payload: dict, salt: str, max_age: timedelta) -> DownloadLink:
    """A link to `view_name`, whose one argument is `token`, carrying `payload`."""
    token = signing.TimestampSigner(salt=salt).sign_object(payload)
    return DownloadLink(path=reverse(view_name, kwargs={"token": token}), expires_at=timezone.now() + max_age)


def signed_link_open(*, token: str, lifetimes: dict[str, timedelta]) -> dict:
    """The payload of a token signed with one of `lifetimes`' salts and younger than that salt's
    lifetime; DownloadLinkExpired when it is older, DownloadLinkInvalid when no salt signed it."""
    for salt, max_age in lifetimes.items():
        try:
            payload = signing.TimestampSigner(salt=salt).unsign_object(token, max_age=max_age)
        except signing.SignatureExpired as error:
            raise DownloadLinkExpired() from error
        except (signing.BadSignature, ValueError, TypeError):
            continue
        if isinstance(payload, dict):
            return payload
    raise DownloadLinkInvalid()


def signed_link_file_response(file, *, filename: str, content_type: str) -> FileResponse:
    """What a signed link opens: `file` (a stored file) as a download that no cache keeps, since the link,
    not a session, was the credential."""
    response = FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response
