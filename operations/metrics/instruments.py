"""The counted series. Under gunicorn's several workers, prometheus-client's multiprocess mode (chosen by
PROMETHEUS_MULTIPROC_DIR being set before it is imported) keeps each worker's values in files that the
/metrics view sums."""

import os

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, multiprocess

# Up to ten seconds, finer around the 500 ms that the p95 alert watches.
REQUEST_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0)
QUERY_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0)
TASK_BUCKETS = (0.05, 0.1, 0.5, 1.0, 5.0, 15.0, 60.0, 120.0, 300.0, 600.0)

http_request_duration = Histogram(
    "nzila_http_request_duration_seconds",
    "Requests served, by URL pattern, method and status code.",
    ["route", "method", "status"],
    buckets=REQUEST_BUCKETS,
)
db_queries = Counter("nzila_db_queries", "Database queries run, in web and worker processes.", ["database"])
db_query_duration = Histogram(
    "nzila_db_query_duration_seconds", "Database query durations.", ["database"], buckets=QUERY_BUCKETS
)
celery_task_runs = Counter("nzila_celery_task_runs", "Celery task runs, by task and final state.", ["task", "state"])
celery_task_failures = Counter("nzila_celery_task_failures", "Celery task runs that raised.", ["task"])
celery_task_duration = Histogram(
    "nzila_celery_task_duration_seconds", "Celery task run durations.", ["task"], buckets=TASK_BUCKETS
)


class _ThisProcess:
    """The values counted in this process, when there is one (runserver, a single gunicorn worker)."""

    def collect(self):
        return REGISTRY.collect()


def counted_registry() -> CollectorRegistry:
    """The series above, summed over the processes of this machine in multiprocess mode."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_ThisProcess())
    return registry
