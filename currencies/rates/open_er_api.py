"""The fallback source: ExchangeRate-API's open endpoint (open.er-api.com), updated daily, which covers
the currencies the Bank of Canada does not publish (NGN, GHS, KES).

    GET {OPEN_ER_API_URL}/v6/latest/CAD

Answers {"result": "success", "base_code": "CAD", "time_last_update_unix": 1763596951,
"rates": {"CAD": 1, "NGN": 1046.31, ...}}: units of each currency per one CAD, so the value in CAD of
one unit is the inverse. https://www.exchangerate-api.com/docs/free (attribution required).
"""

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings

from currencies.models import RATE_DECIMAL_PLACES, RateSource
from currencies.rates.base import RateProviderError, RateQuote
from currencies.rates.http import get_json

RATE_QUANTUM = Decimal(1).scaleb(-RATE_DECIMAL_PLACES)


class OpenErApiProvider:
    code = "open_er_api"
    source = RateSource.FALLBACK

    def fetch(self, *, currencies: list[str]) -> list[RateQuote]:
        payload = get_json(settings.OPEN_ER_API_URL.rstrip("/") + "/v6/latest/CAD")
        if not isinstance(payload, dict) or payload.get("result") != "success" or payload.get("base_code") != "CAD":
            error_type = payload.get("error-type", "unknown") if isinstance(payload, dict) else "unreadable"
            raise RateProviderError(f"open.er-api.com refused: {error_type}")
        try:
            day = datetime.fromtimestamp(int(payload["time_last_update_unix"]), tz=UTC).date()
        except (KeyError, TypeError, ValueError) as error:
            raise RateProviderError("open.er-api.com answered without time_last_update_unix.") from error
        rates = payload.get("rates") or {}
        quotes = []
        for currency in currencies:
            if currency not in rates:
                continue
            try:
                units_per_cad = Decimal(str(rates[currency]))
            except InvalidOperation as error:
                raise RateProviderError(f"{currency} is not a number: {rates[currency]!r}") from error
            if units_per_cad > 0:
                cad_per_unit = (Decimal(1) / units_per_cad).quantize(RATE_QUANTUM)
                quotes.append(RateQuote(currency=currency, date=day, cad_per_unit=cad_per_unit))
        return quotes
