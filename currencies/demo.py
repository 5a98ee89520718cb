"""Demo exchange rates: the local table for the last few days, so that conversions and the currencies
endpoint work in `make run` without network."""

from datetime import timedelta

from django.utils import timezone

from currencies.models import RateSource
from currencies.rates.base import RateQuote
from currencies.rates.local import local_rate_table
from currencies.services import exchange_rates_store

DEMO_RATE_DAYS = 5


def demo_rates_seed() -> str:
    today = timezone.localdate()
    table = local_rate_table()
    quotes = [
        RateQuote(currency=currency, date=today - timedelta(days=days_ago), cad_per_unit=cad_per_unit)
        for days_ago in range(DEMO_RATE_DAYS)
        for currency, cad_per_unit in table.items()
    ]
    stored = exchange_rates_store(quotes=quotes, source=RateSource.LOCAL)
    return f"exchange rates: {len(stored)} feed rates over {DEMO_RATE_DAYS} days (XOF and XAF from the euro)"
