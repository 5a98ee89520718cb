"""Checks of the services the platform cannot work without, for the health endpoint."""

from datetime import timedelta

import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext
from kombu import Connection
from kombu.exceptions import OperationalError

from nzila_export.celery import app
from nzila_export.hooks import BEAT_LAST_STARTED

CHECK_TIMEOUT_SECONDS = 2


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_redis() -> None:
    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_timeout=CHECK_TIMEOUT_SECONDS, socket_connect_timeout=CHECK_TIMEOUT_SECONDS
    )
    try:
        client.ping()
    finally:
        client.close()


def check_broker() -> None:
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=CHECK_TIMEOUT_SECONDS) as broker:
        broker.ensure_connection(max_retries=1, timeout=CHECK_TIMEOUT_SECONDS)


class CheckUnknown(Exception):
    """The check cannot tell, and is not required to (HEALTH_REQUIRE_WORKERS is false: development,
    where no worker or beat may run): reported as "unknown", not counted as failing."""


def _not_running(message: str) -> Exception:
    return RuntimeError(message) if settings.HEALTH_REQUIRE_WORKERS else CheckUnknown(message)


def check_beat() -> None:
    """Beat is quiet when no job has started lately (requeue-inbox-events starts every minute)."""
    last = BEAT_LAST_STARTED.ask()
    quiet_after = timedelta(seconds=settings.HEALTH_BEAT_QUIET_AFTER_SECONDS)
    if last is None:
        raise _not_running(gettext("no beat job has run yet"))
    if last < timezone.now() - quiet_after:
        raise _not_running(gettext("no beat job has run since %(time)s") % {"time": last.isoformat()})


def check_worker() -> None:
    timeout = settings.HEALTH_WORKER_PING_TIMEOUT_SECONDS
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=CHECK_TIMEOUT_SECONDS) as broker:
            broker.ensure_connection(max_retries=0, timeout=CHECK_TIMEOUT_SECONDS)
            answers = app.control.ping(timeout=timeout, connection=broker, limit=1)
    except (OSError, OperationalError) as error:
        raise _not_running(gettext("no broker to ping the workers through: %(error)s") % {"error": error}) from error
    if not answers:
        raise _not_running(gettext("no worker answered a ping within %(seconds)s s") % {"seconds": timeout})


CHECKS = {
    "database": check_database,
    "redis": check_redis,
    "broker": check_broker,
    "beat": check_beat,
    "worker": check_worker,
}


def run_health_checks() -> dict[str, str]:
    """Each service's state: "ok", "unknown: ..." (see CheckUnknown) or the error that it gave."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except CheckUnknown as unknown:
            results[name] = f"unknown: {unknown}"
        except Exception as error:  # noqa: BLE001 - any failure of a service is what we report
            results[name] = f"error: {error.__class__.__name__}: {error}"
        else:
            results[name] = "ok"
    return results
