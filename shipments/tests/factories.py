from datetime import timedelta

import factory
from django.utils import timezone

from deals.models import DealStatus
from deals.tests.factories import DealFactory
from shipments.models import Shipment, ShipmentEvent, ShipmentStatus

__all__ = ["DealFactory", "ShipmentEventFactory", "ShipmentFactory"]


class ShipmentFactory(factory.django.DjangoModelFactory):
    """A booked shipment as stored; tests of booking and events go through the API and services."""

    class Meta:
        model = Shipment

    deal = factory.SubFactory(DealFactory, status=DealStatus.PAID)
    carrier = "Grimaldi"
    vessel = "Grande Abidjan"
    voyage = "GAB0426"
    booking_number = factory.Sequence(lambda n: f"BK{n:06d}")
    is_roro = False
    container_number = "CSQU3054383"
    origin_port = "CAHAL"
    destination_port = factory.LazyAttribute(lambda shipment: shipment.deal.destination_port)
    etd = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    eta = factory.LazyFunction(lambda: timezone.now() + timedelta(days=24))
    status = ShipmentStatus.BOOKED


class ShipmentEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShipmentEvent

    shipment = factory.SubFactory(ShipmentFactory)
    status = ShipmentStatus.BOOKED
    location = "Halifax"
    occurred_at = factory.LazyFunction(timezone.now)
