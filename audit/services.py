from collections.abc import Iterator

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models, transaction

from audit.context import client_ip, current_request
from audit.exports import audit_csv_lines
from audit.masking import changes_mask
from audit.models import AUDIT_RETENTION_YEARS, AuditLog
from nzila_export.field_encryption import EncryptedTextField, masked, revealed

USER_AGENT_MAX_LENGTH = 512
RETENTION_BATCH_SIZE = 10_000


def audit_record(
    *,
    action: str,
    instance: models.Model | None = None,
    changes: dict | None = None,
    user=None,
    object_repr: str = "",
) -> AuditLog:
    """Record that `action` happened (to `instance`, if any). The request's user, IP and user agent
    are filled in from the current request; pass `user` when acting for someone else or outside a
    request (a task, a command, a failed sign-in). Secrets in `changes` are masked (audit.masking); the
    database seals the row into the chain when the transaction commits."""
    request = current_request.get()
    if user is None and request is not None:
        request_user = getattr(request, "user", None)
        user = request_user if request_user is not None and request_user.is_authenticated else None
    return AuditLog.objects.create(
        user=user,
        action=action,
        model_name=instance._meta.label if instance is not None else "",
        object_id=str(instance.pk) if instance is not None else "",
        object_repr=(object_repr or (str(instance) if instance is not None else ""))[:255],
        changes=changes_mask(changes or {}),
        ip_address=client_ip(request) if request is not None else None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX_LENGTH] if request is not None else "",
    )


def field_changes(*, instance: models.Model, data: dict) -> dict:
    """{field: [old, new]} for each field in `data` whose value differs on `instance`, as JSON-safe text; an
    encrypted field's values (nzila_export.field_encryption) are compared in clear and recorded masked."""
    changes = {}
    for field, new_value in data.items():
        old_value = getattr(instance, field)
        if isinstance(_model_field(instance, field), EncryptedTextField):
            if revealed(old_value) != revealed(new_value):
                changes[field] = [masked(old_value) or None, masked(new_value) or None]
        elif old_value != new_value:
            changes[field] = [_as_text(old_value), _as_text(new_value)]
    return changes


def _model_field(instance: models.Model, name: str):
    try:
        return instance._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _as_text(value):
    return value if value is None or isinstance(value, bool | int) else str(value)


def audit_log_export(*, entries: models.QuerySet[AuditLog], filters: dict, user) -> Iterator[str]:
    """The CSV lines of `entries`, once the export itself is recorded with the filters it was asked with."""
    audit_record(action="audit.export", changes={"filters": filters}, user=user)
    return audit_csv_lines(entries=entries)


# The head of the chain, up to `batch` rows, cut at the first row (in chain order) not yet expired, so that
# what is deleted is always a prefix of the chain. The trigger allows these deletes only with
# nzila.audit_retention on in the transaction, and only for rows older than the same 7 years.
EXPIRED_HEAD_DELETE = """
    WITH head AS (
        SELECT id, sequence, "timestamp" FROM audit_auditlog
        WHERE sequence IS NOT NULL ORDER BY sequence LIMIT %(batch)s
    ), kept AS (
        SELECT min(sequence) AS sequence FROM head WHERE "timestamp" >= now() - make_interval(years => %(years)s)
    )
    DELETE FROM audit_auditlog WHERE id IN (
        SELECT head.id FROM head, kept WHERE kept.sequence IS NULL OR head.sequence < kept.sequence
    )
    RETURNING sequence, row_hash
"""


def audit_logs_delete_expired(*, batch_size: int = RETENTION_BATCH_SIZE) -> int:
    """Delete the rows older than AUDIT_RETENTION_YEARS, oldest in the chain first, `batch_size` per
    transaction; how many were deleted. Each batch records what it cut (audit.retention_cleanup), so that
    the chain stays verifiable from the first row kept: that row's previous_hash is the last deleted hash."""
    deleted = 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT set_config('nzila.audit_retention', 'on', true)")
            cursor.execute(EXPIRED_HEAD_DELETE, {"batch": batch_size, "years": AUDIT_RETENTION_YEARS})
            rows = cursor.fetchall()
            if rows:
                through_sequence, last_deleted_hash = max(rows)
                audit_record(
                    action="audit.retention_cleanup",
                    changes={
                        "deleted": len(rows), "through_sequence": through_sequence,
                        "last_deleted_hash": last_deleted_hash,
                    },
                )  # fmt: skip
        deleted += len(rows)
        if len(rows) < batch_size:
            return deleted
