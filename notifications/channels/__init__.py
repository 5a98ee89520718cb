"""The sender for each channel: the real provider when it is configured, the log otherwise. WhatsApp goes
through Twilio or Meta's Cloud API, as WHATSAPP_PROVIDER says; either is tracked the same way."""

from django.conf import settings

from notifications.channels.base import Sender
from notifications.channels.email import EmailSender
from notifications.channels.log import LogSender
from notifications.channels.twilio import TwilioSender
from notifications.channels.whatsapp_cloud import WhatsAppCloudSender
from notifications.models import Channel


def sender_for(channel: str) -> Sender:
    if channel == Channel.EMAIL:
        return EmailSender()
    if channel == Channel.WHATSAPP and settings.WHATSAPP_PROVIDER == "cloud":
        return WhatsAppCloudSender() if settings.WHATSAPP_CLOUD_TOKEN else LogSender()
    if channel in (Channel.SMS, Channel.WHATSAPP):
        return TwilioSender() if settings.TWILIO_ACCOUNT_SID else LogSender()
    raise ValueError(f"No sender for channel {channel!r}: in-app notifications are stored, not sent.")
