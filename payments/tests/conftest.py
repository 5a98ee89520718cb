from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from payments.models import ExchangeRate, RateSource


@pytest.fixture
def make_rate():
    def make(currency: str, cad_per_unit: str, on: date | None = None, source: str = RateSource.BANK_OF_CANADA):
        return ExchangeRate.objects.create(
            currency=currency, date=on or timezone.localdate(), cad_per_unit=Decimal(cad_per_unit), source=source,
            confirmed_at=timezone.now(),
        )  # fmt: skip

    return make


@pytest.fixture
def todays_rates(db):
    """Today's rates from the local table (the development and test source): USD 1.395, EUR 1.615,
    XOF and XAF at the euro parity (0.002462051628), NGN 0.00096 ..."""
    from payments.services.rates import exchange_rates_update

    exchange_rates_update()
