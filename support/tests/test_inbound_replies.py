"""The support desk's conversation both ways (#19): staff hear of a new ticket, the opener gets staff's replies by
e-mail and on WhatsApp, and answers either way: a signed WhatsApp webhook or a signed Mailgun inbound post
lands on the ticket as a message written in the app would, once."""

import hashlib
import hmac
import json
import re
import secrets
import time
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from notifications.models import MessageLog, MessageStatus, Notification, WhatsAppSession
from notifications.tasks import dispatch_due_messages
from notifications.tests.conftest import (  # noqa: F401 (the fixtures)
    CLOUD_MESSAGES_URL,
    cloud_message_created,
    cloud_signature,
    cloud_webhook,
    twilio,
    twilio_signature,
    whatsapp_cloud,
)
from shipments.models import ShipmentStatus
from shipments.tests.factories import ShipmentFactory
from support.models import MessageVia, Ticket, TicketMessage, TicketStatus
from support.reply_addresses import ticket_reply_address
from support.tests.factories import TicketFactory
from webhooks.models import InboxEvent, InboxEventStatus
from webhooks.services import inbox_event_process, inbox_event_replay

pytestmark = pytest.mark.django_db

TICKETS = "/api/v1/support/tickets/"
CLOUD_WEBHOOK = "/api/v1/webhooks/whatsapp/cloud/"
TWILIO_INBOUND = "/api/v1/webhooks/twilio/whatsapp/"
MAILGUN_INBOUND = "/api/v1/webhooks/email/mailgun/inbound/"
MAILGUN_KEY = "mailgun-signing-key"
REPLY_DOMAIN = "reply.nzila.example"
PHONE = "+2250701020304"
FIRST_REPLY = "Your car was moved to the next vessel, the Grande Lagos; it reaches Abidjan on Friday."
SECOND_REPLY = "It is unloaded in Abidjan, berth 4. Can you send us the name of your customs broker?"
BY_WHATSAPP = "Thank you. Will it be unloaded in Abidjan or in San-Pédro?"
BY_EMAIL = "My broker is Transit Ivoire SARL, contact Mr Kouadio."


@pytest.fixture
def desk(settings):
    settings.SUPPORT_REPLY_DOMAIN = REPLY_DOMAIN
    settings.MAILGUN_WEBHOOK_SIGNING_KEY = MAILGUN_KEY


def deliver_due(capture) -> None:
    """Send what was queued, its batching window (and any quiet hours) passed."""
    MessageLog.objects.filter(status=MessageStatus.QUEUED).update(send_after=timezone.now())
    with capture(execute=True):
        dispatch_due_messages()


def mailgun_inbound(*, recipient: str, sender: str, text: str, message_id: str, key: str = MAILGUN_KEY) -> dict:
    """The fields a Mailgun route's forward() posts for a received e-mail (its "fully parsed" format), signed
    as Mailgun signs them: HMAC-SHA256 of timestamp + token with the webhook signing key."""
    timestamp, token = str(int(time.time())), secrets.token_hex(25)
    return {
        "recipient": recipient,
        "sender": sender,
        "from": f"Awa Koné <{sender}>",
        "subject": "Re: Reply to your ticket",
        "body-plain": f"{text}\n\nOn Tuesday, Nzila Export Hub wrote:\n> {SECOND_REPLY}",
        "stripped-text": text,
        "stripped-signature": "",
        "Message-Id": f"<{message_id}>",
        "message-headers": json.dumps([["Message-Id", f"<{message_id}>"], ["To", recipient]]),
        "timestamp": timestamp,
        "token": token,
        "signature": hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest(),
    }


def post_cloud_webhook(client, payload: dict, *, signature: str | None = None):
    body = json.dumps(payload).encode()
    signature = cloud_signature(body) if signature is None else signature
    return client.post(CLOUD_WEBHOOK, body, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=signature)


def cloud_text(wamid: str, text: str, *, sender: str = PHONE) -> dict:
    """An inbound text message of a Cloud API webhook (Meta's webhook reference, messages[])."""
    return {
        "from": sender.removeprefix("+"), "id": wamid, "timestamp": str(int(time.time())),
        "type": "text", "text": {"body": text},
    }  # fmt: skip


def conversation(ticket: Ticket) -> list[tuple[str, str, str]]:
    return [(message.author.username, message.via, message.body) for message in ticket.messages.order_by("id")]


