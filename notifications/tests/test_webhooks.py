"""Delivery statuses arrive by signed callbacks; forged ones change nothing, replays are harmless."""

import hashlib
import hmac
import time

import pytest
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from notifications.models import MessageLog, MessageStatus, SuppressedRecipient, WhatsAppSession
from notifications.tests.conftest import twilio_signature
from webhooks.models import InboxEvent, InboxEventStatus

pytestmark = pytest.mark.django_db

STATUS_URL = "/api/v1/webhooks/twilio/status/"
SID = "SM" + "3" * 32


def sent_message(**fields) -> MessageLog:
    defaults = {
        "user": BuyerFactory(),
        "channel": "sms",
        "recipient": "+2250701020304",
        "event": "account.password_changed",
        "language": "en",
        "status": MessageStatus.SENT,
        "send_after": timezone.now(),
        "provider_message_id": SID,
    }
    return MessageLog.objects.create(**{**defaults, **fields})


def post_twilio_callback(client, path: str, params: dict, *, signature: str | None = None):
    signature = signature if signature is not None else twilio_signature("https://api.nzila.example" + path, params)
    return client.post(path, params, HTTP_X_TWILIO_SIGNATURE=signature)


def status_params(status: str, **extra) -> dict:
    """A Twilio status callback's POST parameters (Twilio's Messaging webhooks reference)."""
    return {
        "AccountSid": "AC" + "a" * 32,
        "ApiVersion": "2010-04-01",
        "From": "+15146550100",
        "MessageSid": SID,
        "MessageStatus": status,
        "SmsSid": SID,
        "SmsStatus": status,
        "To": "+2250701020304",
        **extra,
    }


def test_a_signed_status_callback_moves_the_message_forward(client, twilio):
    message = sent_message()
    response = post_twilio_callback(client, STATUS_URL, status_params("delivered"))
    assert response.status_code == 204
    message.refresh_from_db()
    assert message.status == MessageStatus.DELIVERED


def test_a_late_or_replayed_callback_never_moves_a_message_backwards(client, twilio):
    message = sent_message(status=MessageStatus.DELIVERED)
    assert post_twilio_callback(client, STATUS_URL, status_params("sent")).status_code == 204
    assert post_twilio_callback(client, STATUS_URL, status_params("delivered")).status_code == 204
    message.refresh_from_db()
    assert message.status == MessageStatus.DELIVERED


def test_a_forged_callback_is_refused_and_changes_nothing(client, twilio):
    message = sent_message()
    response = post_twilio_callback(client, STATUS_URL, status_params("failed"), signature="forged=")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_signature"
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT


def test_a_callback_signed_for_other_parameters_is_refused(client, twilio):
    message = sent_message()
    signature = twilio_signature("https://api.nzila.example" + STATUS_URL, status_params("delivered"))
    response = client.post(STATUS_URL, status_params("failed"), HTTP_X_TWILIO_SIGNATURE=signature)
    assert response.status_code == 400
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT


def test_an_undelivered_callback_for_a_dead_number_suppresses_it(client, twilio):
    message = sent_message()
    post_twilio_callback(client, STATUS_URL, status_params("undelivered", ErrorCode="21614"))
    message.refresh_from_db()
    assert message.status == MessageStatus.UNDELIVERABLE
    assert message.error == "undelivered (Twilio error 21614)"
    assert SuppressedRecipient.objects.filter(channel="sms", address="+2250701020304").exists()


def test_an_error_code_in_superscript_digits_is_not_a_number_nor_a_500(client, twilio):
    """ "²" passes str.isdigit() but int() refuses it: only decimal digits are read as a code."""
    message = sent_message()
    answer = post_twilio_callback(client, STATUS_URL, status_params("undelivered", ErrorCode="²"))
    assert answer.status_code == 204
    message.refresh_from_db()
    assert (message.status, message.error) == (MessageStatus.FAILED, "undelivered (Twilio error ²)")
    assert not SuppressedRecipient.objects.exists()


