from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from currencies.models import ExchangeRate, RateSource
from deals.tests.factories import DealFactory
from notifications.models import Channel, MessageLog, MessageStatus
from nzila_export.celery import app as celery_app
from operations.backups.dump import BACKUP_CREATED
from payments.models import PaymentMethod, PaymentStatus
from payments.tests.factories import PayableDealFactory, StripePaymentFactory
from webhooks.models import InboxEvent, InboxEventStatus
from webhooks.tasks import requeue_inbox_events

TOKEN = "scrape-token-for-tests"


@pytest.fixture(autouse=True)
def _metrics_token(settings):
    settings.METRICS_TOKEN = TOKEN


def scrape(client) -> dict[tuple, float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    return {
        (sample.name, *sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def value(samples: dict, name: str, **labels) -> float | None:
    return samples.get((name, *sorted(labels.items())))


@pytest.mark.django_db
def test_metrics_refused_to_anonymous_a_wrong_token_and_a_buyer(client):
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401
    assert wrong.headers["WWW-Authenticate"] == 'Bearer realm="metrics"'
    client.force_login(BuyerFactory())
    refused = client.get("/metrics")
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Only staff or the metrics scraper may read the metrics."


@pytest.mark.django_db
def test_metrics_served_with_the_token_and_to_staff(client, settings, admin_login):
    with_token = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert with_token.status_code == 200
    assert with_token.headers["Content-Type"].startswith("text/plain; version=")
    staff = StaffFactory()
    client.force_login(staff)  # a password alone: no second factor
    assert client.get("/metrics").status_code == 403
    admin_login(client, staff)
    assert client.get("/metrics").status_code == 200
    settings.METRICS_TOKEN = ""  # no token configured: a bearer is never taken, staff still served
    assert client.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 200


@pytest.mark.django_db
def test_metrics_show_requests_tasks_and_business_counts(client, client_for, admin_login):
    admin_login(client, StaffFactory())
    buyer_deal = DealFactory()
    DealFactory()
    payable = PayableDealFactory()
    now = timezone.now()
    for method, status, changed in [
        (PaymentMethod.CARD, PaymentStatus.SUCCEEDED, now),
        (PaymentMethod.CARD, PaymentStatus.SUCCEEDED, now),
        (PaymentMethod.CARD, PaymentStatus.FAILED, now),
        (PaymentMethod.MPESA, PaymentStatus.FAILED, now),
        (PaymentMethod.CARD, PaymentStatus.FAILED, now - timedelta(hours=2)),  # outside the hour
        (PaymentMethod.CARD, PaymentStatus.PENDING, now),  # not settled
    ]:
        StripePaymentFactory(deal=payable, method=method, status=status, status_changed_at=changed)
    for channel, status, due in [
        (Channel.EMAIL, MessageStatus.DELIVERED, now),
        (Channel.EMAIL, MessageStatus.DELIVERED, now),
        (Channel.SMS, MessageStatus.FAILED, now),
        (Channel.EMAIL, MessageStatus.QUEUED, now),  # not sent yet
        (Channel.EMAIL, MessageStatus.SENT, now - timedelta(hours=2)),  # outside the hour
    ]:
        MessageLog.objects.create(
            channel=channel, recipient="a@example.com", event="deal.created", language="en", status=status,
            send_after=due,
        )  # fmt: skip
    for event_id, status in [("evt_1", InboxEventStatus.ABANDONED), ("evt_2", InboxEventStatus.PROCESSED)]:
        InboxEvent.objects.create(provider="stripe", event_id=event_id, event_type="x", body="{}", status=status)
    ExchangeRate.objects.create(
        currency="USD", date=now.date(), cad_per_unit="1.39", source=RateSource.BANK_OF_CANADA,
        confirmed_at=now - timedelta(hours=50),
    )  # fmt: skip
    AuditLog.objects.create(action=BACKUP_CREATED, timestamp=datetime.fromtimestamp(1_800_000_000, tz=UTC))
    before = scrape(client)

    buyer = client_for(buyer_deal.buyer)
    for _ in range(3):
        assert buyer.get(f"/api/v1/deals/{buyer_deal.pk}/").status_code == 200
    assert buyer.get("/api/v1/deals/999999/").status_code == 404
    requeue_inbox_events.delay()
    after = scrape(client)

    route = "api/v1/deals/(?P<pk>[^/.]+)/$"
    count = "nzila_http_request_duration_seconds_count"

    def grew(name, **labels):
        return value(after, name, **labels) - (value(before, name, **labels) or 0)

    assert grew(count, route=route, method="GET", status="200") == 3
    assert grew(count, route=route, method="GET", status="404") == 1
    task = "webhooks.tasks.requeue_inbox_events"
    assert grew("nzila_celery_task_runs_total", task=task, state="SUCCESS") == 1
    assert grew("nzila_celery_task_duration_seconds_count", task=task) == 1
    assert grew("nzila_db_queries_total", database="default") > 0
    assert value(after, "nzila_job_last_success_timestamp_seconds", job="requeue-inbox-events") == pytest.approx(
        timezone.now().timestamp(), abs=60
    )
    assert value(after, "nzila_job_next_due_timestamp_seconds", job="requeue-inbox-events") == pytest.approx(
        timezone.now().timestamp() + 60, abs=60
    )

    assert value(after, "nzila_deals", status="draft") == 2
    assert value(after, "nzila_deals", status="pending_payment") == 1
    settled = "nzila_payments_settled_last_hour"
    assert value(after, settled, method="card", status="succeeded") == 2
    assert value(after, settled, method="card", status="failed") == 1
    assert value(after, settled, method="mpesa", status="failed") == 1
    assert len([key for key in after if key[0] == settled]) == 3
    messages = "nzila_messages_last_hour"
    assert value(after, messages, channel="email", status="delivered") == 2
    assert value(after, messages, channel="sms", status="failed") == 1
    assert len([key for key in after if key[0] == messages]) == 2
    assert value(after, "nzila_webhook_events_abandoned", provider="stripe") == 1
    assert value(after, "nzila_exchange_rate_age_seconds", currency="USD") == pytest.approx(50 * 3600, abs=60)
    assert value(after, "nzila_backup_last_success_timestamp_seconds") == 1_800_000_000


@pytest.mark.django_db
def test_metrics_show_the_queue_depth(client, tasks_queued, admin_login):
    admin_login(client, StaffFactory())
    queue = celery_app.conf.task_default_queue  # the one tasks_queued empties
    for _ in range(2):
        requeue_inbox_events.apply_async(queue=queue)
    assert value(scrape(client), "nzila_celery_queue_length", queue=queue) == 2
