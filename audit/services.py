from django.db import models

from audit.context import client_ip, current_request
from audit.models import AuditLog

USER_AGENT_MAX_LENGTH = 512


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
    request (a task, a command, a failed sign-in)."""
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
        changes=changes or {},
        ip_address=client_ip(request) if request is not None else None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX_LENGTH] if request is not None else "",
    )


def field_changes(*, instance: models.Model, data: dict) -> dict:
    """{field: [old, new]} for each field in `data` whose value differs on `instance`, as JSON-safe text."""
    changes = {}
    for field, new_value in data.items():
        old_value = getattr(instance, field)
        if old_value != new_value:
            changes[field] = [_as_text(old_value), _as_text(new_value)]
    return changes


def _as_text(value):
    return value if value is None or isinstance(value, bool | int) else str(value)
