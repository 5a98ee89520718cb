"""When each beat job and the last backup succeeded.

Jobs: from operations.models.JobRun, which every beat run updates. The backup: the newest `backup.created`
audit record, which operations.backups writes once a dump is stored with its checksum and manifest, whether
beat or a person ran it.
"""

from datetime import datetime

from audit.selectors import audit_action_last_at
from nzila_export.celery import BEAT_SCHEDULE
from operations.backups.dump import BACKUP_CREATED
from operations.models import JobRun


def job_last_successes() -> dict[str, datetime]:
    """Each beat job's last success; a job never seen to succeed is left out."""
    rows = JobRun.objects.filter(job__in=BEAT_SCHEDULE, succeeded_at__isnull=False).values_list("job", "succeeded_at")
    return dict(rows)


def backup_last_success() -> float | None:
    """Unix time of the last backup written, or None when there is none."""
    last = audit_action_last_at(action=BACKUP_CREATED)
    return last.timestamp() if last is not None else None
