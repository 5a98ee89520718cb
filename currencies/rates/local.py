"""The local source for development, tests and demos: a fixed table (local_rates.json beside this
module, CAD per unit, approximate values of November 2026), dated today. No network, no keys."""

import json
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from currencies.models import RateSource
from currencies.rates.base import RateQuote

TABLE_PATH = Path(__file__).with_name("local_rates.json")


def local_rate_table() -> dict[str, Decimal]:
    rows = json.loads(TABLE_PATH.read_text())["cad_per_unit"]
    return {currency: Decimal(value) for currency, value in rows.items()}


class LocalProvider:
    code = "local"
    source = RateSource.LOCAL

    def fetch(self, *, currencies: list[str]) -> list[RateQuote]:
        today = timezone.localdate()
        table = local_rate_table()
        return [RateQuote(currency=code, date=today, cad_per_unit=table[code]) for code in currencies if code in table]
