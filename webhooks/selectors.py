from datetime import datetime, timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from webhooks.models import InboxEvent, InboxEventStatus

# A received event no worker has applied after this long lost its queue message.
RECEIVED_UNAPPLIED_AFTER = timedelta(minutes=5)


def retry_delay(attempts: int) -> timedelta:
    """How long a failed event waits before its next attempt: doubling from a minute, at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def inbox_events_due(*, now: datetime | None = None) -> list[int]:
    """The events a worker should take up now: received ones never applied, and failed ones whose
    backoff has passed, oldest first."""
    now = now or timezone.now()
    backoff_passed = reduce(
        or_,
        (
            Q(attempts=attempts, last_attempt_at__lte=now - retry_delay(attempts))
            for attempts in range(1, settings.WEBHOOK_MAX_ATTEMPTS)
        ),
    )
    due = InboxEvent.objects.filter(
        Q(status=InboxEventStatus.RECEIVED, created_at__lte=now - RECEIVED_UNAPPLIED_AFTER)
        | (Q(status=InboxEventStatus.FAILED) & backoff_passed)
    )
    return list(due.order_by("created_at", "id").values_list("pk", flat=True))
