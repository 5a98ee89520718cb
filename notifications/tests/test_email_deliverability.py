"""E-mail that reaches inboxes: one-click unsubscribe on marketing mail (RFC 8058), honoured at once, and
an address suppressed after five soft bounces in a row."""

import hashlib
import hmac
import re
import time

import pytest
from django.core import mail
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from notifications.events import EVENTS, EventSpec
from notifications.models import (
    Category,
    ChannelPreference,
    MessageLog,
    MessageStatus,
    SoftBounceStreak,
    SuppressedRecipient,
)
from notifications.services import message_deliver, notify
from notifications.unsubscribe import unsubscribe_link_make

pytestmark = pytest.mark.django_db

SITE = "https://api.nzila.example"


@pytest.fixture
def marketing_event(monkeypatch, settings):
    """An event flagged marketing, by e-mail (no marketing event is sent by the apps yet)."""
    settings.SITE_URL = SITE
    settings.NOTIFICATION_UNSUBSCRIBE_MAILTO = "unsubscribe@nzila.example"
    monkeypatch.setitem(
        EVENTS, "account.password_changed", EventSpec(category=Category.MARKETING, urgent=True, channels=("email",))
    )


def consenting_buyer():
    buyer = BuyerFactory()
    ChannelPreference.objects.create(
        user=buyer, channel="email", category="marketing", enabled=True, consented_at=timezone.now()
    )
    return buyer


def send(buyer, capture) -> None:
    with capture(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})


def test_marketing_mail_carries_one_click_list_unsubscribe_and_transactional_mail_does_not(
    client, monkeypatch, marketing_event, django_capture_on_commit_callbacks
):
    buyer = consenting_buyer()
    send(buyer, django_capture_on_commit_callbacks)
    headers = mail.outbox[0].extra_headers
    link = re.fullmatch(  # the https link first: one-click needs it
        rf"<{SITE}(/api/v1/notifications/unsubscribe/[^/>]+/)>, "
        r"<mailto:unsubscribe@nzila\.example\?subject=unsubscribe>",
        headers["List-Unsubscribe"],
    )
    assert link is not None
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        client.post(link[1], "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded").status_code
        == 200
    )
    assert not ChannelPreference.objects.get(user=buyer, channel="email", category="marketing").enabled

    monkeypatch.setitem(EVENTS, "account.password_changed", EventSpec(urgent=True, channels=("email",)))
    send(buyer, django_capture_on_commit_callbacks)
    assert "List-Unsubscribe" not in mail.outbox[1].extra_headers


def test_a_one_click_post_unsubscribes_at_once_without_signing_in(
    client, marketing_event, django_capture_on_commit_callbacks
):
    buyer = consenting_buyer()
    with django_capture_on_commit_callbacks(execute=False):  # queued, not sent yet
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    path = unsubscribe_link_make(user=buyer, channel="email").path
    response = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert response.json() == {"channel": "email", "category": "marketing", "enabled": False}
    preference = ChannelPreference.objects.get(user=buyer, channel="email", category="marketing")
    assert (preference.enabled, preference.consented_at) == (False, None)
    assert client.post(path).status_code == 200  # a second click changes nothing

    queued = message_deliver(message_id=MessageLog.objects.get().pk)
    assert queued.status == MessageStatus.FAILED  # the one queued before is not sent either
    send(buyer, django_capture_on_commit_callbacks)
    assert MessageLog.objects.count() == 1
    assert mail.outbox == []


def test_a_forged_unsubscribe_link_is_404_and_changes_nothing(client, marketing_event):
    buyer = consenting_buyer()
    path = unsubscribe_link_make(user=buyer, channel="email").path
    response = client.post(path.replace("/unsubscribe/", "/unsubscribe/x"))
    assert response.status_code == 404
    assert response.json()["detail"] == "This unsubscribe link is not valid."
    assert ChannelPreference.objects.get(user=buyer, channel="email", category="marketing").enabled


def mailgun_event(event_data: dict) -> dict:
    timestamp, token = str(int(time.time())), "t" * 50
    signature = hmac.new(b"mailgun-key", f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {"signature": {"timestamp": timestamp, "token": token, "signature": signature}, "event-data": event_data}


def soft_bounce(number: int, *, message_id: str | None = None) -> dict:
    """A Mailgun 'failed' event of temporary severity (the receiving server deferred: mailbox full)."""
    return mailgun_event(
        {
            "id": f"bounce-{number}",
            "event": "failed",
            "severity": "temporary",
            "reason": "generic",
            "recipient": "Full@Example.com",
            "delivery-status": {"code": 452, "message": "4.2.2 Mailbox full"},
            "message": {"headers": {"message-id": message_id or f"m{number}@nzila.export"}},
        }
    )


def post_mailgun(client, body: dict):
    response = client.post("/api/v1/webhooks/email/mailgun/", body, content_type="application/json")
    assert response.status_code == 204


def test_five_soft_bounces_in_a_row_suppress_an_address_and_a_delivery_resets_the_count(client, settings):
    settings.MAILGUN_WEBHOOK_SIGNING_KEY = "mailgun-key"
    for number in range(1, 5):
        post_mailgun(client, soft_bounce(number))
    post_mailgun(client, soft_bounce(40, message_id="m4@nzila.export"))  # Mailgun's retry of the 4th: counts once
    delivered = {"id": "d1", "event": "delivered", "recipient": "full@example.com", "message": {"headers": {}}}
    post_mailgun(client, mailgun_event(delivered))
    assert SoftBounceStreak.objects.get(address="full@example.com").soft_bounces == 0
    assert not SuppressedRecipient.objects.exists()

    for number in range(5, 10):
        post_mailgun(client, soft_bounce(number))
    assert SoftBounceStreak.objects.get().soft_bounces == 5
    suppression = SuppressedRecipient.objects.get(channel="email")
    assert suppression.address == "full@example.com"
    assert suppression.reason == "5 soft bounces in a row, the last: Mailgun temporary failure: 452 4.2.2 Mailbox full"
