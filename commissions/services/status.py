"""The one place a commission's status is set: checked against COMMISSION_MOVES, stamped, saved, audited."""

from django.utils import timezone

from audit.services import audit_record
from commissions.models import COMMISSION_MOVES, Commission, CommissionStatus
from nzila_export.transitions import transition_check


def commission_status_set(
    *, commission: Commission, to: str, action: str, user=None, changes: dict | None = None, **fields
) -> Commission:
    """Move a locked commission to `to` (InvalidTransition if COMMISSION_MOVES does not allow it), with
    `fields` set beside it, and audit it as `action`."""
    transition_check(moves=COMMISSION_MOVES, choices=CommissionStatus, current=commission.status, to=to)
    before = commission.status
    commission.status, commission.status_changed_at = to, timezone.now()
    for name, value in fields.items():
        setattr(commission, name, value)
    commission.save(update_fields=["status", "status_changed_at", "updated_at", *fields])
    audit_record(action=action, instance=commission, user=user, changes={"status": [before, to], **(changes or {})})
    return commission
