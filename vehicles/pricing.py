"""Conversion of a listing's price to CAD, the one currency that filters and ordering compare in.

A stand-in: the rates are a small reference table in settings (`VEHICLE_REFERENCE_RATES_CAD`), to be
replaced by the exchange-rate service of the Payments issue. Every conversion goes through
`price_in_cad`, so that swap touches this one function.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

CENT = Decimal("0.01")


def supported_currencies() -> list[str]:
    return sorted(settings.VEHICLE_REFERENCE_RATES_CAD)


def price_in_cad(*, amount: Decimal, currency: str) -> Decimal:
    """`amount` of `currency` in CAD, rounded to the cent. KeyError for a currency with no rate."""
    rate = Decimal(str(settings.VEHICLE_REFERENCE_RATES_CAD[currency]))
    return (Decimal(amount) * rate).quantize(CENT, rounding=ROUND_HALF_UP)
