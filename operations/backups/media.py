"""Uploaded files kept on disk (MEDIA_ROOT, PRIVATE_MEDIA_ROOT: no bucket named) are copied into the
backup store under media/ and private_media/, only those new or changed since (another size, or modified
after the copy). A file deleted here is kept in the backup. Files on S3 are protected by the bucket's
versioning and cross-region replication instead (see the README)."""

from pathlib import Path

from django.conf import settings

from operations.backups.base import BackupStore


def media_sync(*, store: BackupStore) -> int:
    """Copy what is new or changed; how many files were copied."""
    copied = 0
    for prefix, root in (("media", settings.MEDIA_ROOT), ("private_media", settings.PRIVATE_MEDIA_ROOT)):
        root = Path(root)
        if not root.is_dir():
            continue
        stored = store.inventory(f"{prefix}/")
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            key = f"{prefix}/{path.relative_to(root).as_posix()}"
            stat = path.stat()
            known = stored.get(key)
            if known is None or known.size != stat.st_size or known.modified < stat.st_mtime:
                store.upload(key, path)
                copied += 1
    return copied
