from celery import shared_task

from webhooks.models import OPEN_STATUSES, InboxEvent
from webhooks.selectors import inbox_events_due
from webhooks.services import inbox_event_process


def inbox_event_queue(event: InboxEvent) -> None:
    """Hand a stored, committed event to a worker: the inbox views store outside any transaction, and the
    admin's replay queues once its service has committed."""
    if event.status in OPEN_STATUSES:
        process_inbox_event.delay(event.pk)


@shared_task
def process_inbox_event(event_id: int) -> str:
    """Apply one stored event. Idempotent: a processed event is left alone. A failure stays on the row
    for `requeue_inbox_events`."""
    return inbox_event_process(event_id=event_id).status


@shared_task
def requeue_inbox_events() -> int:
    """Every minute (beat): queue the events left received (a lost queue message) or failed past their
    backoff. Bounded: the last allowed attempt abandons an event and alerts staff."""
    due = inbox_events_due()
    for event_id in due:
        process_inbox_event.delay(event_id)
    return len(due)
