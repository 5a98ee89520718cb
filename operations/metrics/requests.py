"""Request and database-query metrics."""

import time

from django.db.backends.signals import connection_created

from operations.metrics.instruments import db_queries, db_query_duration, http_request_duration

KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class RequestMetricsMiddleware:
    """Times each request, labelled with the URL pattern it matched (not the raw path, which would make a
    series per deal id); first in MIDDLEWARE, so the time includes every other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        http_request_duration.labels(
            route=match.route if match else "unmatched",
            method=request.method if request.method in KNOWN_METHODS else "other",
            status=str(response.status_code),
        ).observe(time.perf_counter() - started)
        return response


def count_query(execute, sql, params, many, context):
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        alias = context["connection"].alias
        db_queries.labels(database=alias).inc()
        db_query_duration.labels(database=alias).observe(time.perf_counter() - started)


def _watch_connection(sender, connection, **kwargs) -> None:
    # First in the list: Django's `execute_wrapper()` context manager removes the last one when it ends.
    if count_query not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, count_query)


def watch_database_queries() -> None:
    """Count the queries of every connection, the web's and the workers'."""
    connection_created.connect(_watch_connection, dispatch_uid="operations.metrics.queries")
