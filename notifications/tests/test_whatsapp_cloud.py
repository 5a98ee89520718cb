"""WhatsApp through Twilio or Meta's Cloud API, chosen by WHATSAPP_PROVIDER: the same notification, the
request each provider gets, and its delivery status tracked through the one inbox either way."""

import json
from datetime import timedelta
from urllib.parse import parse_qs

import pytest
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from notifications.events import EVENTS, EventSpec
from notifications.models import MessageLog, MessageStatus, SuppressedRecipient, WhatsAppSession
from notifications.services import message_deliver, notify
from notifications.tests.conftest import (
    CLOUD_MESSAGES_URL,
    TWILIO_MESSAGES_URL,
    cloud_error,
    cloud_message_created,
    cloud_signature,
    cloud_status,
    cloud_webhook,
    twilio_message_created,
    twilio_signature,
)
from webhooks.models import InboxEvent, InboxEventStatus

pytestmark = pytest.mark.django_db

PHONE = "+2250701020304"
WAMID = "wamid.HBgNMjI1MDcwMTAyMDMwNBUCABEYEjRBQzVGQjM2RUI2MjRFRDA1NwA="
TWILIO_SID = "SM" + "7" * 32
CLOUD_WEBHOOK = "/api/v1/webhooks/whatsapp/cloud/"


@pytest.fixture
def whatsapp_event(monkeypatch):
    """The password-changed event, sent on WhatsApp only, with an approved template name."""
    monkeypatch.setitem(
        EVENTS,
        "account.password_changed",
        EventSpec(urgent=True, channels=("whatsapp",), whatsapp_template="deal_update"),
    )


def post_cloud_webhook(client, payload: dict, *, signature: str | None = None):
    body = json.dumps(payload).encode()
    signature = cloud_signature(body) if signature is None else signature
    return client.post(CLOUD_WEBHOOK, body, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=signature)


def send_password_changed(buyer, capture, **context) -> MessageLog:
    with capture(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now(), **context})
    return MessageLog.objects.get(channel="whatsapp")


def twilio_sent_and_delivered(mock, client) -> dict:
    """Twilio: the request it got, then its status callback saying delivered."""
    parameters = {key: values[0] for key, values in parse_qs(mock.calls[0].request.body).items()}
    callback = {"MessageSid": TWILIO_SID, "MessageStatus": "delivered", "To": f"whatsapp:{PHONE}"}
    url = "https://api.nzila.example/api/v1/webhooks/twilio/status/"
    response = client.post(
        "/api/v1/webhooks/twilio/status/", callback, HTTP_X_TWILIO_SIGNATURE=twilio_signature(url, callback)
    )
    assert response.status_code == 204
    return {"to": parameters["To"], "text": parameters["Body"]}


def cloud_sent_and_delivered(mock, client) -> dict:
    """The Cloud API: the request it got, then its status webhook saying delivered."""
    request = mock.calls[0].request
    assert request.headers["Authorization"] == "Bearer EAAG-test-token"
    sent = json.loads(request.body)
    assert (sent["messaging_product"], sent["type"]) == ("whatsapp", "text")
    assert post_cloud_webhook(client, cloud_webhook(statuses=[cloud_status(WAMID, "delivered")])).status_code == 200
    return {"to": sent["to"], "text": sent["text"]["body"]}


@pytest.mark.parametrize(
    ("provider", "url", "answer", "provider_message_id", "sent_and_delivered", "to"),
    [
        (
            "twilio", TWILIO_MESSAGES_URL, twilio_message_created(TWILIO_SID, f"whatsapp:{PHONE}"), TWILIO_SID,
            twilio_sent_and_delivered, f"whatsapp:{PHONE}",
        ),
        (
            "whatsapp_cloud", CLOUD_MESSAGES_URL, cloud_message_created(WAMID, PHONE[1:]), WAMID,
            cloud_sent_and_delivered, PHONE[1:],
        ),
    ],
    ids=["twilio", "cloud"],
)  # fmt: skip
def test_the_same_notification_goes_through_either_provider_and_its_delivery_is_tracked(
    request, client, whatsapp_event, django_capture_on_commit_callbacks,
    provider, url, answer, provider_message_id, sent_and_delivered, to,
):  # fmt: skip
    mock = request.getfixturevalue(provider)
    mock.post(url, json=answer, status=201 if provider == "twilio" else 200)
    buyer = BuyerFactory(phone=PHONE)
    WhatsAppSession.objects.create(phone=PHONE, last_inbound_at=timezone.now() - timedelta(hours=2))
    message = send_password_changed(buyer, django_capture_on_commit_callbacks)
    assert (message.status, message.provider_message_id) == (MessageStatus.SENT, provider_message_id)
    sent = sent_and_delivered(mock, client)
    assert sent["to"] == to
    assert sent["text"].startswith(f"Nzila: the password of {buyer.username} was changed")
    message.refresh_from_db()
    assert message.status == MessageStatus.DELIVERED


