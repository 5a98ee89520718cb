import json
from urllib.parse import parse_qs

import pytest
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from notifications.events import EVENTS, EventSpec
from notifications.models import MessageLog, MessageStatus, WhatsAppSession
from notifications.services import notify
from notifications.tests.conftest import TWILIO_MESSAGES_URL, twilio_message_created

pytestmark = pytest.mark.django_db


@pytest.fixture
def whatsapp_event(monkeypatch):
    """The password-changed event, sent on WhatsApp only, with an approved template name."""
    monkeypatch.setitem(
        EVENTS,
        "account.password_changed",
        EventSpec(urgent=True, channels=("whatsapp",), whatsapp_template="account_security_alert"),
    )


def sent_parameters(twilio) -> dict:
    return {key: values[0] for key, values in parse_qs(twilio.calls[0].request.body).items()}


def test_inside_the_24_hour_window_whatsapp_gets_free_text(twilio, whatsapp_event, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(phone="+2250701020304")
    WhatsAppSession.objects.create(phone="+2250701020304", last_inbound_at=timezone.now())
    twilio.post(
        TWILIO_MESSAGES_URL, json=twilio_message_created("SM" + "4" * 32, "whatsapp:+2250701020304"), status=201
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    parameters = sent_parameters(twilio)
    assert parameters["To"] == "whatsapp:+2250701020304"
    assert parameters["From"] == "whatsapp:+15146550101"
    assert parameters["Body"].startswith(f"Nzila: the password of {buyer.username} was changed")
    assert "ContentSid" not in parameters
    assert MessageLog.objects.get().status == MessageStatus.SENT


def test_outside_the_window_whatsapp_uses_the_approved_template(
    twilio, settings, whatsapp_event, django_capture_on_commit_callbacks
):
    settings.TWILIO_WHATSAPP_CONTENT_SIDS = {"account_security_alert": "HX" + "b" * 32}
    buyer = BuyerFactory(phone="+2250701020304")
    twilio.post(
        TWILIO_MESSAGES_URL, json=twilio_message_created("SM" + "5" * 32, "whatsapp:+2250701020304"), status=201
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    parameters = sent_parameters(twilio)
    assert parameters["ContentSid"] == "HX" + "b" * 32
    assert json.loads(parameters["ContentVariables"])["1"] == "Your Nzila Export Hub password was changed"
    assert "Body" not in parameters


def test_outside_the_window_without_a_template_the_message_fails_with_the_reason(
    twilio, whatsapp_event, django_capture_on_commit_callbacks
):
    buyer = BuyerFactory(phone="+2250701020304")
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    message = MessageLog.objects.get()
    assert message.status == MessageStatus.FAILED
    assert message.error == (
        "Outside the 24-hour WhatsApp window and no approved template is configured for account.password_changed."
    )
    assert len(twilio.calls) == 0


def test_a_pdf_goes_to_whatsapp_as_media(twilio, whatsapp_event, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(phone="+2250701020304")
    WhatsAppSession.objects.create(phone="+2250701020304", last_inbound_at=timezone.now())
    twilio.post(
        TWILIO_MESSAGES_URL, json=twilio_message_created("SM" + "6" * 32, "whatsapp:+2250701020304"), status=201
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            event="account.password_changed",
            recipients=[buyer],
            context={"changed_at": timezone.now(), "media_url": "https://files.nzila.example/invoice-1.pdf"},
        )
    assert sent_parameters(twilio)["MediaUrl"] == "https://files.nzila.example/invoice-1.pdf"


def test_a_language_of_its_own_takes_its_own_content_sid_and_parameters_are_one_line(
    twilio, settings, whatsapp_event, django_capture_on_commit_callbacks
):
    settings.TWILIO_WHATSAPP_CONTENT_SIDS = {
        "account_security_alert": "HX" + "b" * 32,
        "account_security_alert:fr": "HX" + "c" * 32,
    }
    buyer = BuyerFactory(phone="+2250701020304", preferred_language="fr")
    twilio.post(
        TWILIO_MESSAGES_URL, json=twilio_message_created("SM" + "8" * 32, "whatsapp:+2250701020304"), status=201
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="account.password_changed", recipients=[buyer], context={"changed_at": timezone.now()})
    parameters = sent_parameters(twilio)
    assert parameters["ContentSid"] == "HX" + "c" * 32
    variables = json.loads(parameters["ContentVariables"])
    assert variables["2"] == " ".join(MessageLog.objects.get().items[0]["short"].split())
    assert "\n" not in variables["2"]
