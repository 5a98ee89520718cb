"""Series read at scrape time: business counts by cheap grouped SQL on indexed columns, the Celery queues'
depth from the broker, and when each job and the backup last succeeded.

This module reads across the domains, as reports do: nothing imports it but the /metrics view.
"""

import logging
from datetime import timedelta

import redis
from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from currencies.models import ExchangeRate
from deals.models import Deal
from notifications.models import MessageLog, MessageStatus
from nzila_export.celery import app
from operations.jobs import job_next_due
from operations.metrics.last_success import backup_last_success, job_last_successes
from payments.models import Payment, PaymentStatus
from webhooks.models import InboxEvent, InboxEventStatus

logger = logging.getLogger(__name__)

SETTLED_PAYMENT_STATUSES = [PaymentStatus.SUCCEEDED, PaymentStatus.FAILED]
FINISHED_MESSAGE_STATUSES = [
    MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED, MessageStatus.UNDELIVERABLE,
]  # fmt: skip
BROKER_TIMEOUT_SECONDS = 2


def _gauge(name: str, documentation: str, labels: list[str], rows) -> GaugeMetricFamily:
    family = GaugeMetricFamily(name, documentation, labels=labels)
    for *values, count in rows:
        family.add_metric([str(value) for value in values], count)
    return family


class BusinessCollector:
    def collect(self):
        hour_ago = timezone.now() - timedelta(hours=1)
        yield _gauge(
            "nzila_deals",
            "Deals by status.",
            ["status"],
            Deal.objects.order_by().values_list("status").annotate(Count("id")),
        )
        # payment_status_idx (status, status_changed_at) answers this.
        yield _gauge(
            "nzila_payments_settled_last_hour",
            "Payments that succeeded or failed in the last hour, by rail (method) and status.",
            ["method", "status"],
            Payment.objects.filter(status__in=SETTLED_PAYMENT_STATUSES, status_changed_at__gte=hour_ago)
            .order_by()
            .values_list("method", "status")
            .annotate(Count("id")),
        )
        # message_due_idx (status, send_after) answers this.
        yield _gauge(
            "nzila_messages_last_hour",
            "Outbound messages due in the last hour and sent or failed since, by channel and status.",
            ["channel", "status"],
            MessageLog.objects.filter(status__in=FINISHED_MESSAGE_STATUSES, send_after__gte=hour_ago)
            .order_by()
            .values_list("channel", "status")
            .annotate(Count("id")),
        )
        yield _gauge(
            "nzila_webhook_events_abandoned",
            "Webhook inbox events given up after their last attempt, not yet replayed, by provider.",
            ["provider"],
            InboxEvent.objects.filter(status=InboxEventStatus.ABANDONED)
            .order_by()
            .values_list("provider")
            .annotate(Count("id")),
        )
        now = timezone.now()
        confirmed = ExchangeRate.objects.order_by().values_list("currency").annotate(last=Max("confirmed_at"))
        yield _gauge(
            "nzila_exchange_rate_age_seconds",
            "Seconds since a source last confirmed each currency's newest rate.",
            ["currency"],
            [(currency, (now - last).total_seconds()) for currency, last in confirmed],
        )


class JobCollector:
    def collect(self):
        successes = job_last_successes()
        yield _gauge(
            "nzila_job_last_success_timestamp_seconds",
            "When each beat job last succeeded (Unix time).",
            ["job"],
            [(job, last.timestamp()) for job, last in successes.items()],
        )
        yield _gauge(
            "nzila_job_next_due_timestamp_seconds",
            "When each beat job's run after its last success was due (Unix time); long past: a run was missed.",
            ["job"],
            [(job, job_next_due(job=job, after=last).timestamp()) for job, last in successes.items()],
        )
        backup = backup_last_success()
        if backup is not None:
            yield _gauge(
                "nzila_backup_last_success_timestamp_seconds",
                "When the last backup succeeded (Unix time).",
                [],
                [(backup,)],
            )


class QueueCollector:
    def collect(self):
        broker = redis.Redis.from_url(
            settings.CELERY_BROKER_URL,
            socket_timeout=BROKER_TIMEOUT_SECONDS,
            socket_connect_timeout=BROKER_TIMEOUT_SECONDS,
        )
        try:
            depths = [(queue, broker.llen(queue)) for queue in app.amqp.queues]
        except redis.RedisError:
            logger.warning("Celery queue depths unavailable: the broker did not answer", exc_info=True)
            return
        finally:
            broker.close()
        yield _gauge("nzila_celery_queue_length", "Tasks waiting in each Celery queue.", ["queue"], depths)
