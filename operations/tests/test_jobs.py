import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from invoices.tasks import check_overdue_invoices
from nzila_export.celery import BEAT_SCHEDULE
from operations.models import JobOutcome, JobRun
from webhooks.tasks import process_inbox_event, requeue_inbox_events

pytestmark = pytest.mark.django_db


def _tasks_without_arguments() -> set[str]:
    """Every Celery task of the project callable with no argument: a periodic job, by our convention."""
    names = set()
    for path in Path(settings.BASE_DIR).glob("*/tasks.py"):
        for node in ast.parse(path.read_text()).body:
            is_task = isinstance(node, ast.FunctionDef) and any(
                "shared_task" in ast.unparse(decorator) for decorator in node.decorator_list
            )
            if is_task:
                arguments = [argument.arg for argument in node.args.args if argument.arg != "self"]
                if len(arguments) == len(node.args.defaults):
                    names.add(f"{path.parent.name}.tasks.{node.name}")
    return names


def test_every_periodic_task_is_in_the_beat_schedule():
    scheduled = {entry["task"] for entry in BEAT_SCHEDULE.values()}
    assert _tasks_without_arguments() == scheduled


def test_a_beat_job_run_records_its_outcome_and_duration_and_other_tasks_none():
    requeue_inbox_events.delay()
    # As a worker runs them: a failure is stored, not raised (eager .delay() would raise before the signal).
    check_overdue_invoices.apply(args=["not-a-date"], throw=False)
    process_inbox_event.apply(args=[0], throw=False)

    runs = {run.job: run for run in JobRun.objects.all()}
    assert set(runs) == {"requeue-inbox-events", "check-overdue-invoices"}
    ok = runs["requeue-inbox-events"]
    assert (ok.outcome, ok.error, ok.succeeded_at) == (JobOutcome.OK, "", ok.finished_at)
    assert ok.duration == ok.finished_at - ok.started_at
    failed = runs["check-overdue-invoices"]
    assert (failed.outcome, failed.succeeded_at) == (JobOutcome.FAILED, None)
    assert failed.error.startswith("ValueError(")


def test_jobs_status_shows_every_job_and_flags_the_late_ones(capsys):
    now = timezone.now()
    JobRun.objects.create(
        job="check-stalled-deals", task="deals.tasks.check_stalled_deals", started_at=now - timedelta(days=3),
        outcome=JobOutcome.OK, succeeded_at=now - timedelta(days=3), duration=timedelta(seconds=2),
    )  # fmt: skip
    JobRun.objects.create(
        job="requeue-inbox-events", task="webhooks.tasks.requeue_inbox_events", started_at=now,
        outcome=JobOutcome.OK, succeeded_at=now, duration=timedelta(milliseconds=40),
    )  # fmt: skip

    with pytest.raises(CommandError, match=r"^Late jobs: check-stalled-deals\.$"):
        call_command("jobs_status")

    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert set(lines) == set(BEAT_SCHEDULE)
    assert lines["check-stalled-deals"].split()[1:4] == ["cron", "0", "9"]
    assert lines["check-stalled-deals"].endswith("LATE")
    assert "every 60 s" in lines["requeue-inbox-events"]
    assert not lines["requeue-inbox-events"].endswith("LATE")
    assert "never" in lines["reconcile-payments"]
