from celery import shared_task

from audit.services import audit_logs_delete_expired


@shared_task
def cleanup_old_audit_logs() -> int:
    """Monthly: delete the audit log entries past their retention, in batches (each batch commits, so a run
    cut short is taken up by the next)."""
    return audit_logs_delete_expired()
