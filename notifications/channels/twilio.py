"""SMS and WhatsApp through Twilio's Messages API. The only module that imports twilio.

WhatsApp allows free-form messages only within 24 hours of the person's last message to us; outside
that window it takes a pre-approved template (a Content SID with variables; see notifications.whatsapp).
https://www.twilio.com/docs/whatsapp/tutorial/send-whatsapp-notification-messages-templates
"""

import json

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from notifications.channels.base import (
    DeliveryOutcomeUnknown,
    PermanentDeliveryError,
    SendReceipt,
    TransientDeliveryError,
)
from notifications.models import Channel, MessageLog, MessageStatus
from notifications.rendering import render_short
from notifications.whatsapp import whatsapp_session_is_open, whatsapp_template_of, whatsapp_template_parameters
from nzila_export.http import request_never_sent

# Twilio error codes that mean the number itself cannot receive: stop sending to it.
# 21211 invalid To number, 21614 not a mobile number, 21610 recipient replied STOP,
# 63003 the number is not on WhatsApp.
UNDELIVERABLE_ERROR_CODES = {21211, 21614, 21610, 63003}

# Twilio's MessageStatus values in a status callback, as our statuses.
# https://www.twilio.com/docs/messaging/api/message-resource#message-status-values
CALLBACK_STATUSES = {
    "accepted": MessageStatus.QUEUED,
    "scheduled": MessageStatus.QUEUED,
    "queued": MessageStatus.QUEUED,
    "sending": MessageStatus.SENT,
    "sent": MessageStatus.SENT,
    "delivered": MessageStatus.DELIVERED,
    "read": MessageStatus.READ,
    "undelivered": MessageStatus.FAILED,
    "failed": MessageStatus.FAILED,
    "canceled": MessageStatus.FAILED,
}


def error_code_is_undeliverable(error_code: str) -> bool:
    return error_code.isdecimal() and int(error_code) in UNDELIVERABLE_ERROR_CODES


def twilio_client() -> Client:
    if not (settings.TWILIO_ACCOUNT_SID and settings.TWILIO_AUTH_TOKEN):
        raise ImproperlyConfigured("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must both be set to use Twilio.")
    return Client(
        settings.TWILIO_ACCOUNT_SID,
        settings.TWILIO_AUTH_TOKEN,
        http_client=TwilioHttpClient(timeout=settings.TWILIO_TIMEOUT_SECONDS),
    )


class TwilioSender:
    def send(self, message: MessageLog) -> SendReceipt:
        parameters = {
            "to": message.recipient,
            "status_callback": settings.SITE_URL + reverse("twilio-status-callback"),
        }
        if message.channel == Channel.WHATSAPP:
            parameters.update(self._whatsapp_content(message))
        else:
            parameters.update(
                from_=settings.TWILIO_SMS_FROM, body=render_short(items=message.items, language=message.language)
            )
        try:
            created = twilio_client().messages.create(**parameters)
        except TwilioRestException as error:
            if error.status >= 500 or error.status == 429:
                raise TransientDeliveryError(f"Twilio answered {error.status}: {error.msg}") from error
            raise PermanentDeliveryError(
                f"Twilio refused ({error.code}): {error.msg}", undeliverable=error.code in UNDELIVERABLE_ERROR_CODES
            ) from error
        except requests.RequestException as error:
            if request_never_sent(error):
                raise TransientDeliveryError(f"Twilio unreachable: {error}") from error
            raise DeliveryOutcomeUnknown(
                f"Twilio's answer was lost ({error.__class__.__name__}); not sent again"
            ) from error
        return SendReceipt(provider_message_id=created.sid)

    def _whatsapp_content(self, message: MessageLog) -> dict:
        content = {"to": f"whatsapp:{message.recipient}", "from_": f"whatsapp:{settings.TWILIO_WHATSAPP_FROM}"}
        media_urls = [item["media_url"] for item in message.items if item.get("media_url")]
        if media_urls:
            content["media_url"] = media_urls
        if whatsapp_session_is_open(message.recipient):
            content["body"] = render_short(items=message.items, language=message.language)
            return content
        template = whatsapp_template_of(message.event)
        sids = settings.TWILIO_WHATSAPP_CONTENT_SIDS
        # A Content template holds one language: "name:fr" when each language has its own SID.
        content_sid = (sids.get(f"{template}:{message.language}") or sids.get(template)) if template else None
        if not content_sid:
            raise PermanentDeliveryError(
                f"Outside the 24-hour WhatsApp window and no approved template is configured for {message.event}."
            )
        parameters = whatsapp_template_parameters(message.items)
        variables = {str(number): value for number, value in enumerate(parameters, start=1)}
        content.update(content_sid=content_sid, content_variables=json.dumps(variables))
        return content


def twilio_signature_is_valid(*, url: str, params: dict, signature: str) -> bool:
    """Twilio signs each callback: HMAC-SHA1 of the URL and the sorted POST parameters, keyed with
    the auth token. https://www.twilio.com/docs/usage/webhooks/webhooks-security"""
    if not settings.TWILIO_AUTH_TOKEN:
        return False
    return RequestValidator(settings.TWILIO_AUTH_TOKEN).validate(url, params, signature)
