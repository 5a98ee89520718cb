"""The local mode of text channels: with no Twilio account configured, a message is written to the
log (the console under `make run`) instead of being sent."""

import logging
import uuid

from notifications.channels.base import SendReceipt
from notifications.models import MessageLog
from notifications.rendering import render_short

logger = logging.getLogger("notifications.outbox")


class LogSender:
    def send(self, message: MessageLog) -> SendReceipt:
        text = render_short(items=message.items, language=message.language)
        logger.info("%s to %s:\n%s", message.channel.upper(), message.recipient, text)
        return SendReceipt(provider_message_id=f"log-{uuid.uuid4().hex}")
