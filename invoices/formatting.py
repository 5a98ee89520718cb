"""Amounts, numbers, dates and countries as a document in `language` prints them (babel's CLDR data)."""

import re
from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from currencies.money import money_round

# CLDR's currency spacing, which babel does not apply: a symbol ending in a letter is kept apart from
# the digits it touches ("F CFA 9,000,000", not "F CFA9,000,000"); "CA$18,000.00" stays as it is.
LETTER_BEFORE_DIGIT = re.compile(r"(?<=[^\W\d])(?=\d)")


def money_format(*, amount: Decimal, currency: str, language: str) -> str:
    """To the currency's exponent: whole francs for XOF and XAF, cents for CAD."""
    text = format_currency(money_round(amount, currency), currency, locale=language)
    return LETTER_BEFORE_DIGIT.sub("\xa0", text)


def decimal_format(*, value: Decimal, language: str) -> str:
    """At most three decimals: an exchange rate, a quantity."""
    return format_decimal(value, locale=language)


def percent_format(*, percent: Decimal, language: str) -> str:
    """Every decimal of a tax rate (QST 9.975%), none added to a round one (GST 5%)."""
    return format_percent(percent / 100, locale=language, decimal_quantization=False)


def date_format(*, day: date, language: str) -> str:
    return format_date(day, format="long", locale=language)


def country_name(*, code: str, language: str) -> str:
    return Locale.parse(language).territories.get(code, code)
