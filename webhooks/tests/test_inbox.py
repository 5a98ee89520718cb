"""The inbox itself; each provider's path through it is tested in its app (payments, notifications)."""

from datetime import timedelta

import pytest

from webhooks.models import InboxEventStatus
from webhooks.selectors import retry_delay
from webhooks.services import inbox_event_process, inbox_receive

pytestmark = pytest.mark.django_db


def test_a_failed_event_waits_twice_as_long_each_time_up_to_an_hour():
    assert [retry_delay(attempts) for attempts in (1, 2, 3, 6, 7, 12)] == [
        timedelta(minutes=minutes) for minutes in (1, 2, 4, 32, 60, 60)
    ]


def test_an_event_stored_twice_is_one_row():
    first = inbox_receive(
        provider="twilio", event_id="SM1:delivered", event_type="message.status", body=b"a=1", headers={}
    )
    again = inbox_receive(
        provider="twilio", event_id="SM1:delivered", event_type="message.status", body=b"a=1", headers={}
    )
    assert first.pk == again.pk


def test_an_event_of_a_provider_nobody_handles_fails_with_its_reason_on_the_row():
    event = inbox_receive(provider="nobody", event_id="1", event_type="ping", body=b"{}", headers={})
    event = inbox_event_process(event_id=event.pk)
    assert (event.status, event.attempts) == (InboxEventStatus.FAILED, 1)
    assert "No handler is registered for 'nobody'" in event.error
    assert "ImproperlyConfigured" in event.traceback