def test_outside_the_window_the_cloud_api_gets_the_events_template_in_the_persons_language(
    whatsapp_cloud, whatsapp_event, django_capture_on_commit_callbacks
):
    buyer = BuyerFactory(phone=PHONE, preferred_language="fr")
    WhatsAppSession.objects.create(phone=PHONE, last_inbound_at=timezone.now() - timedelta(hours=25))
    whatsapp_cloud.post(CLOUD_MESSAGES_URL, json=cloud_message_created(WAMID, PHONE[1:]))
    message = send_password_changed(buyer, django_capture_on_commit_callbacks)
    sent = json.loads(whatsapp_cloud.calls[0].request.body)
    assert sent["type"] == "template"
    assert sent["template"]["name"] == "deal_update"
    assert sent["template"]["language"] == {"code": "fr"}
    [body] = sent["template"]["components"]
    subject, text = (parameter["text"] for parameter in body["parameters"])
    assert subject == message.items[0]["subject"]
    assert "\n" not in text
    assert text == " ".join(message.items[0]["short"].split())
    assert message.status == MessageStatus.SENT


def test_an_invoice_goes_as_a_document_in_the_window_and_in_the_template_header_outside_it(
    whatsapp_cloud, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setitem(
        EVENTS,
        "account.password_changed",
        EventSpec(urgent=True, channels=("whatsapp",), whatsapp_template="invoice_document"),
    )
    pdf = {"storage": "invoices", "name": "invoices/INV-1.pdf", "filename": "INV-2026-0001.pdf"}
    context = {"media_url": "https://api.nzila.example/files/abc", "attachments": [{**pdf, "content_type": "x"}]}
    whatsapp_cloud.post(CLOUD_MESSAGES_URL, json=cloud_message_created(WAMID, PHONE[1:]))
    whatsapp_cloud.post(CLOUD_MESSAGES_URL, json=cloud_message_created(WAMID + "2", PHONE[1:]))
    buyer = BuyerFactory(phone=PHONE)
    session = WhatsAppSession.objects.create(phone=PHONE, last_inbound_at=timezone.now())
    send_password_changed(buyer, django_capture_on_commit_callbacks, **context)
    in_window = json.loads(whatsapp_cloud.calls[0].request.body)
    assert in_window["type"] == "document"
    assert in_window["document"]["link"] == "https://api.nzila.example/files/abc"
    assert in_window["document"]["filename"] == "INV-2026-0001.pdf"
    assert in_window["document"]["caption"].startswith("Nzila: the password of")

    session.last_inbound_at = timezone.now() - timedelta(days=2)
    session.save()
    MessageLog.objects.all().delete()
    send_password_changed(buyer, django_capture_on_commit_callbacks, **context)
    header = json.loads(whatsapp_cloud.calls[1].request.body)["template"]["components"][0]
    assert header == {
        "type": "header",
        "parameters": [
            {
                "type": "document",
                "document": {"link": "https://api.nzila.example/files/abc", "filename": "INV-2026-0001.pdf"},
            }
        ],
    }


def test_when_meta_says_the_window_closed_the_template_goes_instead(
    whatsapp_cloud, whatsapp_event, django_capture_on_commit_callbacks
):
    whatsapp_cloud.post(
        CLOUD_MESSAGES_URL,
        json=cloud_error(131047, "Re-engagement message", error_type="OAuthException"),
        status=400,
    )
    whatsapp_cloud.post(CLOUD_MESSAGES_URL, json=cloud_message_created(WAMID, PHONE[1:]))
    buyer = BuyerFactory(phone=PHONE)
    WhatsAppSession.objects.create(phone=PHONE, last_inbound_at=timezone.now())
    message = send_password_changed(buyer, django_capture_on_commit_callbacks)
    assert [json.loads(call.request.body)["type"] for call in whatsapp_cloud.calls] == ["text", "template"]
    assert (message.status, message.provider_message_id) == (MessageStatus.SENT, WAMID)


def test_a_number_not_on_whatsapp_is_suppressed_and_a_rate_limit_is_retried_later(
    whatsapp_cloud, whatsapp_event, django_capture_on_commit_callbacks
):
    whatsapp_cloud.post(CLOUD_MESSAGES_URL, json=cloud_error(130429, "Rate limit hit"), status=400)
    whatsapp_cloud.post(CLOUD_MESSAGES_URL, json=cloud_error(131026, "Message undeliverable"), status=400)
    buyer = BuyerFactory(phone=PHONE)
    WhatsAppSession.objects.create(phone=PHONE, last_inbound_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=False):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    message = MessageLog.objects.get()
    with pytest.raises(Exception, match=r"refused \(130429\): Rate limit hit"):
        message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.QUEUED, 1)
    message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.status == MessageStatus.UNDELIVERABLE
    assert message.error == "WhatsApp Cloud API refused (131026): Message undeliverable"
    assert SuppressedRecipient.objects.filter(channel="whatsapp", address=PHONE).exists()


