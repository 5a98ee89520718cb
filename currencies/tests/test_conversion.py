from datetime import date, timedelta
from decimal import Decimal

import pytest

from currencies.conversion import ExchangeRateUnavailable, convert
from currencies.models import ExchangeRate, RateSource
from currencies.services import exchange_rate_set, parity_rate

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 20)


def test_conversion_to_cad_rounds_half_even_and_reports_the_rate(make_rate):
    make_rate("USD", "1.3950", DAY)
    result = convert(amount=Decimal("100.01"), from_currency="USD", to_currency="CAD", on=DAY)
    # 100.01 * 1.395 = 139.51395 → 139.51
    assert result.amount == Decimal("139.51")
    assert result.rate == Decimal("1.395000000000")
    assert result.rate_date == DAY
    # Exactly half a cent goes to the even cent: 0.05 * 1.395 = 0.06975 → 0.07; 1.5 * 0.003 = 0.0045 → 0.00
    make_rate("ZAR", "0.003", DAY)
    assert convert(amount=Decimal("1.5"), from_currency="ZAR", to_currency="CAD", on=DAY).amount == Decimal("0.00")


def test_cross_conversion_goes_through_cad_with_one_rounded_rate(make_rate):
    make_rate("EUR", "1.6150", DAY)
    make_rate("XOF", str(parity_rate(euro_cad=Decimal("1.6150"), per_euro=Decimal("655.957"))), DAY, RateSource.PARITY)
    result = convert(amount=Decimal("1000.00"), from_currency="CAD", to_currency="XOF", on=DAY)
    assert result.rate == (Decimal(1) / Decimal("0.002462051628")).quantize(Decimal("0.000000000001"))
    assert result.amount == Decimal("406165")  # zero decimals for XOF
    assert result.amount == (Decimal("1000.00") * result.rate).quantize(Decimal(1))
    # A euro is 655.957 francs, exactly enough to survive the rounding of the two rates.
    assert convert(amount=Decimal("1"), from_currency="EUR", to_currency="XOF", on=DAY).amount == Decimal("656")
    assert convert(amount=Decimal("100"), from_currency="EUR", to_currency="XOF", on=DAY).amount == Decimal("65596")


def test_same_currency_needs_no_rate():
    result = convert(amount=Decimal("10.005"), from_currency="CAD", to_currency="CAD", on=DAY)
    assert (result.amount, result.rate, result.rate_date) == (Decimal("10.00"), Decimal(1), None)


def test_no_rate_is_refused_never_guessed(make_rate):
    with pytest.raises(ExchangeRateUnavailable) as refusal:
        convert(amount=Decimal("5"), from_currency="NGN", to_currency="CAD", on=DAY)
    assert "No exchange rate for NGN on 2026-11-20" in refusal.value.message
    assert refusal.value.status_code == 422
    # A rate older than the allowed age is not used either.
    make_rate("NGN", "0.00096", DAY - timedelta(days=5))
    with pytest.raises(ExchangeRateUnavailable):
        convert(amount=Decimal("5"), from_currency="NGN", to_currency="CAD", on=DAY)


def test_a_weekend_uses_the_newest_business_day_rate(make_rate):
    friday = date(2026, 11, 20)
    make_rate("USD", "1.30", friday - timedelta(days=1))
    make_rate("USD", "1.40", friday)
    result = convert(amount=Decimal("10"), from_currency="USD", to_currency="CAD", on=friday + timedelta(days=2))
    assert (result.amount, result.rate_date) == (Decimal("14.00"), friday)


def test_setting_the_euro_derives_both_cfa_francs_at_their_parity():
    exchange_rate_set(currency="EUR", cad_per_unit=Decimal("1.6150"), on=DAY, user=None)
    xof = ExchangeRate.objects.get(currency="XOF", date=DAY)
    xaf = ExchangeRate.objects.get(currency="XAF", date=DAY)
    assert xof.cad_per_unit == xaf.cad_per_unit == Decimal("0.002462051628")  # 1.6150 / 655.957
    assert xof.source == xaf.source == RateSource.PARITY
