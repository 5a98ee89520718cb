"""Backups in a folder on disk (BACKUP_DIR), when no bucket is named: for development, or a mounted volume."""

import os
import shutil
from pathlib import Path

from operations.backups.base import StoredObject


class FolderStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key

    def upload(self, key: str, source: Path) -> None:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        shutil.copy2(source, partial)  # keeps the modification time, which the media sync compares
        os.replace(partial, target)  # a reader never sees half a file

    def download(self, key: str, target: Path) -> None:
        shutil.copyfile(self._path(key), target)

    def read_text(self, key: str) -> str:
        return self._path(key).read_text(encoding="utf-8")

    def write_text(self, key: str, text: str) -> None:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def inventory(self, prefix: str) -> dict[str, StoredObject]:
        folder = self._path(prefix)
        if not folder.is_dir():
            return {}
        found = {}
        for path in folder.rglob("*"):
            if path.is_file() and not path.name.endswith(".partial"):
                stat = path.stat()
                found[path.relative_to(self.root).as_posix()] = StoredObject(stat.st_size, stat.st_mtime)
        return found

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)
