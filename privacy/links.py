"""The signed links of privacy (nzila_export.signed_links): the download of an access request's ZIP, and the
cancellation of a deletion request. The token is the credential: the first is opened by a browser from an
e-mail, the second by the person whose account is closed and so cannot sign in."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext

from audit.services import audit_record
from nzila_export.exceptions import DomainError
from nzila_export.signed_links import (
    DownloadLink,
    DownloadLinkExpired,
    DownloadLinkInvalid,
    signed_link_make,
    signed_link_open,
)
from privacy.models import DataRequest, DataRequestKind, DataRequestStatus

EXPORT_SALT = "privacy.export"
CANCEL_SALT = "privacy.deletion_cancel"


class CancelLinkInvalid(DomainError):
    status_code = 404
    code = "not_found"

    def __init__(self):
        super().__init__(gettext("This link is not valid."))


class DeletionNoLongerCancellable(DomainError):
    status_code = 410
    code = "cancel_closed"

    def __init__(self):
        super().__init__(
            gettext("The grace period of this deletion is over, or the request was already processed or cancelled.")
        )


def export_link_lifetime() -> timedelta:
    return timedelta(days=settings.PRIVACY_EXPORT_LINK_DAYS)


def export_download_link(*, data_request: DataRequest) -> DownloadLink:
    return signed_link_make(
        view_name="privacy-export-download",
        payload={"request": data_request.pk},
        salt=EXPORT_SALT,
        max_age=export_link_lifetime(),
    )


def export_download_open(*, token: str) -> DataRequest:
    """The answered access request a fresh token names, with its ZIP (the download is audited);
    DownloadLinkInvalid (404) or DownloadLinkExpired (410) otherwise."""
    payload = signed_link_open(token=token, lifetimes={EXPORT_SALT: export_link_lifetime()})
    data_request = DataRequest.objects.filter(pk=payload.get("request"), kind=DataRequestKind.ACCESS).first()
    if data_request is None or not data_request.export_file:
        raise DownloadLinkInvalid()
    audit_record(action="privacy.export_download", instance=data_request, user=None)
    return data_request


def deletion_cancel_token(*, data_request: DataRequest) -> str:
    """The token for the front end's page (settings.PRIVACY_DELETION_CANCEL_URL), which posts it to the
    privacy-deletion-cancel view: signed as signed_link_make signs, without a path of its own."""
    return signing.TimestampSigner(salt=CANCEL_SALT).sign_object({"request": data_request.pk})


def _deletion_cancel_payload(*, token: str) -> dict:
    """CancelLinkInvalid (404) unless we signed the token; DeletionNoLongerCancellable (410) once the grace
    period it was made for has passed."""
    grace = timedelta(days=settings.PRIVACY_DELETION_GRACE_DAYS)
    try:
        return signed_link_open(token=token, lifetimes={CANCEL_SALT: grace})
    except DownloadLinkExpired as error:
        raise DeletionNoLongerCancellable() from error
    except DownloadLinkInvalid as error:
        raise CancelLinkInvalid() from error


def deletion_cancel_open(*, token: str, lock: bool = False) -> DataRequest:
    """The deletion request a token names while it may still be cancelled (in its grace period, neither
    processed nor cancelled); CancelLinkInvalid or DeletionNoLongerCancellable otherwise."""
    payload = _deletion_cancel_payload(token=token)
    requests = DataRequest.objects.select_for_update() if lock else DataRequest.objects
    data_request = requests.filter(pk=payload.get("request"), kind=DataRequestKind.DELETION).first()
    if data_request is None:
        raise CancelLinkInvalid()
    if data_request.status != DataRequestStatus.RECEIVED or data_request.due_at <= timezone.now():
        raise DeletionNoLongerCancellable()
    return data_request
