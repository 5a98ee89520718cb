import json
from datetime import timedelta
from urllib.parse import parse_qs

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from documents.tests.samples import png_bytes
from notifications.models import MessageLog, MessageStatus
from notifications.tasks import dispatch_due_messages
from notifications.tests.conftest import TWILIO_MESSAGES_URL, twilio, twilio_message_created  # noqa: F401
from shipments.models import ShipmentStatus
from shipments.tests.factories import ShipmentFactory
from support.models import Ticket, TicketStatus
from support.tests.factories import TicketFactory

pytestmark = pytest.mark.django_db

TICKETS = "/api/v1/support/tickets/"
REPLY = "Your car was moved to the next vessel, the Grande Lagos; it reaches Abidjan on Friday."


def test_a_buyer_opens_a_ticket_on_a_late_shipment_and_gets_staffs_reply_on_whatsapp_and_by_email(
    client_for,
    twilio,  # noqa: F811 (the fixture imported above)
    settings,
    django_capture_on_commit_callbacks,
):
    settings.TWILIO_WHATSAPP_CONTENT_SIDS = {"support_reply": "HX" + "c" * 32}
    buyer = BuyerFactory(phone="+2250701020304", preferred_language="en", timezone="Africa/Abidjan")
    shipment = ShipmentFactory(
        deal__buyer=buyer,
        status=ShipmentStatus.DEPARTED,
        etd=timezone.now() - timedelta(days=30),
        eta=timezone.now() - timedelta(days=3),
    )
    staff = StaffFactory()

    opened = client_for(buyer).post(
        TICKETS,
        {"shipment": shipment.pk, "category": "delay", "subject": "My car is late", "body": "It was due 3 days ago."},
    )
    assert opened.status_code == 201, opened.content
    ticket_id = opened.data["id"]
    assert (opened.data["status"], opened.data["shipment"], opened.data["deal"]) == ("open", shipment.pk, None)
    assert [message["body"] for message in opened.data["messages"]] == ["It was due 3 days ago."]

    staff_client = client_for(staff)
    assigned = staff_client.post(f"{TICKETS}{ticket_id}/assign/", {"assigned_to": staff.pk})
    assert (assigned.status_code, assigned.data["assigned_to"]) == (200, staff.pk)
    twilio.post(
        TWILIO_MESSAGES_URL, json=twilio_message_created("SM" + "8" * 32, "whatsapp:+2250701020304"), status=201
    )
    with django_capture_on_commit_callbacks(execute=True):
        replied = staff_client.post(f"{TICKETS}{ticket_id}/messages/", {"body": REPLY})
    assert replied.status_code == 201
    ticket = Ticket.objects.get()
    assert (ticket.status, ticket.first_response_at) == (TicketStatus.IN_PROGRESS, ticket.messages.last().created_at)

    # Two replies within the batching window would go as one message: the window passes.
    MessageLog.objects.filter(status=MessageStatus.QUEUED).update(send_after=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_due_messages()

    sent = {key: values[0] for key, values in parse_qs(twilio.calls[0].request.body).items()}
    assert (sent["To"], sent["ContentSid"]) == ("whatsapp:+2250701020304", "HX" + "c" * 32)
    variables = json.loads(sent["ContentVariables"])
    assert variables["1"] == f"Reply to your ticket #{ticket_id}: My car is late"
    assert variables["2"] == (
        f"Nzila support, ticket #{ticket_id}: {REPLY} https://api.nzila.example/support/tickets/{ticket_id}"
    )
    whatsapp = MessageLog.objects.get(channel="whatsapp")
    assert (whatsapp.status, whatsapp.provider_message_id) == (MessageStatus.SENT, "SM" + "8" * 32)
    # Staff heard of the new ticket too (test_inbound_replies).
    assert sorted(sent.to[0] for sent in mail.outbox) == sorted([buyer.email, staff.email])
    [email] = [sent for sent in mail.outbox if sent.to == [buyer.email]]
    assert (email.to, email.subject) == ([buyer.email], f"Reply to your ticket #{ticket_id}: My car is late")
    assert REPLY in email.body
    assert list(AuditLog.objects.filter(object_id=str(ticket_id)).order_by("id").values_list("action", "changes")) == [
        ("support.ticket_open", {"status": "open", "priority": "normal", "shipment": shipment.pk}),
        ("support.ticket_assign", {"assigned_to": [None, staff.pk]}),
        ("support.ticket_status", {"status": ["open", "in_progress"]}),
    ]


def test_another_buyer_gets_404_and_a_visitor_401(client_for, api_client):
    ticket = TicketFactory()
    stranger = client_for(BuyerFactory())
    assert stranger.get(f"{TICKETS}{ticket.pk}/").status_code == 404
    assert stranger.post(f"{TICKETS}{ticket.pk}/messages/", {"body": "Hello"}).status_code == 404
    assert stranger.get(TICKETS).data["count"] == 0
    assert client_for(ticket.opened_by).get(TICKETS).data["count"] == 1
    assert api_client.get(TICKETS).status_code == 401
    assert client_for(BuyerFactory()).post(f"{TICKETS}{ticket.pk}/assign/", {"assigned_to": None}).status_code == 403


def test_a_ticket_names_exactly_one_object_the_opener_takes_part_in(client_for):
    shipment = ShipmentFactory()
    others = ShipmentFactory()
    client = client_for(shipment.deal.buyer)
    base = {"category": "delay", "subject": "Late", "body": "Where is it?"}

    none = client.post(TICKETS, base)
    both = client.post(TICKETS, {**base, "shipment": shipment.pk, "deal": shipment.deal_id})
    not_mine = client.post(TICKETS, {**base, "shipment": others.pk})
    bad = client.post(TICKETS, {"category": "weather", "shipment": shipment.pk})

    assert none.status_code == both.status_code == not_mine.status_code == bad.status_code == 400
    message = "Name exactly one deal, payment or shipment the ticket is about (you named {count})."
    assert none.json()["fields"] == {"non_field_errors": [message.format(count=0)]}
    assert both.json()["fields"] == {"non_field_errors": [message.format(count=2)]}
    assert not_mine.json()["fields"] == {"shipment": [f"No shipment you take part in has the id {others.pk}."]}
    assert set(bad.json()["fields"]) == {"category", "subject", "body"}
    assert not Ticket.objects.exists()


def test_internal_notes_are_for_staff_only(client_for):
    ticket = TicketFactory()
    staff = client_for(StaffFactory())
    note = staff.post(f"{TICKETS}{ticket.pk}/messages/", {"body": "Carrier says Friday.", "is_internal": True})
    assert note.status_code == 201
    opener = client_for(ticket.opened_by)
    assert opener.get(f"{TICKETS}{ticket.pk}/").data["messages"] == []
    assert [m["body"] for m in staff.get(f"{TICKETS}{ticket.pk}/").data["messages"]] == ["Carrier says Friday."]
    refused = opener.post(f"{TICKETS}{ticket.pk}/messages/", {"body": "Psst", "is_internal": True})
    assert refused.json()["fields"] == {"is_internal": ["Only staff write internal notes."]}
    ticket.refresh_from_db()
    assert (ticket.first_response_at, ticket.status) == (None, TicketStatus.OPEN)  # a note is not a response
    assert not MessageLog.objects.exists()


def test_attachments_are_checked_by_their_bytes_and_served_by_a_signed_link(client_for, api_client, settings):
    ticket = TicketFactory()
    client = client_for(ticket.opened_by)
    url = f"{TICKETS}{ticket.pk}/attachments/"
    image = png_bytes(width=40, height=30)

    added = client.post(url, {"file": SimpleUploadedFile("damage.png", image)}, format="multipart")
    assert added.status_code == 201
    assert (added.data["original_name"], added.data["content_type"]) == ("damage.png", "image/png")
    download = api_client.get(added.data["download_url"])
    assert (download.status_code, b"".join(download.streaming_content)) == (200, image)

    fake = client.post(url, {"file": SimpleUploadedFile("invoice.pdf", b"not a pdf")}, format="multipart")
    assert fake.json()["fields"]["file"] == [
        "Documents must be PDF, JPEG or PNG files; this file's content is none of these although its name ends in .pdf."
    ]
    settings.SUPPORT_ATTACHMENT_MAX_BYTES = 100
    big = client.post(url, {"file": SimpleUploadedFile("big.png", image)}, format="multipart")
    assert big.status_code == 400
    assert big.json()["fields"]["file"][0].startswith("An attachment is at most 0 MB")
    assert ticket.attachments.count() == 1


def test_the_opener_closes_and_reopens_within_the_rules(client_for):
    ticket = TicketFactory()
    opener = client_for(ticket.opened_by)
    status_url = f"{TICKETS}{ticket.pk}/status/"

    assert opener.post(status_url, {"status": "resolved"}).status_code == 403
    assert opener.post(status_url, {"status": "closed"}).data["status"] == "closed"
    assert opener.post(f"{TICKETS}{ticket.pk}/messages/", {"body": "One more thing"}).status_code == 409
    assert opener.post(status_url, {"status": "open"}).data["status"] == "open"
    opener.post(status_url, {"status": "closed"})
    Ticket.objects.filter(pk=ticket.pk).update(closed_at=timezone.now() - timedelta(days=8))
    late = opener.post(status_url, {"status": "open"})
    assert (late.status_code, late.json()["detail"]) == (
        409,
        "A closed ticket can be reopened for 7 days; open a new ticket instead.",
    )
    staff = client_for(StaffFactory())
    assert staff.post(status_url, {"status": "resolved"}).json()["code"] == "invalid_transition"
    assert staff.post(status_url, {"status": "open"}).data["status"] == "open"


def test_staff_filter_tickets_by_status_assignee_and_overdue(client_for, django_assert_num_queries):
    staff = StaffFactory()
    overdue = TicketFactory(first_response_due_at=timezone.now() - timedelta(hours=1), assigned_to=staff)
    TicketFactory(status=TicketStatus.RESOLVED, resolution_due_at=timezone.now() - timedelta(hours=1))
    TicketFactory()
    client = client_for(staff)
    with django_assert_num_queries(5):  # request savepoint, user, count, page, release
        listed = client.get(TICKETS, {"overdue": "true"})
    assert [(row["id"], row["is_overdue"]) for row in listed.data["results"]] == [(overdue.pk, True)]
    assert client.get(TICKETS, {"assigned_to": staff.pk}).data["count"] == 1
    assert client.get(TICKETS, {"status": "resolved"}).data["count"] == 1
    assert client.get(TICKETS, {"status": "nope"}).status_code == 400
    for name in ("overdue", "unassigned"):  # was read as no filter: every ticket
        refused = client.get(TICKETS, {name: "maybe"})
        assert (refused.status_code, refused.json()["fields"]) == (400, {name: ["Must be a valid boolean."]})


def test_the_database_refuses_a_ticket_about_two_objects():
    ticket = TicketFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Ticket.objects.filter(pk=ticket.pk).update(deal=ticket.shipment.deal)
