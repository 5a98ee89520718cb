from decimal import Decimal

import factory
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from deals.models import Deal, DealStatus
from vehicles.models import VehicleStatus
from vehicles.tests.factories import VehicleFactory


class PayableDealFactory(factory.django.DjangoModelFactory):
    """A deal waiting for payment, as stored (its earlier moves are the deals app's to test)."""

    class Meta:
        model = Deal

    vehicle = factory.SubFactory(VehicleFactory, status=VehicleStatus.RESERVED)
    dealer = factory.LazyAttribute(lambda deal: deal.vehicle.dealer)
    buyer = factory.SubFactory(BuyerFactory)
    agreed_price = Decimal("18000.00")
    currency = "CAD"
    destination_country = "CI"
    destination_port = "CIABJ"
    status = DealStatus.PENDING_PAYMENT
    status_changed_at = factory.LazyFunction(timezone.now)