def test_without_a_token_the_cloud_provider_writes_to_the_log(
    settings, whatsapp_event, caplog, django_capture_on_commit_callbacks
):
    settings.WHATSAPP_PROVIDER = "cloud"
    settings.WHATSAPP_CLOUD_TOKEN = ""
    message = send_password_changed(BuyerFactory(phone=PHONE), django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.SENT
    assert message.provider_message_id.startswith("log-")
    assert f"WHATSAPP to {PHONE}" in caplog.text


def test_the_webhook_handshake_echoes_the_challenge_only_for_our_verify_token(client, whatsapp_cloud):
    query = {"hub.mode": "subscribe", "hub.verify_token": "meta-verify-token", "hub.challenge": "1158201444"}
    response = client.get(CLOUD_WEBHOOK, query)
    assert (response.status_code, response.content) == (200, b"1158201444")
    refused = client.get(CLOUD_WEBHOOK, {**query, "hub.verify_token": "guess"})
    assert refused.status_code == 403
    assert refused.json()["code"] == "bad_verify_token"


def sent_message(**fields) -> MessageLog:
    return MessageLog.objects.create(
        **{
            "user": BuyerFactory(), "channel": "whatsapp", "recipient": PHONE, "event": "deal.moved",
            "language": "en", "status": MessageStatus.SENT, "send_after": timezone.now(),
            "provider_message_id": WAMID, **fields,
        }
    )  # fmt: skip


def test_statuses_out_of_order_never_move_a_message_backwards_and_each_is_stored_once(client, whatsapp_cloud):
    message = sent_message()
    read_first = cloud_webhook(statuses=[cloud_status(WAMID, "read"), cloud_status(WAMID, "delivered")])
    assert post_cloud_webhook(client, read_first).status_code == 200
    assert post_cloud_webhook(client, cloud_webhook(statuses=[cloud_status(WAMID, "sent")])).status_code == 200
    assert post_cloud_webhook(client, read_first).status_code == 200  # Meta delivers again
    message.refresh_from_db()
    assert message.status == MessageStatus.READ
    events = InboxEvent.objects.order_by("id").values_list("provider", "event_id", "status")
    assert list(events) == [
        ("whatsapp_cloud", f"{WAMID}:read", InboxEventStatus.PROCESSED),
        ("whatsapp_cloud", f"{WAMID}:delivered", InboxEventStatus.PROCESSED),
        ("whatsapp_cloud", f"{WAMID}:sent", InboxEventStatus.PROCESSED),
    ]


def test_a_forged_webhook_is_refused_and_stores_nothing(client, whatsapp_cloud):
    message = sent_message()
    payload = cloud_webhook(statuses=[cloud_status(WAMID, "failed")])
    response = post_cloud_webhook(client, payload, signature="sha256=" + "0" * 64)
    assert response.status_code == 400
    assert response.json()["code"] == "bad_signature"
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert not InboxEvent.objects.exists()


def test_a_failed_status_for_an_undeliverable_number_suppresses_it(client, whatsapp_cloud):
    message = sent_message()
    errors = [{"code": 131026, "title": "Message undeliverable", "message": "Message undeliverable"}]
    post_cloud_webhook(client, cloud_webhook(statuses=[cloud_status(WAMID, "failed", errors=errors)]))
    message.refresh_from_db()
    assert message.status == MessageStatus.UNDELIVERABLE
    assert message.error == "failed (WhatsApp error 131026: Message undeliverable)"
    assert SuppressedRecipient.objects.filter(channel="whatsapp", address=PHONE).exists()


def test_an_inbound_message_opens_the_24_hour_window(client, whatsapp_cloud):
    inbound = {
        "from": PHONE[1:], "id": "wamid.inbound1", "timestamp": str(int(timezone.now().timestamp())) ,
        "type": "text", "text": {"body": "Bonjour"},
    }  # fmt: skip
    assert post_cloud_webhook(client, cloud_webhook(messages=[inbound])).status_code == 200
    session = WhatsAppSession.objects.get(phone=PHONE)
    assert timezone.now() - session.last_inbound_at < timedelta(minutes=1)
