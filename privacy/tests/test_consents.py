"""Consents: the state answered, each change kept, and a withdrawal obeyed by notifications at once."""

import pytest
from django.core import mail
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from notifications.events import EVENTS, EventSpec
from notifications.models import Category, Channel, MessageLog, MessageStatus
from notifications.services import notify
from notifications.tasks import dispatch_due_messages
from privacy.models import ConsentRecord
from privacy.selectors import consent_is_granted

pytestmark = pytest.mark.django_db

SETTINGS = "/api/v1/privacy/settings/"


def test_consents_are_answered_and_each_change_is_kept_with_where_it_came_from(client_for):
    buyer = BuyerFactory()
    caller = client_for(buyer)
    before = caller.get(SETTINGS).json()
    assert before["changed_at"] is None
    assert {row["purpose"]: row["granted"] for row in before["consents"]} == {
        "marketing_email": False, "marketing_whatsapp": False, "marketing_sms": False, "analytics": False,
        "profiling": False,
    }  # fmt: skip

    given = caller.patch(
        SETTINGS, {"marketing_email": True, "analytics": True, "profiling": False}, format="json",
        REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="NzilaApp/3.1 (Android 14)",
    )  # fmt: skip

    assert given.status_code == 200
    granted = {row["purpose"]: row["granted"] for row in given.json()["consents"]}
    assert (granted["marketing_email"], granted["analytics"], granted["profiling"]) == (True, True, False)
    assert given.json()["changed_at"] is not None
    records = ConsentRecord.objects.filter(user=buyer).order_by("purpose")
    assert [(r.purpose, r.granted, r.source, r.ip_address, r.user_agent) for r in records] == [
        ("analytics", True, "api", "203.0.113.7", "NzilaApp/3.1 (Android 14)"),
        ("marketing_email", True, "api", "203.0.113.7", "NzilaApp/3.1 (Android 14)"),
    ]  # profiling was already off: no change, no record
    marketing = caller.get("/api/v1/notifications/preferences/").json()
    assert next(row for row in marketing if row["category"] == "marketing" and row["channel"] == "email")["enabled"]
    assert consent_is_granted(user=buyer, purpose="analytics")
    assert not consent_is_granted(user=buyer, purpose="profiling")

    caller.patch(SETTINGS, {"analytics": False}, format="json")
    assert not consent_is_granted(user=buyer, purpose="analytics")
    assert ConsentRecord.objects.filter(user=buyer).count() == 3
    assert caller.patch(SETTINGS, {}, format="json").status_code == 400


def test_a_withdrawn_marketing_consent_stops_a_marketing_message_already_queued(
    client_for, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setitem(EVENTS, "account.welcome", EventSpec(category=Category.MARKETING, channels=(Channel.EMAIL,)))
    buyer = BuyerFactory()
    caller = client_for(buyer)
    caller.patch(SETTINGS, {"marketing_email": True}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.welcome", recipients=[buyer], context={}, related_object=buyer)  # batched: it waits
    message = MessageLog.objects.get(user=buyer, channel=Channel.EMAIL)

    caller.patch(SETTINGS, {"marketing_email": False}, format="json")
    MessageLog.objects.filter(pk=message.pk).update(send_after=timezone.now())  # its time has come
    dispatch_due_messages()

    assert mail.outbox == []
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert "consent" in message.error
