"""Every write to the inbox: storing an event once, applying it through its provider's handler, giving
up on it after WEBHOOK_MAX_ATTEMPTS (the registered alerts tell staff), and staff's replay."""

import logging
import traceback

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from webhooks.handlers import RetryLater, abandoned_alerts_send, handler_for
from webhooks.models import OPEN_STATUSES, InboxEvent, InboxEventStatus

logger = logging.getLogger(__name__)


def inbox_receive(
    *, provider: str, event_id: str, event_type: str, body: bytes, headers: dict, target: str = ""
) -> InboxEvent:
    """Store a verified event once per (provider, event id). A redelivery returns the stored row; two
    deliveries at once store one (the unique constraint decides)."""
    try:
        with transaction.atomic():
            return InboxEvent.objects.create(
                provider=provider, event_id=event_id[:255], event_type=event_type[:100], target=target,
                body=body.decode("utf-8", errors="replace"), headers=headers,
            )  # fmt: skip
    except IntegrityError:
        return InboxEvent.objects.get(provider=provider, event_id=event_id[:255])


def inbox_event_process(*, event_id: int) -> InboxEvent:
    """Apply a stored event once, under its row lock. A processed or ignored event is left alone, so a
    duplicate task changes nothing. A failure stays on the row (error, traceback) for the inbox job; the
    last allowed failure abandons the event and alerts staff."""
    with transaction.atomic():
        event = InboxEvent.objects.select_for_update().get(pk=event_id)
        if event.status not in OPEN_STATUSES:
            return event
        now = timezone.now()
        event.attempts += 1
        event.last_attempt_at = now
        try:
            with transaction.atomic():
                outcome = handler_for(event.provider, event.event_type)(event)
        except RetryLater as not_yet:
            _failed(event, error=str(not_yet), trace="")
        except Exception as error:
            logger.exception("Webhook event %s (%s %s) failed", event.pk, event.provider, event.event_type)
            _failed(event, error=f"{error.__class__.__name__}: {error}", trace=traceback.format_exc())
        else:
            event.status, event.error, event.traceback, event.processed_at = outcome, "", "", now
        event.save()
    return event


def _failed(event: InboxEvent, *, error: str, trace: str) -> None:
    event.error, event.traceback = error, trace
    if event.attempts < settings.WEBHOOK_MAX_ATTEMPTS:
        event.status = InboxEventStatus.FAILED
        return
    event.status = InboxEventStatus.ABANDONED
    logger.error("Webhook event %s abandoned after %s attempts: %s", event.pk, event.attempts, error)
    audit_record(action="webhook.abandoned", instance=event, changes={"attempts": event.attempts, "error": error})
    abandoned_alerts_send(event)


@transaction.atomic
def inbox_event_replay(*, event: InboxEvent, user: User) -> InboxEvent:
    """Staff take an event up again (after a fix, or to re-apply one): it goes back to received, with
    its attempts kept, and is processed as a new delivery would be."""
    event = InboxEvent.objects.select_for_update().get(pk=event.pk)
    before = event.status
    event.status = InboxEventStatus.RECEIVED
    event.save(update_fields=["status", "updated_at"])
    audit_record(action="webhook.replay", instance=event, user=user, changes={"status": [before, event.status]})
    return event