def test_a_buyer_and_staff_talk_about_a_late_shipment_in_the_app_on_whatsapp_and_by_email(
    client,
    client_for,
    desk,
    whatsapp_cloud,  # noqa: F811 (the fixture imported above)
    django_capture_on_commit_callbacks,
):
    buyer = BuyerFactory(phone=PHONE, first_name="Awa", last_name="Koné", preferred_language="en")
    shipment = ShipmentFactory(
        deal__buyer=buyer,
        status=ShipmentStatus.DEPARTED,
        etd=timezone.now() - timedelta(days=30),
        eta=timezone.now() - timedelta(days=3),
    )
    agent, colleague = StaffFactory(), StaffFactory()
    whatsapp_cloud.post(CLOUD_MESSAGES_URL, json=cloud_message_created("wamid.out1", PHONE[1:]))
    whatsapp_cloud.post(CLOUD_MESSAGES_URL, json=cloud_message_created("wamid.out2", PHONE[1:]))

    # The buyer opens a ticket: every staff member hears of it, in the app and by e-mail.
    opened = client_for(buyer).post(
        TICKETS,
        {"shipment": shipment.pk, "category": "delay", "subject": "My car is late", "body": "It was due 3 days ago."},
    )
    assert opened.status_code == 201, opened.content
    ticket = Ticket.objects.get(pk=opened.data["id"])
    told = Notification.objects.filter(event="support.ticket_opened").order_by("user_id")
    assert [(note.user, note.title) for note in told] == [
        (staff, f"New support ticket #{ticket.pk} (normal priority): My car is late") for staff in (agent, colleague)
    ]
    deliver_due(django_capture_on_commit_callbacks)
    assert sorted(sent.to[0] for sent in mail.outbox) == sorted([agent.email, colleague.email])
    assert f"Awa Koné opened ticket #{ticket.pk} about shipment {shipment.pk} (Delay, normal priority)" in (
        mail.outbox[0].body
    )
    assert "It was due 3 days ago." in mail.outbox[0].body
    assert f"/admin/support/ticket/{ticket.pk}/change/" in mail.outbox[0].body
    mail.outbox.clear()

    # Staff take it and answer: the buyer gets the reply by e-mail, whose Reply-To is the ticket's signed
    # address, and on WhatsApp (the approved template: the buyer has not written to us there yet).
    staff_api = client_for(agent)
    assert staff_api.post(f"{TICKETS}{ticket.pk}/assign/", {"assigned_to": agent.pk}).status_code == 200
    assert staff_api.post(f"{TICKETS}{ticket.pk}/messages/", {"body": FIRST_REPLY}).status_code == 201
    deliver_due(django_capture_on_commit_callbacks)
    [email] = mail.outbox
    assert (email.to, email.subject) == ([buyer.email], f"Reply to your ticket #{ticket.pk}: My car is late")
    [reply_address] = email.reply_to
    assert re.fullmatch(rf"support\+{ticket.pk}\.[A-Za-z0-9_-]{{43}}@reply\.nzila\.example", reply_address)
    assert email.message()["Reply-To"] == reply_address
    sent = json.loads(whatsapp_cloud.calls[0].request.body)
    assert (sent["to"], sent["type"], sent["template"]["name"]) == (PHONE[1:], "template", "support_reply")
    parameters = [parameter["text"] for parameter in sent["template"]["components"][0]["parameters"]]
    assert parameters[1].startswith(f"Nzila support, ticket #{ticket.pk}: {FIRST_REPLY}")

    # The buyer answers on WhatsApp: a signed Cloud API webhook. It lands on the ticket (the buyer's only
    # unresolved one), opens the 24-hour window, and the assignee hears of it. Meta delivering it again, or
    # staff replaying the event from the admin, adds nothing.
    inbound = cloud_webhook(messages=[cloud_text("wamid.in1", BY_WHATSAPP)])
    assert post_cloud_webhook(client, inbound).status_code == 200
    assert conversation(ticket)[-1] == (buyer.username, MessageVia.WHATSAPP, BY_WHATSAPP)
    assert WhatsAppSession.objects.get(phone=PHONE).last_inbound_at > timezone.now() - timedelta(minutes=1)
    assert Notification.objects.get(event="support.customer_replied").user == agent
    assert post_cloud_webhook(client, inbound).status_code == 200
    event = InboxEvent.objects.get(provider="whatsapp_cloud", event_id="wamid.in1")
    inbox_event_process(event_id=inbox_event_replay(event=event, user=agent).pk)
    event.refresh_from_db()
    assert event.status == InboxEventStatus.PROCESSED
    assert TicketMessage.objects.filter(external_id="whatsapp:wamid.in1").count() == 1
    assert ticket.messages.count() == 3

    # Staff wait on the buyer and answer again: inside the window, WhatsApp carries the reply as free text.
    mail.outbox.clear()
    assert staff_api.post(f"{TICKETS}{ticket.pk}/status/", {"status": "waiting_on_customer"}).status_code == 200
    assert staff_api.post(f"{TICKETS}{ticket.pk}/messages/", {"body": SECOND_REPLY}).status_code == 201
    deliver_due(django_capture_on_commit_callbacks)
    sent = json.loads(whatsapp_cloud.calls[1].request.body)
    assert sent["type"] == "text"
    assert sent["text"]["body"].startswith(f"Nzila support, ticket #{ticket.pk}: {SECOND_REPLY}")
    told, email = sorted(mail.outbox, key=lambda sent: sent.to != [agent.email])  # the agent, by e-mail too
    assert (told.to, told.subject) == ([agent.email], f"Awa Koné wrote on ticket #{ticket.pk}: My car is late")
    assert f"Awa Koné wrote on ticket #{ticket.pk} (My car is late) on WhatsApp:\n\n{BY_WHATSAPP}" in told.body
    assert (email.to, email.reply_to) == ([buyer.email], [reply_address])

    # The buyer answers that e-mail: Mailgun's route posts it, signed. It lands on the ticket, which goes back
    # in progress as when the buyer writes in the app. Mailgun posting it again adds nothing.
    reply = mailgun_inbound(recipient=reply_address, sender=buyer.email, text=BY_EMAIL, message_id="r1@mail.example")
    assert client.post(MAILGUN_INBOUND, reply).status_code == 200
    again = mailgun_inbound(recipient=reply_address, sender=buyer.email, text=BY_EMAIL, message_id="r1@mail.example")
    assert client.post(MAILGUN_INBOUND, again).status_code == 200
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.IN_PROGRESS
    moved = AuditLog.objects.filter(action="support.ticket_status", object_id=str(ticket.pk)).order_by("id").last()
    assert (moved.user, moved.changes) == (buyer, {"status": ["waiting_on_customer", "in_progress"]})
    assert InboxEvent.objects.get(provider="mailgun").status == InboxEventStatus.PROCESSED

    # A forged post is refused and stores nothing; an e-mail from another address is ignored.
    forged = mailgun_inbound(
        recipient=reply_address, sender=buyer.email, text="Refund me", message_id="f@x.example", key="guessed"
    )
    refused = client.post(MAILGUN_INBOUND, forged)
    assert (refused.status_code, refused.json()["code"]) == (400, "bad_signature")
    forged_whatsapp = post_cloud_webhook(
        client, cloud_webhook(messages=[cloud_text("wamid.f", "Refund me")]), signature="sha256=" + "0" * 64
    )
    assert forged_whatsapp.status_code == 400
    stranger = mailgun_inbound(
        recipient=reply_address, sender="someone@else.example", text="Refund me", message_id="s@else.example"
    )
    assert client.post(MAILGUN_INBOUND, stranger).status_code == 200
    assert InboxEvent.objects.get(event_id="inbound:<s@else.example>").status == InboxEventStatus.IGNORED
    assert InboxEvent.objects.filter(provider="mailgun").count() == 2
    assert not InboxEvent.objects.filter(event_id="wamid.f").exists()

    # The conversation, as the buyer reads it.
    shown = client_for(buyer).get(f"{TICKETS}{ticket.pk}/").data["messages"]
    assert [(message["author"], message["via"], message["body"]) for message in shown] == [
        (buyer.pk, "app", "It was due 3 days ago."),
        (agent.pk, "app", FIRST_REPLY),
        (buyer.pk, "whatsapp", BY_WHATSAPP),
        (agent.pk, "app", SECOND_REPLY),
        (buyer.pk, "email", BY_EMAIL),
    ]
    assert list(
        Notification.objects.filter(event="support.customer_replied").order_by("id").values_list("user", "body")
    )[-1] == (
        agent.pk,
        f"Awa Koné wrote on ticket #{ticket.pk} (My car is late) by e-mail:\n\n{BY_EMAIL}\n\n"
        f"The ticket: https://api.nzila.example/admin/support/ticket/{ticket.pk}/change/",
    )


