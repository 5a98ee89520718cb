"""Access requests: a person's request for their data, answered with a ZIP built at once for a small account,
or by a worker for a large one (privacy.services.exports), whose link is then e-mailed."""

from django.conf import settings
from django.db import transaction

from nzila_export.signed_links import DownloadLink
from privacy.links import export_download_link
from privacy.models import DataRequest, DataRequestKind
from privacy.personal_data import personal_data_size
from privacy.selectors import access_request_pending
from privacy.services.exports import export_build
from privacy.services.requests import data_request_record
from privacy.tasks import build_access_export


@transaction.atomic
def access_request(*, user) -> tuple[DataRequest, DownloadLink | None]:
    """Record a person's request for their data and answer it: with the link when it could be built at once,
    without (the worker e-mails it) when the account is over PRIVACY_EXPORT_ASYNC_ABOVE_ROWS or _BYTES. Asked
    again while a worker builds it, the pending request is the answer."""
    pending = access_request_pending(user=user)
    if pending is not None:
        return pending, None
    data_request = data_request_record(user=user, kind=DataRequestKind.ACCESS)
    rows, size = personal_data_size(user=user)
    if rows > settings.PRIVACY_EXPORT_ASYNC_ABOVE_ROWS or size > settings.PRIVACY_EXPORT_ASYNC_ABOVE_BYTES:
        transaction.on_commit(lambda: build_access_export.delay(data_request.pk))
        return data_request, None
    data_request = export_build(data_request=data_request)
    return data_request, export_download_link(data_request=data_request)