def test_an_inbound_whatsapp_message_opens_the_24_hour_window(client, twilio):
    params = {"From": "whatsapp:+2250701020304", "To": "whatsapp:+15146550101", "Body": "Bonjour", "MessageSid": SID}
    response = post_twilio_callback(client, "/api/v1/webhooks/twilio/whatsapp/", params)
    assert response.status_code == 204
    assert WhatsAppSession.objects.get(phone="+2250701020304").last_inbound_at <= timezone.now()


def mailgun_body(key: str, event_data: dict, *, timestamp: int | None = None) -> dict:
    timestamp = str(timestamp or int(time.time()))
    token = "a" * 50
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {"signature": {"timestamp": timestamp, "token": token, "signature": signature}, "event-data": event_data}


def permanent_failure(message_id: str) -> dict:
    """A Mailgun 'failed' event with permanent severity (a hard bounce), as in Mailgun's docs."""
    return {
        "event": "failed",
        "severity": "permanent",
        "reason": "bounce",
        "recipient": "gone@example.com",
        "delivery-status": {"code": 550, "message": "5.1.1 The email account does not exist"},
        "message": {"headers": {"message-id": message_id}},
    }


def test_a_signed_mailgun_bounce_marks_the_address_undeliverable(client, settings):
    settings.MAILGUN_WEBHOOK_SIGNING_KEY = "mailgun-key"
    message = sent_message(channel="email", recipient="gone@example.com", provider_message_id="abc@nzila.export")
    body = mailgun_body("mailgun-key", permanent_failure("abc@nzila.export"))
    response = client.post("/api/v1/webhooks/email/mailgun/", body, content_type="application/json")
    assert response.status_code == 204
    message.refresh_from_db()
    assert message.status == MessageStatus.UNDELIVERABLE
    assert SuppressedRecipient.objects.get(channel="email").address == "gone@example.com"


def test_a_forged_or_stale_mailgun_event_changes_nothing(client, settings):
    settings.MAILGUN_WEBHOOK_SIGNING_KEY = "mailgun-key"
    message = sent_message(channel="email", recipient="gone@example.com", provider_message_id="abc@nzila.export")
    forged = mailgun_body("another-key", permanent_failure("abc@nzila.export"))
    stale = mailgun_body("mailgun-key", permanent_failure("abc@nzila.export"), timestamp=int(time.time()) - 3600)
    for body in (forged, stale):
        response = client.post("/api/v1/webhooks/email/mailgun/", body, content_type="application/json")
        assert response.status_code == 400
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert not SuppressedRecipient.objects.exists()


def test_status_callbacks_go_through_the_inbox_once_per_status(client, twilio):
    message = sent_message()
    for status in ("delivered", "delivered", "read"):
        assert post_twilio_callback(client, STATUS_URL, status_params(status)).status_code == 204
    events = InboxEvent.objects.order_by("id")
    assert [(event.provider, event.event_id, event.status) for event in events] == [
        ("twilio", f"{SID}:delivered", InboxEventStatus.PROCESSED),
        ("twilio", f"{SID}:read", InboxEventStatus.PROCESSED),
    ]
    message.refresh_from_db()
    assert message.status == MessageStatus.READ
    forged = post_twilio_callback(client, STATUS_URL, status_params("failed"), signature="forged")
    assert forged.status_code == 400
    assert InboxEvent.objects.count() == 2


def test_a_mailgun_timestamp_in_superscript_digits_is_refused_not_a_500(client, settings):
    settings.MAILGUN_WEBHOOK_SIGNING_KEY = "mailgun-key"
    body = mailgun_body("mailgun-key", permanent_failure("abc@nzila.export"))
    body["signature"]["timestamp"] = "²"
    response = client.post("/api/v1/webhooks/email/mailgun/", body, content_type="application/json")
    assert response.status_code == 400
    inbound = client.post("/api/v1/webhooks/email/mailgun/inbound/", {"timestamp": "²", "token": "a", "signature": "b"})
    assert inbound.status_code == 400
    assert not InboxEvent.objects.exists()
