import pytest
from django.utils import timezone

from operations.models import JobOutcome, JobRun

pytestmark = pytest.mark.django_db


def test_health_fails_on_a_quiet_beat_and_no_worker_where_they_are_required(api_client, settings):
    settings.HEALTH_REQUIRE_WORKERS = True
    settings.HEALTH_WORKER_PING_TIMEOUT_SECONDS = 0.2

    body = api_client.get("/api/v1/health/").json()

    assert body["status"] == "unavailable"
    assert body["failing"] == ["beat", "worker"]
    assert body["services"]["beat"] == "error: RuntimeError: no beat job has run yet"
    assert body["services"]["worker"] == "error: RuntimeError: no worker answered a ping within 0.2 s"


def test_health_says_beat_is_ok_when_a_job_started_lately(api_client, settings):
    settings.HEALTH_WORKER_PING_TIMEOUT_SECONDS = 0.2
    JobRun.objects.create(
        job="requeue-inbox-events", task="webhooks.tasks.requeue_inbox_events", started_at=timezone.now(),
        outcome=JobOutcome.RUNNING,
    )  # fmt: skip

    response = api_client.get("/api/v1/health/")

    assert response.status_code == 200
    assert response.json()["services"]["beat"] == "ok"
    assert response.json()["services"]["worker"] == "unknown: no worker answered a ping within 0.2 s"
