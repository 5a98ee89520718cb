from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from nzila_export.transitions import transition_check
from privacy.models import DATA_REQUEST_MOVES, RESPONSE_DAYS, DataRequest, DataRequestStatus


@transaction.atomic
def data_request_record(*, user, kind: str, due_at: datetime | None = None, notes: str = "", by=None) -> DataRequest:
    """Enter a request in the register, due in 30 days unless `due_at` says otherwise. `by`: staff entering a
    request received outside the app; else the person made it."""
    received_at = timezone.now()
    data_request = DataRequest.objects.create(
        user=user,
        kind=kind,
        received_at=received_at,
        due_at=due_at or received_at + timedelta(days=RESPONSE_DAYS),
        notes=notes,
    )
    audit_record(action=f"privacy.{kind}_request", instance=data_request, user=by or user)
    return data_request


@transaction.atomic
def data_request_close(
    *, data_request: DataRequest, status: str, action: str, changes: dict | None = None, user=None
) -> DataRequest:
    """Complete or cancel a request, once, with the one audit record that says how it was answered (`action`,
    `changes`: never personal data, the audit log outlives the account)."""
    data_request = DataRequest.objects.select_for_update().get(pk=data_request.pk)
    transition_check(moves=DATA_REQUEST_MOVES, choices=DataRequestStatus, current=data_request.status, to=status)
    data_request.status = status
    data_request.completed_at = timezone.now()
    data_request.save(update_fields=["status", "completed_at", "updated_at"])
    audit_record(action=action, instance=data_request, user=user, changes={"status": status, **(changes or {})})
    return data_request
