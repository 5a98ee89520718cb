"""Scheduling, batching, retries and idempotent sending."""

import zoneinfo
from datetime import timedelta

import pytest
import requests
from django.core import mail
from django.db import transaction
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, DealerFactory
from notifications.models import ChannelPreference, MessageLog, MessageStatus, SuppressedRecipient
from notifications.scheduling import after_quiet_hours
from notifications.services import notify
from notifications.tasks import dispatch_due_messages, send_message
from notifications.tests.conftest import TWILIO_MESSAGES_URL, twilio_message_created
from nzila_export.celery import app as celery_app

pytestmark = pytest.mark.django_db


def time_zone_where_local_hour_is(*hours: int) -> str:
    """A fixed-offset zone in which the hour right now is one of `hours`."""
    now = timezone.now()
    for offset in range(-12, 15):
        name = f"Etc/GMT{-offset:+d}" if offset else "Etc/GMT"
        if now.astimezone(zoneinfo.ZoneInfo(name)).hour in hours:
            return name
    raise AssertionError("no such zone")


def test_quiet_hours_move_a_late_evening_message_to_8_in_the_morning():
    zone = zoneinfo.ZoneInfo("Africa/Abidjan")
    late = timezone.datetime(2026, 11, 23, 22, 30, tzinfo=zone)
    early = timezone.datetime(2026, 11, 24, 6, 0, tzinfo=zone)
    midday = timezone.datetime(2026, 11, 24, 12, 0, tzinfo=zone)
    assert after_quiet_hours(moment=late, time_zone="Africa/Abidjan") == timezone.datetime(2026, 11, 24, 8, tzinfo=zone)
    assert after_quiet_hours(moment=early, time_zone="Africa/Abidjan") == timezone.datetime(
        2026, 11, 24, 8, tzinfo=zone
    )
    assert after_quiet_hours(moment=midday, time_zone="Africa/Abidjan") == midday


def test_a_non_urgent_message_waits_for_morning_in_the_recipients_time_zone(django_capture_on_commit_callbacks):
    night_owl = BuyerFactory(timezone=time_zone_where_local_hour_is(22, 23, 0, 1, 2, 3, 4, 5))
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.welcome", recipients=[night_owl], context={})
    assert mail.outbox == []
    message = MessageLog.objects.get()
    local_send_time = message.send_after.astimezone(zoneinfo.ZoneInfo(night_owl.timezone))
    assert (local_send_time.hour, local_send_time.minute) == (8, 0)
    assert dispatch_due_messages() == 0

    MessageLog.objects.filter(pk=message.pk).update(send_after=timezone.now() - timedelta(seconds=1))  # morning
    assert dispatch_due_messages() == 1
    assert len(mail.outbox) == 1


def test_several_notifications_about_one_subject_go_as_one_message(django_capture_on_commit_callbacks):
    buyer = BuyerFactory(timezone=time_zone_where_local_hour_is(*range(9, 19)))
    subject_of_the_updates = DealerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            notify(event="account.welcome", recipients=[buyer], context={}, related_object=subject_of_the_updates)
    message = MessageLog.objects.get(channel="email")
    assert len(message.items) == 3
    assert mail.outbox == []

    MessageLog.objects.filter(pk=message.pk).update(send_after=timezone.now())  # the window has passed
    dispatch_due_messages()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "3 updates from Nzila Export Hub"
    assert mail.outbox[0].body.count("Welcome to Nzila Export Hub") == 3


def test_a_message_is_sent_once_even_if_its_task_runs_twice(django_capture_on_commit_callbacks):
    buyer = BuyerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    message = MessageLog.objects.get(channel="email")
    send_message.delay(message.pk)
    send_message.delay(message.pk)
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.attempts == 1


def test_nothing_is_queued_for_a_rolled_back_change():
    buyer = BuyerFactory()

    def failing_domain_change():
        with transaction.atomic():
            notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
            raise RuntimeError("the domain change failed")

    with pytest.raises(RuntimeError):
        failing_domain_change()
    assert not MessageLog.objects.exists()
    assert mail.outbox == []


def enable_sms(user):
    ChannelPreference.objects.create(user=user, channel="sms", category="transactional", enabled=True)


