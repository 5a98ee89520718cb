from datetime import date

from celery import shared_task
from django.utils import timezone

from privacy.services.deletion import deletion_requests_process
from privacy.services.exports import access_export_send, export_files_purge


@shared_task(acks_late=True)
def build_access_export(data_request_id: int) -> bool:
    """A large account's export: build the ZIP and e-mail its link, once (a rerun finds it answered)."""
    return access_export_send(data_request_id=data_request_id)


@shared_task
def process_deletion_requests(day: str | None = None) -> int:
    """Daily (03:30 Toronto): anonymize the accounts whose grace period has passed, each once."""
    return deletion_requests_process(on=date.fromisoformat(day) if day else timezone.localdate())


@shared_task
def purge_expired_exports() -> int:
    """Daily: delete the export ZIPs whose download link has expired."""
    return export_files_purge()