def post_twilio_inbound(client, params: dict):
    url = "https://api.nzila.example" + TWILIO_INBOUND
    return client.post(TWILIO_INBOUND, params, HTTP_X_TWILIO_SIGNATURE=twilio_signature(url, params))


def twilio_text(sid: str, text: str, *, sender: str = PHONE) -> dict:
    """An incoming WhatsApp message's POST parameters (Twilio's Messaging webhook)."""
    return {
        "From": f"whatsapp:{sender}", "To": "whatsapp:+15146550101", "Body": text, "MessageSid": sid,
        "SmsSid": sid, "AccountSid": "AC" + "a" * 32, "NumMedia": "0", "ProfileName": "Awa",
    }  # fmt: skip


def test_a_whatsapp_message_goes_to_the_ticket_it_names_and_is_ignored_when_no_ticket_is_clear(
    client,
    twilio,  # noqa: F811 (the fixture imported above)
):
    buyer = BuyerFactory(phone=PHONE)
    first = TicketFactory(shipment__deal__buyer=buyer)
    second = TicketFactory(shipment__deal__buyer=buyer, status=TicketStatus.WAITING_ON_CUSTOMER)
    TicketFactory(shipment__deal__buyer=buyer, status=TicketStatus.CLOSED)

    for params in [
        twilio_text("SM" + "1" * 32, "Any news?"),  # two unresolved tickets: which one?
        twilio_text("SM" + "2" * 32, "Hello", sender="+2250709999999"),  # nobody's number
        twilio_text("SM" + "3" * 32, f"About #{second.pk}: the papers are signed."),
    ]:
        assert post_twilio_inbound(client, params).status_code == 204
    outcomes = dict(InboxEvent.objects.values_list("event_id", "status"))
    assert outcomes == {
        "SM" + "1" * 32: InboxEventStatus.IGNORED,
        "SM" + "2" * 32: InboxEventStatus.IGNORED,
        "SM" + "3" * 32: InboxEventStatus.PROCESSED,
    }
    # Each still opened its sender's 24-hour window.
    assert set(WhatsAppSession.objects.values_list("phone", flat=True)) == {PHONE, "+2250709999999"}
    assert not first.messages.exists()
    assert conversation(second) == [(buyer.username, "whatsapp", f"About #{second.pk}: the papers are signed.")]
    second.refresh_from_db()
    assert second.status == TicketStatus.IN_PROGRESS


