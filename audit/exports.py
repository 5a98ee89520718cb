"""The audit log as CSV, one line at a time, for the admin's and the API's exports."""

import csv
import json
from collections.abc import Iterator

from django.db import models

from audit.models import AuditLog

CSV_COLUMNS = [
    "id", "sequence", "timestamp", "user_id", "username", "action", "model_name", "object_id", "object_repr",
    "changes", "ip_address", "user_agent", "previous_hash", "row_hash",
]  # fmt: skip
CHUNK_SIZE = 2000


class _Echo:
    """A file-like object whose write returns the line, so that csv.writer yields lines to stream."""

    def write(self, value: str) -> str:
        return value


def audit_csv_lines(*, entries: models.QuerySet[AuditLog]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for entry in entries.select_related("user").iterator(chunk_size=CHUNK_SIZE):
        yield writer.writerow(
            _cell(value)
            for value in (
                entry.pk, entry.sequence, entry.timestamp.isoformat(), entry.user_id,
                entry.user.username if entry.user is not None else "", entry.action, entry.model_name,
                entry.object_id, entry.object_repr, json.dumps(entry.changes, ensure_ascii=False, sort_keys=True),
                entry.ip_address, entry.user_agent, entry.previous_hash, entry.row_hash,
            )
        )  # fmt: skip


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell starting like a formula is quoted so that a spreadsheet shows it instead of running it.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
