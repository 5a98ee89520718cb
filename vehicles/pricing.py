"""A listing's price in CAD, the one currency that filters and ordering compare in.

Through the platform's one conversion (currencies.conversion.convert) at the day's rate, so a listing
is never valued at a guessed rate: with no rate for its currency, listing it is refused with a 422
naming the currency. Listings in other currencies are revalued each day once the new rates are in
(vehicles.services.vehicle_prices_revalue, run by the exchange-rate job).
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext

from currencies.conversion import convert
from currencies.money import REFERENCE_CURRENCY, SUPPORTED_CURRENCIES, money_precision_refusal


def supported_currencies() -> list[str]:
    return sorted(SUPPORTED_CURRENCIES)


def listed_price_refusal(*, price: Decimal, currency: str) -> str | None:
    """Why `price` cannot be a listing's price in `currency`, or None when it can: a listed price is
    positive, with no more decimals than the currency has (none in XOF and XAF)."""
    if price <= 0:
        return gettext("The amount must be positive.")
    return money_precision_refusal(price, currency)


def price_in_cad(*, amount: Decimal, currency: str, on: date | None = None) -> Decimal:
    """`amount` of `currency` in CAD on `on` (today by default). Raises ExchangeRateUnavailable when
    there is no rate, UnknownCurrency for a currency we do not support."""
    conversion = convert(
        amount=Decimal(amount), from_currency=currency, to_currency=REFERENCE_CURRENCY, on=on or timezone.localdate()
    )
    return conversion.amount
