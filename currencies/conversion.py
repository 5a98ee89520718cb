"""The one conversion function and its one rounding rule.

    rate   = cad_per_unit(from) / cad_per_unit(to), rounded half-even to 12 decimal places
    amount = amount * rate, rounded half-even (banker's rounding) to the target currency's exponent

so a recorded (amount, rate) pair always reproduces the converted amount. A currency's rate for a day
is that day's row, or the newest earlier one up to EXCHANGE_RATE_MAX_AGE_DAYS old (the feeds publish
on business days only). With no such rate the conversion is refused (ExchangeRateUnavailable), never
made at a guessed rate. CAD is worth 1 CAD and needs no row.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from django.conf import settings
from django.utils.translation import ngettext

from currencies.models import RATE_DECIMAL_PLACES, ExchangeRate
from currencies.money import REFERENCE_CURRENCY, currency_check, money_round
from nzila_export.exceptions import DomainError

RATE_QUANTUM = Decimal(1).scaleb(-RATE_DECIMAL_PLACES)


class ExchangeRateUnavailable(DomainError):
    status_code = 422
    code = "exchange_rate_unavailable"


@dataclass(frozen=True)
class Conversion:
    amount: Decimal  # in to_currency, rounded to its exponent
    rate: Decimal  # units of to_currency per unit of from_currency
    from_currency: str
    to_currency: str
    rate_date: date | None  # the older of the two rates' dates; None when no rate was needed


def exchange_rate_on(*, currency: str, on: date) -> ExchangeRate | None:
    """The rate a conversion on `on` uses: that day's, or the newest earlier one within the allowed age."""
    oldest = on - timedelta(days=settings.EXCHANGE_RATE_MAX_AGE_DAYS)
    return ExchangeRate.objects.filter(currency=currency, date__lte=on, date__gte=oldest).order_by("-date").first()


def _cad_per_unit(*, currency: str, on: date) -> tuple[Decimal, date | None]:
    if currency == REFERENCE_CURRENCY:
        return Decimal(1), None
    rate = exchange_rate_on(currency=currency, on=on)
    if rate is None:
        days = settings.EXCHANGE_RATE_MAX_AGE_DAYS
        raise ExchangeRateUnavailable(
            ngettext(
                "No exchange rate for %(currency)s on %(date)s or in the %(days)d day before; staff can enter "
                "one (python manage.py set_exchange_rate %(currency)s RATE --date %(date)s).",
                "No exchange rate for %(currency)s on %(date)s or in the %(days)d days before; staff can enter "
                "one (python manage.py set_exchange_rate %(currency)s RATE --date %(date)s).",
                days,
            )
            % {"currency": currency, "date": on.isoformat(), "days": days},
            field="currency",
        )
    return rate.cad_per_unit, rate.date


def convert(*, amount: Decimal, from_currency: str, to_currency: str, on: date) -> Conversion:
    from_currency = currency_check(from_currency, field="currency")
    to_currency = currency_check(to_currency, field="currency")
    if from_currency == to_currency:
        return Conversion(
            amount=money_round(amount, to_currency), rate=Decimal(1), from_currency=from_currency,
            to_currency=to_currency, rate_date=None,
        )  # fmt: skip
    from_cad, from_date = _cad_per_unit(currency=from_currency, on=on)
    to_cad, to_date = _cad_per_unit(currency=to_currency, on=on)
    rate = (from_cad / to_cad).quantize(RATE_QUANTUM, rounding=ROUND_HALF_EVEN)
    dates = [day for day in (from_date, to_date) if day is not None]
    return Conversion(
        amount=money_round(Decimal(amount) * rate, to_currency),
        rate=rate,
        from_currency=from_currency,
        to_currency=to_currency,
        rate_date=min(dates) if dates else None,
    )
