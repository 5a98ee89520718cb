"""A backup is two objects: database/<UTC time>.dump (pg_dump's custom format, compressed) and, written
after it, database/<UTC time>.json, its manifest: the dump's SHA-256 and size, and the rows of each table
in the snapshot that was dumped. A backup without its manifest is unfinished and is not listed."""

import json
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from django.utils.translation import gettext

from nzila_export.exceptions import DomainError
from operations.backups.base import BackupStore

PREFIX = "database/"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
MANIFEST_NAME = re.compile(r"database/(\d{8}T\d{6}Z)\.json")


class BackupNotFound(DomainError):
    status_code = 404
    code = "not_found"


@dataclass(frozen=True)
class Manifest:
    key: str  # database/<UTC time>, without extension
    created_at: datetime
    database: str
    sha256: str
    size: int
    tables: dict[str, int]

    @property
    def dump_key(self) -> str:
        return f"{self.key}.dump"

    @property
    def manifest_key(self) -> str:
        return f"{self.key}.json"

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "created_at": self.created_at.isoformat()}, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        data = json.loads(text)
        return cls(**{**data, "created_at": datetime.fromisoformat(data["created_at"])})


def backup_key(*, created_at: datetime) -> str:
    return PREFIX + created_at.astimezone(UTC).strftime(STAMP_FORMAT)


def backups_list(*, store: BackupStore) -> dict[str, datetime]:
    """{key: when it was taken} of the finished backups, oldest first."""
    found = {}
    for name in store.inventory(PREFIX):
        if match := MANIFEST_NAME.fullmatch(name):
            found[PREFIX + match[1]] = datetime.strptime(match[1], STAMP_FORMAT).replace(tzinfo=UTC)
    return dict(sorted(found.items(), key=lambda item: item[1]))


def backup_manifest(*, store: BackupStore, key: str | None = None) -> Manifest:
    """The manifest of backup `key` (database/<UTC time>, or just the time), else of the newest backup."""
    backups = backups_list(store=store)
    if key is None and backups:
        key = next(reversed(backups))
    elif key is not None and not key.startswith(PREFIX):
        key = PREFIX + key
    if key not in backups:
        raise BackupNotFound(gettext("There is no backup %(key)s.") % {"key": key or "-"})
    return Manifest.from_json(store.read_text(f"{key}.json"))
