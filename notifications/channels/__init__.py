"""The sender for each channel: the real provider when it is configured, the log otherwise."""

from django.conf import settings

from notifications.channels.base import Sender
from notifications.channels.email import EmailSender
from notifications.channels.log import LogSender
from notifications.channels.twilio import TwilioSender
from notifications.models import Channel


def sender_for(channel: str) -> Sender:
    if channel == Channel.EMAIL:
        return EmailSender()
    if channel in (Channel.SMS, Channel.WHATSAPP):
        return TwilioSender() if settings.TWILIO_ACCOUNT_SID else LogSender()
    raise ValueError(f"No sender for channel {channel!r}: in-app notifications are stored, not sent.")
