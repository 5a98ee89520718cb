"""A task for the worker tests only (the test worker imports it with --include)."""

import time
from pathlib import Path

from celery import shared_task

from nzila_export.logging import request_id_var


@shared_task(name="operations.tests.worker_tasks.record_once")
def record_once(folder: str) -> None:
    """Note each start, wait for the test's release marker, then write one row: the request id it ran with."""
    folder_path = Path(folder)
    with (folder_path / "started").open("a") as started:
        started.write("start\n")
    while not (folder_path / "release").exists():
        time.sleep(0.05)
    with (folder_path / "done").open("a") as done:
        done.write(request_id_var.get() + "\n")
