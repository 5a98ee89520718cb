from decimal import Decimal

import pytest

from currencies.tasks import update_exchange_rates
from vehicles.models import Vehicle
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


def test_the_daily_rates_job_revalues_listings_in_other_currencies():
    usd = VehicleFactory(price=Decimal("10000.00"), currency="USD")
    Vehicle.objects.filter(pk=usd.pk).update(price_cad=Decimal("13000.00"))  # valued at an older rate
    result = update_exchange_rates.delay().get()
    assert result["listings_revalued"] == 1
    usd.refresh_from_db()
    assert usd.price_cad == Decimal("13950.00")  # at today's 1.395
