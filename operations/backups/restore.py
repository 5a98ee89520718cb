import secrets
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext
from psycopg.types.json import Jsonb

from nzila_export.exceptions import Conflict, DomainError
from operations.backups.base import BackupStore
from operations.backups.dump import backup_create, file_sha256
from operations.backups.manifests import Manifest, backup_manifest, backups_list
from operations.backups.postgres import (
    DATABASE_NAME,
    client_run,
    database_connection,
    database_create,
    database_drop,
    database_exists,
    table_row_counts,
)


class BackupCorrupted(DomainError):
    code = "backup_corrupted"


class RestoreMismatch(DomainError):
    code = "restore_mismatch"


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    tables: dict[str, int]
    seconds: float


RESTORED_RECORD = """
    INSERT INTO audit_auditlog (action, model_name, object_id, object_repr, changes, user_agent, "timestamp",
                                previous_hash, row_hash)
    VALUES ('backup.restored', '', '', %s, %s, '', now(), '', '')
"""


def backup_restore(*, store: BackupStore, into: str, key: str | None = None) -> Restored:
    """Restore backup `key` (default the newest) into the new database `into`, once its checksum matches
    its manifest, then check the rows of every table against the manifest. A database that exists is
    refused: a restore never writes over one."""
    started = time.monotonic()
    if not DATABASE_NAME.match(into):
        raise DomainError(
            gettext("'%(name)s' is not a database name we create: lower-case letters, digits and _.") % {"name": into},
            field="into",
        )
    if database_exists(name=into):
        raise Conflict(gettext("The database %(name)s already exists; restore into a new one.") % {"name": into})
    manifest = backup_manifest(store=store, key=key)
    with tempfile.TemporaryDirectory(prefix="nzila-restore-") as folder:
        path = Path(folder) / "backup.dump"
        store.download(manifest.dump_key, path)
        if file_sha256(path) != manifest.sha256:
            raise BackupCorrupted(
                gettext("The backup %(key)s does not match its checksum; it was not restored.") % {"key": manifest.key}
            )
        database_create(name=into)
        client_run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={into}", str(path)], database=into)
    with database_connection(database=into) as connection, connection.cursor() as cursor:
        tables = table_row_counts(cursor)
        # Recorded in the restored database, which is the platform's from now on: the one it was restored
        # from may be the one that was lost. The trigger seals the row into its chain.
        cursor.execute(RESTORED_RECORD, [manifest.key, Jsonb({"into": into})])
    if tables != manifest.tables:
        differences = sorted(set(tables.items()) ^ set(manifest.tables.items()))
        raise RestoreMismatch(
            gettext(
                "The database %(name)s does not have the rows of backup %(key)s: %(tables)s. It is kept for inspection."
            )
            % {"name": into, "key": manifest.key, "tables": ", ".join(sorted({table for table, _ in differences}))}
        )
    return Restored(manifest=manifest, tables=tables, seconds=time.monotonic() - started)


@dataclass(frozen=True)
class Drill:
    backup_seconds: float
    restored: Restored  # its seconds are the recovery time (RTO)
    previous_backup_age: timedelta | None  # how much would have been lost had the database died (RPO)


def restore_drill(*, store: BackupStore) -> Drill:
    """Back up, restore into a scratch database, check, drop it."""
    backups = backups_list(store=store)
    previous_age = timezone.now() - next(reversed(backups.values())) if backups else None
    started = time.monotonic()
    manifest = backup_create(store=store)
    backup_seconds = time.monotonic() - started
    # A name of our own, which no other database (another drill's among them) can have: it is dropped below.
    scratch = f"drill_{manifest.created_at:%Y%m%d%H%M%S}_{secrets.token_hex(4)}"
    try:
        restored = backup_restore(store=store, into=scratch, key=manifest.key)
    finally:
        database_drop(name=scratch)
    return Drill(backup_seconds=backup_seconds, restored=restored, previous_backup_age=previous_age)
