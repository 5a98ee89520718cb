"""The feeds through their real client code, with HTTP intercepted by `responses` and payloads shaped
as the providers publish them."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import responses
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from currencies.hooks import RATES_UPDATED
from currencies.models import ExchangeRate, RateSource
from currencies.rates.bank_of_canada import BankOfCanadaProvider
from currencies.rates.base import RateProviderError
from currencies.rates.open_er_api import OpenErApiProvider
from currencies.services import exchange_rate_set, exchange_rates_alert_stale, exchange_rates_update
from currencies.tasks import update_exchange_rates
from notifications.models import Notification

VALET_URL = "https://www.bankofcanada.ca/valet/observations/group/FX_RATES_DAILY/json?recent=1"
OPEN_ER_URL = "https://open.er-api.com/v6/latest/CAD"
FRIDAY = date(2026, 11, 20)


def valet_payload(day: date = FRIDAY) -> dict:
    """As https://www.bankofcanada.ca/valet/observations/group/FX_RATES_DAILY/json?recent=1 answers (trimmed)."""
    series = {
        "FXAUDCAD": ("AUD/CAD", "Australian dollar", "0.9071"),
        "FXEURCAD": ("EUR/CAD", "European euro", "1.6150"),
        "FXGBPCAD": ("GBP/CAD", "UK pound sterling", "1.8350"),
        "FXJPYCAD": ("JPY/CAD", "Japanese yen", "0.008951"),
        "FXUSDCAD": ("USD/CAD", "US dollar", "1.3950"),
        "FXZARCAD": ("ZAR/CAD", "South African rand", "0.0805"),
    }
    return {
        "terms": {"url": "https://www.bankofcanada.ca/terms/"},
        "groupDetail": {
            "label": "Daily exchange rates",
            "description": "Daily average exchange rates - published once each business day by 16:30 ET. "
            "All Bank of Canada exchange rates are indicative rates only.",
            "link": None,
        },
        "seriesDetail": {
            name: {
                "label": label,
                "description": f"{description} to Canadian dollar daily exchange rate",
                "dimension": {"key": "d", "name": "date"},
            }
            for name, (label, description, _) in series.items()
        },
        "observations": [{"d": day.isoformat(), **{name: {"v": value} for name, (_, _, value) in series.items()}}],
    }


def open_er_payload(updated: datetime) -> dict:
    """As https://open.er-api.com/v6/latest/CAD answers (trimmed): units per one CAD."""
    return {
        "result": "success",
        "provider": "https://www.exchangerate-api.com",
        "documentation": "https://www.exchangerate-api.com/docs/free",
        "terms_of_use": "https://www.exchangerate-api.com/terms",
        "time_last_update_unix": int(updated.timestamp()),
        "time_last_update_utc": updated.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        "time_next_update_unix": int((updated + timedelta(days=1)).timestamp()),
        "time_next_update_utc": (updated + timedelta(days=1)).strftime("%a, %d %b %Y %H:%M:%S +0000"),
        "time_eol_unix": 0,
        "base_code": "CAD",
        "rates": {"CAD": 1, "EUR": 0.619, "GHS": 7.874016, "KES": 92.5, "NGN": 1041.666667, "USD": 0.7168},
    }


@pytest.fixture
def live_feeds(settings):
    settings.EXCHANGE_RATE_PROVIDER = "bank_of_canada"
    settings.EXCHANGE_RATE_FALLBACK_PROVIDER = "open_er_api"


@responses.activate
def test_valet_adapter_reads_cad_per_unit_of_each_series():
    responses.get(VALET_URL, json=valet_payload())
    quotes = {quote.currency: quote for quote in BankOfCanadaProvider().fetch(currencies=["USD", "EUR", "NGN"])}
    assert set(quotes) == {"USD", "EUR"}  # the Bank does not publish NGN
    assert quotes["USD"].cad_per_unit == Decimal("1.3950")
    assert quotes["USD"].date == FRIDAY


@responses.activate
def test_open_er_api_adapter_inverts_units_per_cad():
    responses.get(OPEN_ER_URL, json=open_er_payload(datetime(2026, 11, 21, 0, 2, 31, tzinfo=UTC)))
    quotes = {quote.currency: quote for quote in OpenErApiProvider().fetch(currencies=["NGN", "KES"])}
    assert quotes["NGN"].cad_per_unit == Decimal("0.000960000000")  # 1 / 1041.666667
    assert quotes["KES"].cad_per_unit == Decimal("0.010810810811")  # 1 / 92.5
    assert quotes["NGN"].date == date(2026, 11, 21)


