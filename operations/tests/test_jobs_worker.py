"""A real worker, killed mid-task: the task is not lost, and is done once (acks late, Redis visibility
timeout). Also follows the request id from the queueing code to the task."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings

from nzila_export.celery import app
from nzila_export.logging import request_id_var

QUEUE = "test-jobs"


def _start_worker() -> subprocess.Popen:
    environment = {
        **{name: value for name, value in os.environ.items() if name != "PYTEST_XDIST_WORKER"},
        "DJANGO_SETTINGS_MODULE": "nzila_export.settings_test",
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,  # this test process's broker, under xdist too
        "CELERY_VISIBILITY_TIMEOUT_SECONDS": "1",  # an unacknowledged task comes back after a second
    }
    command = [
        sys.executable, "-m", "celery", "-A", "nzila_export", "worker", "-Q", QUEUE, "-P", "solo",
        "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING",
        "--include", "operations.tests.worker_tasks",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=environment, stdout=subprocess.DEVNULL)


def _wait_for(path: Path, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.05)


@pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")  # send_task always sends
def test_a_task_cut_short_by_a_killed_worker_is_done_once_by_the_next(tmp_path):
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.delete(QUEUE, "unacked", "unacked_index")
    token = request_id_var.set("request-from-the-test")
    try:
        app.send_task("operations.tests.worker_tasks.record_once", args=[str(tmp_path)], queue=QUEUE)
    finally:
        request_id_var.reset(token)

    workers = [_start_worker()]
    try:
        _wait_for(tmp_path / "started")
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait()
        (tmp_path / "release").touch()
        workers.append(_start_worker())
        _wait_for(tmp_path / "done")
        workers[1].terminate()  # a warm shutdown: acknowledges what it has done
        workers[1].wait(timeout=15)
        left = (broker.llen(QUEUE), broker.hlen("unacked"))
    finally:
        for worker in workers:
            worker.kill()
            worker.wait()
        broker.delete(QUEUE, "unacked", "unacked_index")

    assert (tmp_path / "started").read_text().splitlines() == ["start", "start"]
    assert (tmp_path / "done").read_text().splitlines() == ["request-from-the-test"]
    assert left == (0, 0)
