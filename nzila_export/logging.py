"""The LOGGING dictionary (readable lines in development, JSON lines in production), the request id
every line carries, and the slow-work logs."""

import logging
import re
import time
import uuid
from contextvars import ContextVar, Token

import sentry_sdk
from celery.signals import before_task_publish, task_prerun
from django.conf import settings
from django.db import connection

LOG_FILE_MAX_BYTES = 15 * 1024 * 1024
LOG_FILE_BACKUPS = 10


def build_logging_config(*, json_lines: bool, level: str, log_file: str) -> dict:
    formatter = "json" if json_lines else "readable"
    handlers = {"console": {"class": "logging.StreamHandler", "formatter": formatter, "filters": ["request_id"]}}
    if log_file:
        handlers["file"] = {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": log_file,
            "maxBytes": LOG_FILE_MAX_BYTES,
            "backupCount": LOG_FILE_BACKUPS,
            "formatter": formatter,
            "filters": ["request_id"],
        }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {
            "readable": {"format": "{asctime} {levelname:<7} {name} [{request_id}]: {message}", "style": "{"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "handlers": handlers,
        "root": {"handlers": list(handlers), "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "celery": {"level": level},
            # WeasyPrint and the font subsetter it uses log each step of every PDF at INFO.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }


# --- The request id, and slow work logged with it -------------------------------------------------
# One id per request, carried by a context variable into every log line, into the Celery tasks the
# request queues (a message header) and into Sentry (a tag), so that one slow or failed request can be
# followed from the web server into the workers.

REQUEST_ID_HEADER = "X-Request-ID"
TASK_REQUEST_ID_HEADER = "x_request_id"
# A caller's id is kept only when it cannot forge log lines: letters, digits and - _ . :, 8 to 128 long.
WELL_FORMED_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")

request_id_var: ContextVar[str] = ContextVar("request_id", default="")
slow_logger = logging.getLogger("nzila_export.slow")


def request_id_accept(value: str | None) -> str:
    """The caller's id when it is well formed, else a new one."""
    return value if value and WELL_FORMED_REQUEST_ID.match(value) else uuid.uuid4().hex


def request_id_start(value: str) -> Token:
    sentry_sdk.set_tag("request_id", value)
    return request_id_var.set(value)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


def log_slow_sql(execute, sql, params, many, context):
    """A connection.execute_wrapper: the statements slower than SLOW_SQL_MS, logged with their time."""
    started = time.monotonic()
    try:
        return execute(sql, params, many, context)
    finally:
        elapsed_ms = (time.monotonic() - started) * 1000
        if elapsed_ms > settings.SLOW_SQL_MS:
            slow_logger.warning("slow sql", extra={"duration_ms": round(elapsed_ms, 1), "sql": sql[:2000]})


def log_slow_call(*, provider: str, method: str, url: str, started: float) -> None:
    elapsed_ms = (time.monotonic() - started) * 1000
    if elapsed_ms > settings.SLOW_CALL_MS:
        slow_logger.warning(
            "slow provider call",
            extra={
                "duration_ms": round(elapsed_ms, 1),
                "provider": provider,
                "method": method,
                "url": url.split("?")[0],  # a query string may hold a key
            },
        )


class RequestContextMiddleware:
    """Gives the request its id (returned in X-Request-ID) and times its SQL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_accept(request.headers.get(REQUEST_ID_HEADER))
        token = request_id_start(request_id)
        try:
            with connection.execute_wrapper(log_slow_sql):
                response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


def _put_request_id_in_task_headers(headers: dict | None = None, **kwargs) -> None:
    request_id = request_id_var.get()
    if headers is not None and request_id:
        headers[TASK_REQUEST_ID_HEADER] = request_id


def _restore_request_id_in_task(task=None, **kwargs) -> None:
    """A task runs with the id of the request that queued it, or a new one (a beat job), and its SQL timed.
    The wrapper stays on the worker's connection: it is added once, whatever the number of tasks."""
    request_id_start(request_id_accept(task.request.get(TASK_REQUEST_ID_HEADER)) if task else uuid.uuid4().hex)
    if log_slow_sql not in connection.execute_wrappers:
        connection.execute_wrappers.append(log_slow_sql)


def task_context_connect() -> None:
    before_task_publish.connect(_put_request_id_in_task_headers, weak=False)
    task_prerun.connect(_restore_request_id_in_task, weak=False)
