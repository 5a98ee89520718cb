"""Backups of the database and of uploaded files, their rotation and the restore drill.

Where they are kept: an S3 bucket (BACKUP_BUCKET; any S3-compatible store through AWS_S3_ENDPOINT_URL) or,
with no bucket, a folder on disk (BACKUP_DIR)."""

from django.conf import settings

from operations.backups.base import BackupStore
from operations.backups.folder import FolderStore
from operations.backups.s3 import S3Store


def backup_store() -> BackupStore:
    if settings.BACKUP_BUCKET:
        return S3Store(
            bucket=settings.BACKUP_BUCKET,
            endpoint_url=settings.BACKUP_S3_ENDPOINT_URL,
            region_name=settings.BACKUP_S3_REGION_NAME,
        )
    return FolderStore(settings.BACKUP_DIR)
