import pytest
from django.core import mail
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from notifications.models import ChannelPreference, MessageLog, MessageStatus, Notification
from notifications.services import notify

pytestmark = pytest.mark.django_db


def test_inbox_lists_only_the_callers_notifications_and_counts_unread(client_for):
    buyer, other = BuyerFactory(), BuyerFactory()
    notify(event="account.welcome", recipients=[buyer, other], context={})
    mine = Notification.objects.get(user=buyer)
    client = client_for(buyer)

    body = client.get("/api/v1/notifications/").json()
    assert [row["id"] for row in body["results"]] == [mine.id]
    assert body["results"][0]["is_read"] is False
    assert client.get("/api/v1/notifications/unread-count/").json() == {"unread": 1}

    theirs = Notification.objects.get(user=other)
    assert client.post(f"/api/v1/notifications/{theirs.id}/read/").status_code == 404
    read = client.post(f"/api/v1/notifications/{mine.id}/read/")
    assert read.status_code == 200
    assert read.json()["is_read"] is True
    assert client.get("/api/v1/notifications/?unread=true").json()["count"] == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_unread_filter_reads_a_boolean_strictly(client_for):
    """?unread=maybe listed the whole inbox as if read ones were asked for: a bad value is a 400 on the
    filter, as on every other list's boolean filter."""
    buyer = BuyerFactory()
    notify(event="account.welcome", recipients=[buyer], context={})
    Notification.objects.filter(user=buyer).update(read_at=timezone.now())
    client = client_for(buyer)

    refused = client.get("/api/v1/notifications/?unread=maybe")
    assert refused.status_code == 400
    assert refused.json()["fields"] == {"unread": ["Must be a valid boolean."]}
    assert client.get("/api/v1/notifications/?unread=yes").json()["count"] == 0
    assert client.get("/api/v1/notifications/?unread=False").json()["count"] == 1
    assert client.get("/api/v1/notifications/?unread=").json()["count"] == 1


def test_mark_all_read(client_for):
    buyer = BuyerFactory()
    for _ in range(3):
        notify(event="account.welcome", recipients=[buyer], context={})
    client = client_for(buyer)
    assert client.post("/api/v1/notifications/read-all/").json() == {"marked_read": 3}
    assert client.get("/api/v1/notifications/unread-count/").json() == {"unread": 0}


def test_preferences_show_the_defaults(client_for):
    rows = client_for(BuyerFactory()).get("/api/v1/notifications/preferences/").json()
    state = {(row["category"], row["channel"]): (row["enabled"], row["locked"]) for row in rows}
    assert state[("transactional", "email")] == (True, True)
    assert state[("transactional", "in_app")] == (True, True)
    assert state[("transactional", "whatsapp")] == (True, False)
    assert state[("transactional", "sms")] == (False, False)
    assert all(state[("marketing", channel)] == (False, False) for channel in ("in_app", "email", "whatsapp", "sms"))


def test_transactional_email_cannot_be_switched_off(client_for):
    buyer = BuyerFactory()
    response = client_for(buyer).patch(
        "/api/v1/notifications/preferences/",
        {"preferences": [{"channel": "email", "category": "transactional", "enabled": False}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "preferences": ["E-mail messages about your account and deals cannot be switched off."]
    }
    assert not ChannelPreference.objects.exists()


def test_marketing_needs_consent_which_is_recorded(client_for):
    buyer = BuyerFactory()
    response = client_for(buyer).patch(
        "/api/v1/notifications/preferences/",
        {"preferences": [{"channel": "whatsapp", "category": "marketing", "enabled": True}]},
        format="json",
    )
    assert response.status_code == 200
    row = next(r for r in response.json() if (r["channel"], r["category"]) == ("whatsapp", "marketing"))
    assert row["enabled"] is True
    assert row["consented_at"] is not None
    assert AuditLog.objects.filter(action="notification.preference", user=buyer).count() == 1


def test_switching_whatsapp_off_stops_whatsapp_messages(client_for, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(phone="+2250701020304")
    client_for(buyer).patch(
        "/api/v1/notifications/preferences/",
        {"preferences": [{"channel": "whatsapp", "category": "transactional", "enabled": False}]},
        format="json",
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.welcome", recipients=[buyer], context={})
    assert not MessageLog.objects.filter(channel="whatsapp").exists()


def test_staff_resend_a_failed_message_from_the_admin(client, django_capture_on_commit_callbacks, admin_login):
    staff = StaffFactory(is_superuser=True)
    buyer = BuyerFactory(email="back@example.com")
    notify(event="account.welcome", recipients=[buyer], context={})
    failed = MessageLog.objects.get(channel="email")
    MessageLog.objects.filter(pk=failed.pk).update(status=MessageStatus.FAILED, error="SMTP down")
    admin_login(client, staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/notifications/messagelog/", {"action": "resend", "_selected_action": [failed.pk]}, follow=True
        )
    assert response.status_code == 200
    copy = MessageLog.objects.get(resent_from=failed)
    assert copy.status == MessageStatus.SENT
    assert [email.to for email in mail.outbox] == [["back@example.com"]]
    failed.refresh_from_db()
    assert failed.status == MessageStatus.FAILED
    assert client.get("/admin/notifications/messagelog/?status__exact=failed").status_code == 200
