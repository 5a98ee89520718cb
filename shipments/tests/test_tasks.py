from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditLog
from notifications.models import Notification
from shipments.tasks import check_delayed_shipments, send_shipment_updates
from shipments.tests.factories import ShipmentEventFactory, ShipmentFactory

pytestmark = pytest.mark.django_db


def test_each_new_event_is_sent_to_the_buyer_once(django_capture_on_commit_callbacks):
    shipment = ShipmentFactory()
    first = ShipmentEventFactory(shipment=shipment, status="booked", occurred_at=timezone.now() - timedelta(days=1))
    second = ShipmentEventFactory(shipment=shipment, status="at_origin_port", location="Halifax")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_shipment_updates() == 2
        assert send_shipment_updates() == 0  # run twice: nothing more
    notifications = Notification.objects.filter(event="shipment.event", user=shipment.deal.buyer).order_by("id")
    assert [note.title for note in notifications] == [
        "Your 2023 Toyota Camry: booked",
        "Your 2023 Toyota Camry: at the port of origin",
    ]
    assert not Notification.objects.exclude(user=shipment.deal.buyer).exists()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.notified_at is not None
    assert second.notified_at is not None

    third = ShipmentEventFactory(shipment=shipment, status="departed")
    assert send_shipment_updates() == 1
    assert Notification.objects.filter(event="shipment.event").count() == 3
    third.refresh_from_db()
    assert third.notified_at is not None


def test_a_late_shipment_is_flagged_once_per_eta_to_buyer_and_dealer():
    shipment = ShipmentFactory(
        status="in_transit", etd=timezone.now() - timedelta(days=30), eta=timezone.now() - timedelta(days=2)
    )
    ShipmentFactory(status="in_transit", etd=timezone.now() - timedelta(days=20))  # on time
    ShipmentFactory(status="arrived", etd=timezone.now() - timedelta(days=30), eta=timezone.now() - timedelta(days=2))

    assert check_delayed_shipments() == 1
    assert check_delayed_shipments() == 0
    delayed = Notification.objects.filter(event="shipment.delayed")
    assert sorted(delayed.values_list("user_id", flat=True)) == sorted(
        [shipment.deal.buyer_id, shipment.deal.dealer_id]
    )
    assert "2 days late" in delayed.get(user=shipment.deal.buyer).body
    shipment.refresh_from_db()
    assert shipment.delay_flagged_for_eta == shipment.eta

    # A new ETA that is missed in turn is a new delay.
    shipment.eta = timezone.now() - timedelta(hours=1)
    shipment.save(update_fields=["eta"])
    assert check_delayed_shipments() == 1
    assert check_delayed_shipments() == 0
    assert Notification.objects.filter(event="shipment.delayed").count() == 4
    assert AuditLog.objects.filter(action="shipment.delayed", object_id=str(shipment.pk)).count() == 2
