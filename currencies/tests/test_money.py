from decimal import Decimal

import pytest

from currencies.money import (
    UnknownCurrency,
    currency_check,
    currency_exponent,
    from_minor_units,
    money_has_valid_precision,
    money_round,
    to_minor_units,
)
from nzila_export.exceptions import DomainError


@pytest.mark.parametrize(("code", "exponent"), [("XOF", 0), ("XAF", 0), ("CAD", 2), ("NGN", 2), ("KWD", 3)])
def test_exponents_come_from_iso_4217_through_babel(code, exponent):
    assert currency_exponent(code) == exponent


def test_an_unknown_code_is_refused_naming_the_field():
    with pytest.raises(UnknownCurrency) as refusal:
        currency_check("ZZZ")
    assert refusal.value.field == "currency"
    assert currency_check("xof") == "XOF"


def test_rounding_is_half_even_to_the_currency_exponent():
    assert money_round(Decimal("10.125"), "CAD") == Decimal("10.12")
    assert money_round(Decimal("10.135"), "CAD") == Decimal("10.14")
    assert money_round(Decimal("1002.5"), "XOF") == Decimal("1002")
    assert money_round(Decimal("1003.5"), "XOF") == Decimal("1004")


def test_minor_units_only_at_the_edge_and_never_losing_a_fraction():
    assert to_minor_units(Decimal("12.34"), "CAD") == 1234
    assert to_minor_units(Decimal("5000"), "XOF") == 5000
    assert from_minor_units(1234, "CAD") == Decimal("12.34")
    assert from_minor_units(5000, "XOF") == Decimal("5000")
    assert money_has_valid_precision(Decimal("1000.50"), "XOF") is False
    with pytest.raises(DomainError):
        to_minor_units(Decimal("1000.50"), "XOF")
