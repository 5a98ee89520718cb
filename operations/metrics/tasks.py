"""Celery task metrics, from Celery's own signals (the one way to see every task without touching it),
connected from OperationsConfig.ready."""

import time

from celery import signals
from django.conf import settings
from prometheus_client import start_http_server

from operations.metrics.instruments import (
    celery_task_duration,
    celery_task_failures,
    celery_task_runs,
    counted_registry,
)

_started: dict[str, float] = {}


def _task_started(task_id=None, **kwargs) -> None:
    _started[task_id] = time.perf_counter()


def _task_finished(task_id=None, task=None, state=None, **kwargs) -> None:
    started = _started.pop(task_id, None)
    if started is not None:
        celery_task_duration.labels(task=task.name).observe(time.perf_counter() - started)
    celery_task_runs.labels(task=task.name, state=state).inc()


def _task_failed(sender=None, **kwargs) -> None:
    celery_task_failures.labels(task=sender.name).inc()


def _serve_worker_metrics(**kwargs) -> None:
    """A worker's task series on their own port (METRICS_WORKER_PORT), for Prometheus to scrape on the
    private network: the web's /metrics sees only the web's processes."""
    if settings.METRICS_WORKER_PORT:
        start_http_server(settings.METRICS_WORKER_PORT, registry=counted_registry())


def watch_tasks() -> None:
    signals.worker_init.connect(_serve_worker_metrics, dispatch_uid="operations.metrics.worker_init", weak=False)
    signals.task_prerun.connect(_task_started, dispatch_uid="operations.metrics.task_prerun", weak=False)
    signals.task_postrun.connect(_task_finished, dispatch_uid="operations.metrics.task_postrun", weak=False)
    signals.task_failure.connect(_task_failed, dispatch_uid="operations.metrics.task_failure", weak=False)
