"""Exchange-rate sources, one module each; `rate_provider(code)` picks one by its settings code."""

from django.core.exceptions import ImproperlyConfigured

from currencies.rates.bank_of_canada import BankOfCanadaProvider
from currencies.rates.base import RateProvider
from currencies.rates.local import LocalProvider
from currencies.rates.open_er_api import OpenErApiProvider

PROVIDERS = {provider.code: provider for provider in (BankOfCanadaProvider, OpenErApiProvider, LocalProvider)}


def rate_provider(code: str) -> RateProvider:
    if code not in PROVIDERS:
        raise ImproperlyConfigured(f"Unknown exchange-rate provider {code!r}: one of {', '.join(sorted(PROVIDERS))}.")
    return PROVIDERS[code]()
