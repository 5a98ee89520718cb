"""What a place that keeps backups offers. Keys are paths with slashes: database/<UTC time>.dump and
.json, media/..., private_media/...."""

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class StoredObject:
    size: int
    modified: float  # seconds since the epoch


class BackupStore(Protocol):
    def upload(self, key: str, source: Path) -> None: ...

    def download(self, key: str, target: Path) -> None: ...

    def read_text(self, key: str) -> str: ...

    def write_text(self, key: str, text: str) -> None: ...

    def inventory(self, prefix: str) -> dict[str, StoredObject]: ...

    def delete(self, key: str) -> None: ...
