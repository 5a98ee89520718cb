from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from deals.models import Deal, DealStatus
from vehicles.models import VehicleStatus
from vehicles.tests.factories import VehicleFactory


class DealFactory(factory.django.DjangoModelFactory):
    """A deal as stored, for tests of what reads or follows a deal; tests of opening and moving deals
    go through the API and services."""

    class Meta:
        model = Deal

    vehicle = factory.SubFactory(VehicleFactory, status=VehicleStatus.RESERVED, year=2023)
    dealer = factory.LazyAttribute(lambda deal: deal.vehicle.dealer)
    buyer = factory.SubFactory(BuyerFactory, country="CI", date_joined=timezone.now() - timedelta(days=90))
    agreed_price = Decimal("18000.00")
    currency = "CAD"
    destination_country = "CI"
    destination_port = "CIABJ"
    status = DealStatus.DRAFT
    status_changed_at = factory.LazyFunction(timezone.now)
