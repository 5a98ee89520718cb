"""How a report writes its figures: money as Decimal strings to the currency's exponent (XOF and XAF have no
minor unit, CAD two decimals), shares of a whole as decimals to three places, durations in days."""

from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache

from django.db.models import DecimalField, Value
from django.db.models.functions import Coalesce

from currencies.money import REFERENCE_CURRENCY, currency_quantum

RATE_QUANTUM = Decimal("0.001")
DAYS_QUANTUM = Decimal("0.01")
SECONDS_PER_DAY = Decimal(86400)


@cache
def _quantum(currency: str) -> Decimal:
    return currency_quantum(currency)


def money(amount: Decimal | None, currency: str) -> str:
    """The one rounding rule (currencies.money.money_round), with each currency's exponent looked up once: a
    revenue report by day writes thousands of amounts."""
    return str((amount or Decimal(0)).quantize(_quantum(currency), rounding=ROUND_HALF_EVEN))


def cad(amount: Decimal | None) -> str:
    return money(amount, REFERENCE_CURRENCY)


def share(part: int, whole: int) -> str | None:
    """part / whole to three decimals ("0.667"); None when there is no whole to take a share of."""
    if not whole:
        return None
    return str((Decimal(part) / Decimal(whole)).quantize(RATE_QUANTUM, rounding=ROUND_HALF_EVEN))


def days(seconds: Decimal | float | None) -> str | None:
    if seconds is None:
        return None
    return str((Decimal(seconds) / SECONDS_PER_DAY).quantize(DAYS_QUANTUM, rounding=ROUND_HALF_EVEN))


def zero_if_none(aggregate, *, max_digits: int = 18, decimal_places: int = 3):
    """An aggregate of money that is 0, not NULL, over no rows."""
    output = DecimalField(max_digits=max_digits, decimal_places=decimal_places)
    return Coalesce(aggregate, Value(Decimal(0)), output_field=output)
