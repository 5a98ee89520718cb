from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max

from nzila_export.celery import BEAT_SCHEDULE
from operations.jobs import job_is_late, job_schedule_text
from operations.models import JobRun


@dataclass(frozen=True)
class JobStatus:
    job: str
    schedule: str
    run: JobRun | None
    is_late: bool


def jobs_status(*, now: datetime) -> list[JobStatus]:
    """Every beat job, in schedule order, with its last run (None if never seen)."""
    runs = {run.job: run for run in JobRun.objects.all()}
    grace = timedelta(seconds=settings.JOBS_LATE_GRACE_SECONDS)
    statuses = []
    for job in BEAT_SCHEDULE:
        run = runs.get(job)
        is_late = job_is_late(job=job, succeeded_at=run.succeeded_at if run else None, now=now, grace=grace)
        statuses.append(JobStatus(job=job, schedule=job_schedule_text(job), run=run, is_late=is_late))
    return statuses


def job_last_started_at() -> datetime | None:
    return JobRun.objects.aggregate(last=Max("started_at"))["last"]
