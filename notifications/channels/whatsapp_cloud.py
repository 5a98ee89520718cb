"""WhatsApp through Meta's WhatsApp Cloud API (the Graph API's /messages), over the one outbound HTTP
policy. Chosen by WHATSAPP_PROVIDER=cloud; with no token, messages go to the log instead.

A message is sent once: the Cloud API takes no idempotency key, so a lost answer is recorded as such,
never sent again. Free-form text (or a document with its caption) within the 24-hour window, the event's
approved template outside it (notifications.whatsapp). When Meta says the window is closed although our
record of the person's last message says otherwise (error 131047), nothing was sent: the template goes.
https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from notifications.channels.base import (
    DeliveryError,
    DeliveryOutcomeUnknown,
    PermanentDeliveryError,
    SendReceipt,
    TransientDeliveryError,
)
from notifications.models import MessageLog, MessageStatus
from notifications.rendering import render_short
from notifications.whatsapp import (
    WHATSAPP_TEMPLATES,
    whatsapp_document,
    whatsapp_session_is_open,
    whatsapp_template_of,
    whatsapp_template_parameters,
)
from nzila_export.http import ProviderOutcomeUnknown, ProviderRefused, ProviderUnavailable, provider_call

GRAPH_API_VERSION = "v21.0"
PROVIDER = "WhatsApp Cloud API"

# The person's 24-hour window is closed (a free-form message was refused).
REENGAGEMENT_REQUIRED = 131047
# The number cannot receive WhatsApp messages (not on WhatsApp, or Meta will not deliver to it).
UNDELIVERABLE_ERROR_CODES = {131026}
# Passing refusals: rate limits (account, number, per recipient) and a service briefly unavailable.
TRANSIENT_ERROR_CODES = {4, 80007, 130429, 131016, 131048, 131056, 133004}

# The Cloud API's message statuses in a status webhook, as our statuses.
CALLBACK_STATUSES = {
    "sent": MessageStatus.SENT,
    "delivered": MessageStatus.DELIVERED,
    "read": MessageStatus.READ,
    "failed": MessageStatus.FAILED,
}


def error_code_is_undeliverable(code: int | str | None) -> bool:
    return str(code).isdecimal() and int(code) in UNDELIVERABLE_ERROR_CODES


def cloud_messages_url() -> str:
    if not (settings.WHATSAPP_CLOUD_TOKEN and settings.WHATSAPP_CLOUD_PHONE_NUMBER_ID):
        raise ImproperlyConfigured(
            "WHATSAPP_CLOUD_TOKEN and WHATSAPP_CLOUD_PHONE_NUMBER_ID must both be set to use the WhatsApp Cloud API."
        )
    base = settings.WHATSAPP_CLOUD_BASE_URL.rstrip("/")
    return f"{base}/{GRAPH_API_VERSION}/{settings.WHATSAPP_CLOUD_PHONE_NUMBER_ID}/messages"


class CloudApiRefused(PermanentDeliveryError):
    def __init__(self, reason: str, *, code: int | None, undeliverable: bool = False):
        super().__init__(reason, undeliverable=undeliverable)
        self.code = code


class WhatsAppCloudSender:
    def send(self, message: MessageLog) -> SendReceipt:
        recipient = message.recipient.removeprefix("+")
        if whatsapp_session_is_open(message.recipient):
            try:
                return self._post({"to": recipient, **self._free_form(message)})
            except CloudApiRefused as refusal:
                if refusal.code != REENGAGEMENT_REQUIRED:
                    raise
        return self._post({"to": recipient, **self._template(message)})

    def _free_form(self, message: MessageLog) -> dict:
        text = render_short(items=message.items, language=message.language)
        document = whatsapp_document(message.items)
        if document is not None:
            return {
                "type": "document",
                "document": {"link": document.link, "filename": document.filename, "caption": text},
            }
        return {"type": "text", "text": {"body": text, "preview_url": True}}

    def _template(self, message: MessageLog) -> dict:
        name = whatsapp_template_of(message.event)
        if name not in WHATSAPP_TEMPLATES:
            raise PermanentDeliveryError(
                f"Outside the 24-hour WhatsApp window and no approved template is configured for {message.event}."
            )
        parameters = [{"type": "text", "text": value} for value in whatsapp_template_parameters(message.items)]
        components = [{"type": "body", "parameters": parameters}]
        document = whatsapp_document(message.items)
        if WHATSAPP_TEMPLATES[name].document_header and document is not None:
            header = {"type": "document", "document": {"link": document.link, "filename": document.filename}}
            components.insert(0, {"type": "header", "parameters": [header]})
        return {
            "type": "template",
            "template": {"name": name, "language": {"code": message.language}, "components": components},
        }

    def _post(self, content: dict) -> SendReceipt:
        try:
            response = provider_call(
                PROVIDER, "POST", cloud_messages_url(), idempotent=False,
                headers={"Authorization": f"Bearer {settings.WHATSAPP_CLOUD_TOKEN}"},
                json={"messaging_product": "whatsapp", "recipient_type": "individual", **content},
            )  # fmt: skip
        except ProviderRefused as error:
            raise _refusal(error) from error
        except ProviderUnavailable as error:
            raise TransientDeliveryError(str(error)) from error
        except ProviderOutcomeUnknown as error:
            raise DeliveryOutcomeUnknown(f"{error}; not sent again") from error
        try:
            return SendReceipt(provider_message_id=response.json()["messages"][0]["id"])
        except (ValueError, KeyError, IndexError, TypeError) as error:
            raise DeliveryOutcomeUnknown(
                f"{PROVIDER} accepted the message without its id ({response.text[:200]}); not sent again"
            ) from error


def _refusal(error: ProviderRefused) -> DeliveryError:
    """A 4xx of the Graph API: its error object says whether it passes (a rate limit) or stays."""
    try:
        details = error.response.json().get("error") or {}
    except (ValueError, AttributeError):
        details = {}
    code = details.get("code")
    reason = f"{PROVIDER} refused ({code}): {details.get('message') or error}"
    if (error.response is not None and error.response.status_code == 429) or code in TRANSIENT_ERROR_CODES:
        return TransientDeliveryError(reason)
    return CloudApiRefused(reason, code=code, undeliverable=error_code_is_undeliverable(code))


def cloud_signature_is_valid(*, body: bytes, signature: str) -> bool:
    """Meta signs each webhook POST: X-Hub-Signature-256 is `sha256=` and the HMAC-SHA256 of the raw body
    keyed with the app secret. https://developers.facebook.com/docs/graph-api/webhooks/getting-started"""
    secret = settings.WHATSAPP_CLOUD_APP_SECRET
    if not secret or not signature.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature.removeprefix("sha256="))


def cloud_verify_token_is_valid(token: str) -> bool:
    expected = settings.WHATSAPP_CLOUD_VERIFY_TOKEN
    return bool(expected) and hmac.compare_digest(expected.encode(), token.encode())
