import pytest
from django.utils import timezone

from currencies.demo import demo_rates_seed
from currencies.models import ExchangeRate

pytestmark = pytest.mark.django_db


def test_demo_rates_cover_every_currency_for_five_days_and_seeding_twice_changes_nothing():
    summary = demo_rates_seed()
    assert summary.startswith("exchange rates: 35 feed rates over 5 days")
    assert ExchangeRate.objects.count() == 45  # 7 from the table + XOF and XAF, for 5 days
    assert ExchangeRate.objects.filter(currency="XOF", date=timezone.localdate()).exists()
    demo_rates_seed()
    assert ExchangeRate.objects.count() == 45
