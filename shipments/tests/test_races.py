"""Real concurrent transactions, each thread with its own connection."""

from datetime import timedelta

import pytest
from django.utils import timezone

from deals.models import DealStatus
from notifications.models import Notification
from shipments.models import Shipment
from shipments.services import shipment_create, shipment_event_notify
from shipments.tests.factories import DealFactory, ShipmentEventFactory


@pytest.mark.django_db(transaction=True)
def test_two_bookings_at_once_make_one_shipment(run_at_once):
    deal = DealFactory(status=DealStatus.PAID)
    now = timezone.now()

    def book():
        shipment_create(
            deal=deal,
            user=deal.dealer,
            carrier="Grimaldi",
            booking_number="HFX-1",
            is_roro=True,
            origin_port="CAHAL",
            etd=now + timedelta(days=2),
            eta=now + timedelta(days=20),
        )
        return "booked"

    assert sorted(run_at_once(book)) == ["booked", "shipment_conflict"]
    assert Shipment.objects.filter(deal=deal).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_event_notified_by_two_workers_at_once_is_sent_once(run_at_once):
    event = ShipmentEventFactory()
    outcomes = run_at_once(lambda: shipment_event_notify(event_id=event.pk), times=3)
    assert sorted(outcomes) == [False, False, True]
    assert Notification.objects.filter(event="shipment.event").count() == 1
