from dataclasses import dataclass

from django.conf import settings

from operations.backups.base import BackupStore
from operations.backups.dump import backup_create
from operations.backups.manifests import Manifest
from operations.backups.media import media_sync
from operations.backups.rotation import backups_rotate


@dataclass(frozen=True)
class BackupRun:
    manifest: Manifest
    files_copied: int | None  # None when uploaded files are on S3, protected by the bucket's versioning
    deleted: list[str]


def backup_run(*, store: BackupStore) -> BackupRun:
    """What the hourly job does: dump the database, copy the uploaded files kept on disk, rotate."""
    manifest = backup_create(store=store)
    files_copied = None if settings.AWS_STORAGE_BUCKET_NAME else media_sync(store=store)
    return BackupRun(manifest=manifest, files_copied=files_copied, deleted=backups_rotate(store=store))
