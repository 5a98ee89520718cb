"""The export of a person's data: a ZIP (one JSON file per category of privacy.personal_data, a README.txt in
their language, their files under files/), written to private storage and handed out by a signed link; and the
purge of the ZIPs whose link has expired."""

import json
import shutil
import tempfile
import uuid
import zipfile
from datetime import datetime

from django.conf import settings
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone, translation

from notifications.services import notify
from privacy.links import export_download_link, export_link_lifetime
from privacy.models import DataRequest, DataRequestStatus
from privacy.personal_data import PersonalData, StoredFile, personal_data_collect
from privacy.readme import export_readme
from privacy.selectors import export_files_expired
from privacy.services.requests import data_request_close


class ExportEncoder(DjangoJSONEncoder):
    """Dates, decimals and, as text, what else a row holds (phone numbers, countries)."""

    def default(self, o):
        try:
            return super().default(o)
        except TypeError:
            return str(o)


@transaction.atomic
def access_export_send(*, data_request_id: int) -> bool:
    """The worker's part of a large export: build it, then tell its person where to download it. Whether it
    was built now: a second run finds the request answered and sends nothing."""
    data_request = DataRequest.objects.select_for_update().select_related("user").get(pk=data_request_id)
    if data_request.status != DataRequestStatus.RECEIVED:
        return False
    data_request = export_build(data_request=data_request)
    link = export_download_link(data_request=data_request)
    notify(
        event="privacy.export_ready",
        recipients=[data_request.user],
        context={"download_url": settings.SITE_URL.rstrip("/") + link.path, "expires_at": link.expires_at},
    )
    return True


def export_build(*, data_request: DataRequest) -> DataRequest:
    user = data_request.user
    with translation.override(user.preferred_language):  # the texts the platform stored, in the person's language
        data = personal_data_collect(user=user)
    with tempfile.TemporaryFile() as buffer:
        missing = _zip_write(buffer=buffer, data=data, user=user)
        buffer.seek(0)
        data_request.export_file.save(f"{uuid.uuid4().hex}.zip", File(buffer), save=False)
    data_request.save(update_fields=["export_file", "updated_at"])
    return data_request_close(
        data_request=data_request,
        status=DataRequestStatus.COMPLETED,
        action="privacy.export",
        changes={"files": len(data.files) - len(missing), "missing_files": len(missing)},
        user=user,
    )


def _zip_write(*, buffer, data: PersonalData, user) -> list[str]:
    """Write the archive into `buffer`; the paths of the files that storage no longer has."""
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in data.categories.items():
            archive.writestr(f"{name}.json", json.dumps(content, cls=ExportEncoder, ensure_ascii=False, indent=2))
        missing = [stored.path for stored in data.files if not _file_copy(archive=archive, stored=stored)]
        archive.writestr("README.txt", export_readme(user=user, missing=missing))
    return missing


def _file_copy(*, archive: zipfile.ZipFile, stored: StoredFile) -> bool:
    try:
        with stored.file.storage.open(stored.file.name, "rb") as source, archive.open(stored.path, "w") as target:
            shutil.copyfileobj(source, target)
    except FileNotFoundError:
        return False
    return True


def export_files_purge(*, now: datetime | None = None) -> int:
    """Delete the ZIPs whose link no longer works, so that no copy of anyone's data lingers; returns how many."""
    purged = 0
    for data_request in export_files_expired(before=(now or timezone.now()) - export_link_lifetime()):
        data_request.export_file.delete(save=False)
        data_request.save(update_fields=["export_file", "updated_at"])
        purged += 1
    return purged