def test_an_email_reply_needs_our_signature_an_open_ticket_and_the_openers_address(client, desk, settings):
    ticket = TicketFactory(shipment__deal__buyer__email="awa@example.com")
    other = TicketFactory(shipment__deal__buyer=ticket.opened_by)
    closed = TicketFactory(shipment__deal__buyer=ticket.opened_by, status=TicketStatus.CLOSED)
    genuine = ticket_reply_address(ticket_id=ticket.pk)
    signature = genuine.split("@")[0].split(".", 1)[1]
    attempts = {
        "moved": f"support+{other.pk}.{signature}@{REPLY_DOMAIN}",  # another ticket's number, this one's signature
        "unsigned": f"support+{ticket.pk}@{REPLY_DOMAIN}",
        "elsewhere": genuine.replace(REPLY_DOMAIN, "other.example"),
        "closed": ticket_reply_address(ticket_id=closed.pk),
        "empty": genuine,
    }
    for name, recipient in attempts.items():
        fields = mailgun_inbound(
            recipient=recipient, sender="awa@example.com", text="" if name == "empty" else "Hello",
            message_id=f"{name}@example.com",
        )  # fmt: skip
        assert client.post(MAILGUN_INBOUND, fields).status_code == 200
    assert set(InboxEvent.objects.values_list("status", flat=True)) == {InboxEventStatus.IGNORED}
    assert not TicketMessage.objects.exists()

    # Mailgun posts an e-mail without attachments form-encoded (multipart above); an address's case is no matter.
    fields = mailgun_inbound(recipient=genuine, sender="AWA@example.com", text="Hello", message_id="ok@example.com")
    urlencoded = client.post(MAILGUN_INBOUND, urlencode(fields), content_type="application/x-www-form-urlencoded")
    assert urlencoded.status_code == 200
    assert conversation(ticket) == [(ticket.opened_by.username, "email", "Hello")]

    settings.SUPPORT_REPLY_DOMAIN = ""
    assert ticket_reply_address(ticket_id=ticket.pk) == ""
