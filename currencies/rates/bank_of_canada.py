"""The Bank of Canada's daily exchange rates through its Valet API.

    GET {BANK_OF_CANADA_VALET_URL}/observations/group/FX_RATES_DAILY/json?recent=1

Each observation is {"d": "YYYY-MM-DD", "FXUSDCAD": {"v": "1.3954"}, ...}: series FX<CODE>CAD is the
value in CAD of one unit of CODE, published on business days around 16:30 Eastern.
https://www.bankofcanada.ca/valet/docs. It does not publish NGN, GHS, KES, XOF or XAF.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings

from currencies.models import RateSource
from currencies.rates.base import RateProviderError, RateQuote
from currencies.rates.http import get_json


class BankOfCanadaProvider:
    code = "bank_of_canada"
    source = RateSource.BANK_OF_CANADA

    def fetch(self, *, currencies: list[str]) -> list[RateQuote]:
        url = settings.BANK_OF_CANADA_VALET_URL.rstrip("/") + "/observations/group/FX_RATES_DAILY/json?recent=1"
        payload = get_json(url)
        observations = payload.get("observations") if isinstance(payload, dict) else None
        if not observations:
            raise RateProviderError("The Bank of Canada answered with no observations.")
        quotes = {}
        # Oldest first, so that the newest observation of each series wins.
        for observation in sorted(observations, key=lambda item: item.get("d", "")):
            try:
                day = date.fromisoformat(observation["d"])
            except (KeyError, TypeError, ValueError) as error:
                raise RateProviderError(f"An observation without a valid date: {observation!r}") from error
            for currency in currencies:
                value = (observation.get(f"FX{currency}CAD") or {}).get("v")
                if value in (None, ""):
                    continue
                try:
                    rate = Decimal(str(value))
                except InvalidOperation as error:
                    raise RateProviderError(f"FX{currency}CAD is not a number: {value!r}") from error
                if rate > 0:
                    quotes[currency] = RateQuote(currency=currency, date=day, cad_per_unit=rate)
        return list(quotes.values())
