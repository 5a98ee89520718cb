"""The record of every beat job's runs: Celery's task signals write, for the tasks BEAT_SCHEDULE names,
when the job last started and finished, how long it took, how it ended and when it last succeeded.

The signals see every run, whether beat, `celery call` or an admin queued it: a run by hand is a run."""

from datetime import datetime, timedelta

from celery.schedules import crontab, maybe_schedule
from celery.signals import task_failure, task_prerun, task_success
from django.db.models import F
from django.utils import timezone

from nzila_export.celery import BEAT_SCHEDULE, app
from operations.models import JobOutcome, JobRun

ERROR_MAX_CHARS = 2000


def jobs_of_task(task_name: str) -> list[str]:
    return [job for job, entry in BEAT_SCHEDULE.items() if entry["task"] == task_name]


def job_runs_start(*, task_name: str, started_at: datetime) -> None:
    """No audit record: a run is the platform's own doing, and the minute jobs would flood the log."""
    for job in jobs_of_task(task_name):
        JobRun.objects.update_or_create(
            job=job,
            defaults={
                "task": task_name, "started_at": started_at, "finished_at": None, "duration": None,
                "outcome": JobOutcome.RUNNING, "error": "",
            },
        )  # fmt: skip


def job_runs_finish(*, task_name: str, finished_at: datetime, error: str | None) -> None:
    jobs = jobs_of_task(task_name)
    if not jobs:
        return
    changes = {"finished_at": finished_at, "duration": finished_at - F("started_at")}
    if error is None:
        changes.update(outcome=JobOutcome.OK, error="", succeeded_at=finished_at)
    else:
        changes.update(outcome=JobOutcome.FAILED, error=error[:ERROR_MAX_CHARS])
    JobRun.objects.filter(job__in=jobs).update(**changes)


def job_next_due(*, job: str, after: datetime) -> datetime:
    """When beat runs `job` next after `after`, by its crontab (in settings' time zone) or interval."""
    schedule = maybe_schedule(BEAT_SCHEDULE[job]["schedule"], app=app)
    if isinstance(schedule, crontab):
        start, delta, _now = schedule.remaining_delta(after)
        return start + delta
    return after + schedule.run_every


def job_schedule_text(job: str) -> str:
    schedule = maybe_schedule(BEAT_SCHEDULE[job]["schedule"], app=app)
    if isinstance(schedule, crontab):
        fields = ("minute", "hour", "day_of_month", "month_of_year", "day_of_week")
        return "cron " + " ".join(str(getattr(schedule, f"_orig_{field}")) for field in fields)
    return f"every {int(schedule.run_every.total_seconds())} s"


def job_is_late(*, job: str, succeeded_at: datetime | None, now: datetime, grace: timedelta) -> bool:
    """Late when the run due after the last success has not succeeded within the grace. A job never seen
    to succeed is not called late (a new platform has run nothing yet); its failures show as failed."""
    return succeeded_at is not None and job_next_due(job=job, after=succeeded_at) + grace < now


def _job_started(task=None, **kwargs) -> None:
    job_runs_start(task_name=task.name, started_at=timezone.now())


def _job_succeeded(sender=None, **kwargs) -> None:
    job_runs_finish(task_name=sender.name, finished_at=timezone.now(), error=None)


def _job_failed(sender=None, exception=None, **kwargs) -> None:
    job_runs_finish(task_name=sender.name, finished_at=timezone.now(), error=repr(exception))


def job_runs_watch() -> None:
    task_prerun.connect(_job_started, dispatch_uid="operations.jobs.task_prerun", weak=False)
    task_success.connect(_job_succeeded, dispatch_uid="operations.jobs.task_success", weak=False)
    task_failure.connect(_job_failed, dispatch_uid="operations.jobs.task_failure", weak=False)
