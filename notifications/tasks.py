from celery import shared_task
from django.conf import settings
from django.utils import timezone

from notifications.channels.base import TransientDeliveryError
from notifications.models import Channel, MessageLog, MessageStatus
from notifications.services import message_deliver, message_give_up

RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 60 * 60
DISPATCH_BATCH_SIZE = 500


def _deliver_or_retry(self, message_id: int) -> None:
    """Send one message. Safe to run twice: a message that is no longer queued is left alone.
    Provider outages retry with exponential backoff; after the last attempt the message is failed."""
    try:
        message_deliver(message_id=message_id)
    except TransientDeliveryError as error:
        attempts = self.request.retries + 1
        if attempts >= settings.NOTIFICATION_MAX_SEND_ATTEMPTS:
            message_give_up(message_id=message_id, reason=str(error))
            return
        countdown = min(RETRY_BASE_SECONDS * 2**self.request.retries, RETRY_MAX_SECONDS)
        raise self.retry(exc=error, countdown=countdown) from error


# One task per channel, so that each provider has its own rate limit (per worker, settings
# NOTIFICATION_RATE_LIMITS); e-mail keeps the task's first name, so messages queued before still run.
@shared_task(bind=True, max_retries=None, acks_late=True, rate_limit=settings.NOTIFICATION_RATE_LIMITS["email"])
def send_message(self, message_id: int) -> None:
    _deliver_or_retry(self, message_id)


@shared_task(bind=True, max_retries=None, acks_late=True, rate_limit=settings.NOTIFICATION_RATE_LIMITS["sms"])
def send_sms_message(self, message_id: int) -> None:
    _deliver_or_retry(self, message_id)


@shared_task(bind=True, max_retries=None, acks_late=True, rate_limit=settings.NOTIFICATION_RATE_LIMITS["whatsapp"])
def send_whatsapp_message(self, message_id: int) -> None:
    _deliver_or_retry(self, message_id)


SEND_TASKS = {Channel.EMAIL: send_message, Channel.SMS: send_sms_message, Channel.WHATSAPP: send_whatsapp_message}


def message_queue(*, message_id: int, channel: str) -> None:
    SEND_TASKS[channel].delay(message_id)


@shared_task
def dispatch_due_messages() -> int:
    """Queue the messages whose time has come (after quiet hours or a batching window)."""
    due = MessageLog.objects.filter(status=MessageStatus.QUEUED, send_after__lte=timezone.now(), attempts=0)
    count = 0
    for message_id, channel in due.values_list("id", "channel").iterator(chunk_size=DISPATCH_BATCH_SIZE):
        message_queue(message_id=message_id, channel=channel)
        count += 1
    return count
