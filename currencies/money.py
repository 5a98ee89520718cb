"""Currencies: their ISO 4217 number of decimals (the exponent) comes from babel's CLDR data, never
from a hand-made table. XOF and XAF have 0, CAD 2, KWD 3.

Amounts are Decimal everywhere; integer minor units exist only at a provider's edge
(`to_minor_units`), with that provider's own exponent where it differs."""

from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache

from babel.numbers import get_currency_name, get_currency_precision, list_currencies
from django.utils.translation import gettext

from nzila_export.exceptions import DomainError

# The currencies the platform prices, pays and converts in. CAD is the reference currency.
REFERENCE_CURRENCY = "CAD"
SUPPORTED_CURRENCIES = ("CAD", "USD", "EUR", "GBP", "XOF", "XAF", "NGN", "GHS", "KES", "ZAR")

# The CFA francs are pegged to the euro (BCEAO and BEAC): 1 EUR = 655.957 XOF = 655.957 XAF.
EURO_PARITY = {"XOF": Decimal("655.957"), "XAF": Decimal("655.957")}


class UnknownCurrency(DomainError):
    code = "unknown_currency"


@cache
def _iso_codes() -> frozenset[str]:
    return frozenset(list_currencies())


def currency_check(code: str, *, field: str = "currency") -> str:
    """The code, upper-cased, if it is one we support; otherwise a DomainError naming the field."""
    code = (code or "").upper()
    if code not in SUPPORTED_CURRENCIES:
        supported = ", ".join(SUPPORTED_CURRENCIES)
        message = (
            gettext("%(code)s is not a supported currency (one of %(currencies)s).")
            if code
            else gettext("An empty code is not a supported currency (one of %(currencies)s).")
        )
        raise UnknownCurrency(message % {"code": code, "currencies": supported}, field=field)
    return code


def currency_exponent(code: str) -> int:
    """Digits after the decimal point in ISO 4217 (babel/CLDR): XOF 0, CAD 2, KWD 3."""
    if code.upper() not in _iso_codes():
        raise UnknownCurrency(gettext("%(code)s is not an ISO 4217 currency code.") % {"code": code}, field="currency")
    return get_currency_precision(code.upper())


def currency_name(code: str, *, locale: str = "en") -> str:
    return get_currency_name(code.upper(), locale=locale)


@cache  # static data, asked for each amount a page shows
def currency_quantum(code: str) -> Decimal:
    """The smallest unit as a Decimal: Decimal('1') for XOF, Decimal('0.01') for CAD."""
    return Decimal(1).scaleb(-currency_exponent(code))


def money_round(amount: Decimal, currency: str) -> Decimal:
    """The one rounding rule: half to even (banker's rounding), to the currency's exponent."""
    return Decimal(amount).quantize(currency_quantum(currency), rounding=ROUND_HALF_EVEN)


def money_has_valid_precision(amount: Decimal, currency: str) -> bool:
    """True when `amount` has no more decimals than the currency allows (1000.50 XOF does not)."""
    return Decimal(amount) == Decimal(amount).quantize(currency_quantum(currency), rounding=ROUND_HALF_EVEN)


def money_precision_refusal(amount: Decimal, currency: str) -> str | None:
    """Why `amount` cannot be an amount of `currency` (1000.50 XOF: there is no half franc), or None when it can."""
    if money_has_valid_precision(amount, currency):
        return None
    return gettext("%(amount)s has more decimals than %(currency)s allows.") % {"amount": amount, "currency": currency}


def to_minor_units(amount: Decimal, currency: str, *, exponent: int | None = None) -> int:
    """For a provider's API only: 12.34 CAD → 1234, 5000 XOF → 5000. `exponent` overrides ISO when the
    provider counts differently."""
    exponent = currency_exponent(currency) if exponent is None else exponent
    minor = Decimal(amount).scaleb(exponent)
    if minor != minor.to_integral_value():
        raise DomainError(
            gettext("%(amount)s %(currency)s has more decimals than the currency allows.")
            % {"amount": amount, "currency": currency},
            field="amount",
        )
    return int(minor)


def from_minor_units(minor: int, currency: str, *, exponent: int | None = None) -> Decimal:
    exponent = currency_exponent(currency) if exponent is None else exponent
    return Decimal(minor).scaleb(-exponent).quantize(Decimal(1).scaleb(-exponent))