@responses.activate
def test_a_refusing_or_broken_feed_raises_a_provider_error():
    responses.get(OPEN_ER_URL, json={"result": "error", "error-type": "unsupported-code"})
    with pytest.raises(RateProviderError, match="unsupported-code"):
        OpenErApiProvider().fetch(currencies=["NGN"])
    responses.get(VALET_URL, status=404, json={"message": "Not found"})
    with pytest.raises(RateProviderError):
        BankOfCanadaProvider().fetch(currencies=["USD"])


@pytest.mark.django_db
@responses.activate
def test_update_stores_the_bank_then_the_fallback_then_the_cfa_parity(live_feeds):
    responses.get(VALET_URL, json=valet_payload())
    responses.get(OPEN_ER_URL, json=open_er_payload(datetime(2026, 11, 21, 0, 2, 31, tzinfo=UTC)))
    report = exchange_rates_update()
    rates = {rate.currency: rate for rate in ExchangeRate.objects.all()}
    assert {code: rates[code].source for code in rates} == {
        "USD": RateSource.BANK_OF_CANADA, "EUR": RateSource.BANK_OF_CANADA, "GBP": RateSource.BANK_OF_CANADA,
        "ZAR": RateSource.BANK_OF_CANADA, "NGN": RateSource.FALLBACK, "GHS": RateSource.FALLBACK,
        "KES": RateSource.FALLBACK, "XOF": RateSource.PARITY, "XAF": RateSource.PARITY,
    }  # fmt: skip
    assert rates["XOF"].cad_per_unit == Decimal("0.002462051628")
    assert rates["XOF"].date == FRIDAY
    assert report.missing == []
    assert report.errors == []
    assert report.stale == []
    # The fallback was asked only for what the Bank lacked.
    assert len(responses.calls) == 2


@pytest.mark.django_db
@responses.activate
def test_when_the_bank_fails_the_fallback_covers_everything(live_feeds):
    responses.get(VALET_URL, status=503)
    responses.get(OPEN_ER_URL, json=open_er_payload(datetime(2026, 11, 21, 0, 2, 31, tzinfo=UTC)))
    report = exchange_rates_update()
    assert report.errors
    assert "bank_of_canada" in report.errors[0]
    assert ExchangeRate.objects.get(currency="USD").source == RateSource.FALLBACK
    assert ExchangeRate.objects.get(currency="XAF").source == RateSource.PARITY
    assert report.missing == ["GBP", "ZAR"]  # neither source had them in this payload


@pytest.mark.django_db
@responses.activate
def test_a_feed_never_overwrites_a_hand_entered_rate(live_feeds):
    exchange_rate_set(currency="USD", cad_per_unit=Decimal("1.40"), on=FRIDAY, user=None, note="feed was wrong")
    responses.get(VALET_URL, json=valet_payload())
    responses.get(OPEN_ER_URL, json=open_er_payload(datetime(2026, 11, 21, tzinfo=UTC)))
    exchange_rates_update()
    usd = ExchangeRate.objects.get(currency="USD", date=FRIDAY)
    assert (usd.cad_per_unit, usd.source) == (Decimal("1.400000000000"), RateSource.MANUAL)


@pytest.mark.django_db
def test_the_daily_task_with_the_local_table_fills_every_currency():
    result = update_exchange_rates.delay().get()
    assert result["missing"] == []
    assert result["stale"] == []
    assert ExchangeRate.objects.filter(date=timezone.localdate()).count() == 9


@pytest.mark.django_db
def test_the_daily_task_runs_each_hook_registered_for_new_rates_once_they_are_stored(monkeypatch):
    rates_seen = []

    def hook() -> int:
        rates_seen.append(ExchangeRate.objects.filter(date=timezone.localdate()).count())
        return 3

    monkeypatch.setitem(RATES_UPDATED._hooks, "things_done", hook)
    result = update_exchange_rates.delay().get()
    assert result["things_done"] == 3
    assert rates_seen == [9]


@pytest.mark.django_db
def test_staff_are_alerted_about_rates_no_source_confirmed_for_48_hours(make_rate):
    staff, buyer = StaffFactory(), BuyerFactory()
    for code in ["USD", "EUR", "GBP", "ZAR", "NGN", "GHS", "KES", "XOF", "XAF"]:
        make_rate(code, "1")
    ExchangeRate.objects.filter(currency="NGN").update(confirmed_at=timezone.now() - timedelta(hours=49))
    ExchangeRate.objects.filter(currency="KES").delete()
    assert exchange_rates_alert_stale() == ["NGN", "KES"]
    alert = Notification.objects.get(event="exchange_rates.stale")
    assert alert.user == staff
    assert "NGN" in alert.title
    assert "KES" in alert.title
    assert "KES: never had a rate" in alert.body
    assert not Notification.objects.filter(user=buyer).exists()
