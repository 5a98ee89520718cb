"""The inbox's handlers of the messaging providers' callbacks (registered in NotificationsConfig.ready):
Twilio's and Meta's WhatsApp Cloud API's message statuses and inbound WhatsApp messages, Mailgun's
delivery events and the e-mails its inbound route forwards. Each callback was verified and stored once by
its view; these apply it, idempotently (a message only moves forward). An inbound message is announced to
the apps above (notifications.hooks): processed when one took it, ignored otherwise. And the inbox's alert
to staff when it abandons an event."""

import json
from datetime import UTC, datetime

from django.http import QueryDict

from accounts.selectors import staff_list_active
from notifications import services
from notifications.channels import whatsapp_cloud
from notifications.channels.mailgun import mailgun_event_outcome
from notifications.channels.twilio import CALLBACK_STATUSES, error_code_is_undeliverable
from notifications.hooks import EMAIL_MESSAGE_RECEIVED, WHATSAPP_MESSAGE_RECEIVED
from webhooks.models import InboxEvent, InboxEventStatus

TWILIO_STATUS, TWILIO_INBOUND = "message.status", "whatsapp.inbound"
# The Cloud API's webhook view stores each status and each inbound message of a POST as its own event.
CLOUD_STATUS, CLOUD_INBOUND = "message.status", "whatsapp.inbound"
# An e-mail forwarded by a Mailgun route (its delivery events keep Mailgun's own event names).
MAILGUN_INBOUND = "email.inbound"
# The fields of a forwarded e-mail the inbox keeps (not its attachments, nor its full bodies).
# https://documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/receive-http
MAILGUN_INBOUND_FIELDS = ("recipient", "sender", "from", "subject", "stripped-text", "Message-Id", "timestamp")


def _taken(outcomes: dict) -> str:
    """Processed when an app above took the inbound message, ignored when none did."""
    return InboxEventStatus.PROCESSED if any(outcomes.values()) else InboxEventStatus.IGNORED


def twilio_event_apply(event: InboxEvent) -> str:
    params = QueryDict(event.body)
    if event.event_type == TWILIO_INBOUND:
        sender = params.get("From", "").removeprefix("whatsapp:")
        if not sender:
            return InboxEventStatus.IGNORED
        services.whatsapp_inbound_record(phone=sender, received_at=event.created_at)
        return _taken(
            WHATSAPP_MESSAGE_RECEIVED.announce(
                phone=sender, text=params.get("Body", ""), message_id=event.event_id, received_at=event.created_at
            )
        )
    status = CALLBACK_STATUSES.get(params.get("MessageStatus", ""))
    if status is None or not params.get("MessageSid"):
        return InboxEventStatus.IGNORED
    error_code = params.get("ErrorCode", "")
    services.message_record_status(
        provider_message_id=params["MessageSid"],
        status=status,
        error=f"{params.get('MessageStatus')} (Twilio error {error_code})" if error_code else "",
        undeliverable=error_code_is_undeliverable(error_code),
    )
    return InboxEventStatus.PROCESSED


def whatsapp_cloud_event_apply(event: InboxEvent) -> str:
    """One status object (entry[].changes[].value.statuses[]) or one inbound message (…messages[]) of a
    Cloud API webhook. A status moves a message forward only, whatever order they arrive in."""
    data = json.loads(event.body)
    if event.event_type == CLOUD_INBOUND:
        sender = str(data.get("from", "")).removeprefix("+")
        if not sender.isdecimal():
            return InboxEventStatus.IGNORED
        sent_at = str(data.get("timestamp", ""))
        received_at = datetime.fromtimestamp(int(sent_at), tz=UTC) if sent_at.isdecimal() else event.created_at
        received_at = min(received_at, event.created_at)
        services.whatsapp_inbound_record(phone=f"+{sender}", received_at=received_at)
        text = data.get("text") if data.get("type") == "text" and isinstance(data.get("text"), dict) else {}
        return _taken(
            WHATSAPP_MESSAGE_RECEIVED.announce(
                phone=f"+{sender}", text=str(text.get("body", "")), message_id=event.event_id, received_at=received_at
            )
        )
    status = whatsapp_cloud.CALLBACK_STATUSES.get(data.get("status", ""))
    if status is None or not data.get("id"):
        return InboxEventStatus.IGNORED
    errors = data.get("errors") or [{}]
    code = errors[0].get("code")
    error = f"{data['status']} (WhatsApp error {code}: {errors[0].get('title', '')})" if code else ""
    services.message_record_status(
        provider_message_id=data["id"],
        status=status,
        error=error,
        undeliverable=whatsapp_cloud.error_code_is_undeliverable(code),
    )
    return InboxEventStatus.PROCESSED


def mailgun_event_apply(event: InboxEvent) -> str:
    """Permanent failures and complaints mark the address undeliverable. A temporary failure (a soft
    bounce) counts towards the address's streak, which a delivery ends."""
    event_data = json.loads(event.body).get("event-data") or {}
    recipient = event_data.get("recipient", "")
    if event_data.get("event") == "failed" and event_data.get("severity") == "temporary" and recipient:
        delivery = event_data.get("delivery-status") or {}
        services.email_soft_bounce_record(
            address=recipient,
            message_id=(event_data.get("message") or {}).get("headers", {}).get("message-id", ""),
            reason=f"Mailgun temporary failure: {delivery.get('code', '')} {delivery.get('message', '')}".strip(),
        )
        return InboxEventStatus.PROCESSED
    if event_data.get("event") == "delivered" and recipient:
        services.email_delivery_record(address=recipient)
    outcome = mailgun_event_outcome(event_data)
    if outcome is None:
        return InboxEventStatus.IGNORED
    status, undeliverable = outcome
    reason = f"Mailgun {event_data.get('event')}: {event_data.get('reason', '')}".strip()
    message_id = (event_data.get("message") or {}).get("headers", {}).get("message-id", "")
    recorded = services.message_record_status(
        provider_message_id=message_id, status=status, error=reason, undeliverable=undeliverable
    )
    if undeliverable and recorded is None and event_data.get("recipient"):
        services.recipient_suppress(channel="email", address=event_data["recipient"], reason=reason)
    return InboxEventStatus.PROCESSED


def mailgun_inbound_apply(event: InboxEvent) -> str:
    """An e-mail a Mailgun route forwarded to us (the fields of MAILGUN_INBOUND_FIELDS its view kept)."""
    fields = json.loads(event.body)
    return _taken(
        EMAIL_MESSAGE_RECEIVED.announce(
            recipient=fields.get("recipient", ""), sender=fields.get("sender", ""),
            text=fields.get("stripped-text", ""), message_id=fields.get("Message-Id", "") or event.event_id,
            received_at=event.created_at,
        )
    )  # fmt: skip


def webhook_abandoned_alert(event: InboxEvent) -> None:
    services.notify(
        event="webhook.abandoned", recipients=staff_list_active(), context={"event": event}, related_object=event
    )
