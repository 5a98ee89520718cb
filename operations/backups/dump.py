import hashlib
import tempfile
from pathlib import Path

from django.utils import timezone

from audit.services import audit_record
from operations.backups.base import BackupStore
from operations.backups.manifests import Manifest, backup_key
from operations.backups.postgres import client_run, current_database_name, database_connection, table_row_counts

# The audit action of a stored and checksummed backup: /metrics reads the newest one.
BACKUP_CREATED = "backup.created"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_create(*, store: BackupStore) -> Manifest:
    """Dump the database and upload the dump, then its manifest. pg_dump reads the snapshot our own
    REPEATABLE READ transaction exported, so the rows counted are exactly the rows dumped, whatever is
    written meanwhile."""
    created_at = timezone.now()
    key = backup_key(created_at=created_at)
    with tempfile.TemporaryDirectory(prefix="nzila-backup-") as folder:
        path = Path(folder) / "backup.dump"
        with database_connection() as connection, connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            client_run(["pg_dump", "--format=custom", "--compress=6", f"--snapshot={snapshot}", f"--file={path}"])
            tables = table_row_counts(cursor)
            cursor.execute("COMMIT")
        manifest = Manifest(
            key=key,
            created_at=created_at,
            database=current_database_name(),
            sha256=file_sha256(path),
            size=path.stat().st_size,
            tables=tables,
        )
        store.upload(manifest.dump_key, path)
    store.write_text(manifest.manifest_key, manifest.to_json())
    audit_record(action=BACKUP_CREATED, object_repr=key, changes={"sha256": manifest.sha256, "size": manifest.size})
    return manifest