def test_sms_goes_through_twilio_and_keeps_its_message_sid(twilio, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(phone="+2250701020304")
    enable_sms(buyer)
    twilio.post(TWILIO_MESSAGES_URL, json=twilio_message_created("SM" + "1" * 32, "+2250701020304"), status=201)
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    sms = MessageLog.objects.get(channel="sms")
    assert (sms.status, sms.provider_message_id) == (MessageStatus.SENT, "SM" + "1" * 32)
    sent = twilio.calls[0].request
    assert "To=%2B2250701020304" in sent.body
    assert "From=%2B15146550100" in sent.body
    assert "StatusCallback=https%3A%2F%2Fapi.nzila.example%2Fapi%2Fv1%2Fwebhooks%2Ftwilio%2Fstatus%2F" in sent.body


@pytest.fixture
def eager_retries(monkeypatch):
    """Eager tasks run their retries at once only when they do not propagate exceptions."""
    monkeypatch.setitem(celery_app.conf, "task_eager_propagates", False)


@pytest.mark.usefixtures("eager_retries")
def test_provider_outages_retry_with_backoff_then_succeed(twilio, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(phone="+2250701020304")
    enable_sms(buyer)
    outage = {"code": 20500, "message": "Internal Server Error", "status": 500}
    twilio.post(TWILIO_MESSAGES_URL, json=outage, status=500)
    twilio.post(TWILIO_MESSAGES_URL, json=outage, status=503)
    twilio.post(TWILIO_MESSAGES_URL, json=twilio_message_created("SM" + "2" * 32, "+2250701020304"), status=201)
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    sms = MessageLog.objects.get(channel="sms")
    assert (sms.status, sms.attempts, sms.error) == (MessageStatus.SENT, 3, "")


@pytest.mark.usefixtures("eager_retries")
def test_a_message_that_keeps_failing_ends_failed_in_the_log(twilio, settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATION_MAX_SEND_ATTEMPTS = 3
    buyer = BuyerFactory(phone="+2250701020304")
    enable_sms(buyer)
    for _ in range(3):
        twilio.post(TWILIO_MESSAGES_URL, json={"code": 20500, "message": "down", "status": 500}, status=500)
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    sms = MessageLog.objects.get(channel="sms")
    assert sms.status == MessageStatus.FAILED
    assert sms.attempts == 3
    assert sms.error == "Gave up after 3 attempts: Twilio answered 500: Unable to create record: down"
    assert len(twilio.calls) == 3


def test_an_invalid_number_fails_at_once_without_calling_twilio(twilio, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(phone="+22507010")
    enable_sms(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    sms = MessageLog.objects.get(channel="sms")
    assert (sms.status, sms.error) == (MessageStatus.UNDELIVERABLE, "+22507010 is not a valid phone number.")
    assert sms.attempts == 0
    assert len(twilio.calls) == 0


def test_a_number_twilio_calls_invalid_is_suppressed(twilio, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(phone="+2250701020304")
    enable_sms(buyer)
    refusal = {
        "code": 21211,
        "message": "The 'To' number +2250701020304 is not a valid phone number.",
        "more_info": "https://www.twilio.com/docs/errors/21211",
        "status": 400,
    }
    twilio.post(TWILIO_MESSAGES_URL, json=refusal, status=400)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    first, second = MessageLog.objects.filter(channel="sms").order_by("id")
    assert first.status == MessageStatus.UNDELIVERABLE
    assert first.attempts == 1
    assert "21211" in first.error
    assert SuppressedRecipient.objects.filter(channel="sms", address="+2250701020304").exists()
    assert (second.status, second.attempts) == (MessageStatus.UNDELIVERABLE, 0)
    assert second.error.startswith("Address suppressed:")
    assert len(twilio.calls) == 1


def test_without_twilio_settings_text_messages_go_to_the_log(caplog, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(phone="+2250701020304")
    enable_sms(buyer)
    with caplog.at_level("INFO", logger="notifications.outbox"), django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    sms = MessageLog.objects.get(channel="sms")
    assert sms.status == MessageStatus.SENT
    assert sms.provider_message_id.startswith("log-")
    assert "SMS to +2250701020304" in caplog.text
    assert f"the password of {buyer.username} was changed" in caplog.text


@pytest.mark.usefixtures("eager_retries")
def test_a_message_whose_answer_twilio_lost_is_not_sent_again(twilio, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(phone="+2250701020304")
    enable_sms(buyer)
    twilio.post(TWILIO_MESSAGES_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    sms = MessageLog.objects.get(channel="sms")
    assert (sms.status, sms.attempts) == (MessageStatus.FAILED, 1)
    assert sms.error == "Twilio's answer was lost (ReadTimeout); not sent again"
    assert len(twilio.calls) == 1
