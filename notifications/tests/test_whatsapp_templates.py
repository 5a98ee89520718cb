"""Every event a person can get on WhatsApp has an approved template in English and French, so that it
still reaches them once the 24-hour window has closed."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from notifications.events import EVENTS
from notifications.models import Channel, MessageLog, MessageStatus, WhatsAppSession
from notifications.tasks import dispatch_due_messages
from notifications.tests.conftest import CLOUD_MESSAGES_URL, cloud_message_created
from notifications.whatsapp import TEMPLATE_LANGUAGES, WHATSAPP_TEMPLATES, whatsapp_template_text
from shipments.services import shipment_delay_flag
from shipments.tests.factories import ShipmentFactory


def test_every_event_that_can_go_on_whatsapp_has_a_template_in_english_and_french():
    on_whatsapp = sorted(event for event, spec in EVENTS.items() if Channel.WHATSAPP in spec.channels)
    assert {"shipment.event", "shipment.delayed", "lead.received", "document.rejected"} <= set(on_whatsapp)
    missing = []
    for event in on_whatsapp:
        template = EVENTS[event].whatsapp_template
        if template not in WHATSAPP_TEMPLATES:
            missing.append(f"{event}: no template")
            continue
        for language in TEMPLATE_LANGUAGES:
            try:
                text = whatsapp_template_text(template=template, language=language)
            except FileNotFoundError:
                missing.append(f"{event}: {template} has no {language} text")
                continue
            if sorted(re.findall(r"\{\{(\d+)\}\}", text)) != ["1", "2"]:
                missing.append(f"{event}: {template}/{language} must use {{{{1}}}} and {{{{2}}}} once each")
    assert missing == []


@pytest.mark.django_db
def test_a_shipment_delay_reaches_a_buyer_on_whatsapp_three_days_after_their_last_message(
    whatsapp_cloud, django_capture_on_commit_callbacks
):
    buyer = BuyerFactory(phone="+2250701020304", preferred_language="fr", timezone="Africa/Abidjan")
    WhatsAppSession.objects.create(phone="+2250701020304", last_inbound_at=timezone.now() - timedelta(days=3))
    shipment = ShipmentFactory(
        deal__buyer=buyer, etd=timezone.now() - timedelta(days=30), eta=timezone.now() - timedelta(days=2, hours=1)
    )
    whatsapp_cloud.post(CLOUD_MESSAGES_URL, json=cloud_message_created("wamid.delay", "2250701020304"))
    with django_capture_on_commit_callbacks(execute=True):
        assert shipment_delay_flag(shipment_id=shipment.pk)
    message = MessageLog.objects.get(user=buyer, channel="whatsapp")
    MessageLog.objects.filter(pk=message.pk).update(send_after=timezone.now())  # its batching window passed
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_due_messages()

    sent = json.loads(whatsapp_cloud.calls[0].request.body)
    assert sent["to"] == "2250701020304"
    assert sent["template"]["name"] == "shipment_delayed"
    assert sent["template"]["language"] == {"code": "fr"}
    vehicle, deal = shipment.deal.vehicle, shipment.deal
    subject, text = (parameter["text"] for parameter in sent["template"]["components"][0]["parameters"])
    assert subject == f"Expédition en retard : {vehicle.make} {vehicle.model} {vehicle.year} (transaction {deal.pk})"
    assert text.startswith(f"Nzila : l'expédition de votre {vehicle.make} {vehicle.model} (transaction {deal.pk})")
    assert text.endswith(f"/shipments/{shipment.pk}")
    message.refresh_from_db()
    assert (message.status, message.provider_message_id) == (MessageStatus.SENT, "wamid.delay")
