from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from currencies.models import ExchangeRate
from currencies.money import REFERENCE_CURRENCY, SUPPORTED_CURRENCIES, currency_exponent, currency_name


@dataclass(frozen=True)
class CurrencyInfo:
    code: str
    name: str
    exponent: int
    cad_per_unit: Decimal | None
    rate_date: date | None
    rate_source: str


def currency_list(*, on: date | None = None, locale: str = "en") -> list[CurrencyInfo]:
    """Each supported currency with its newest rate on or before `on` (today): one query."""
    on = on or timezone.localdate()
    newest = {
        rate.currency: rate
        for rate in ExchangeRate.objects.filter(currency__in=SUPPORTED_CURRENCIES, date__lte=on)
        .order_by("currency", "-date")
        .distinct("currency")
    }
    result = []
    for code in SUPPORTED_CURRENCIES:
        rate = newest.get(code)
        if code == REFERENCE_CURRENCY:
            cad_per_unit, rate_date, source = Decimal(1), on, "reference"
        elif rate is None:
            cad_per_unit, rate_date, source = None, None, ""
        else:
            cad_per_unit, rate_date, source = rate.cad_per_unit, rate.date, rate.source
        info = CurrencyInfo(
            code=code, name=currency_name(code, locale=locale), exponent=currency_exponent(code),
            cad_per_unit=cad_per_unit, rate_date=rate_date, rate_source=source,
        )  # fmt: skip
        result.append(info)
    return result
