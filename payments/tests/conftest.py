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
