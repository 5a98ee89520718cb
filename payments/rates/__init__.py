"""Exchange-rate sources, one module each; `rate_provider(code)` picks one by its settings code."""

from django.core.exceptions import ImproperlyConfigured

from payments.rates.base import RateProvider


def rate_provider(code: str) -> RateProvider:
    from payments.rates.bank_of_canada import BankOfCanadaProvider
    from payments.rates.local import LocalProvider
    from payments.rates.open_er_api import OpenErApiProvider

    providers = {provider.code: provider for provider in (BankOfCanadaProvider, OpenErApiProvider, LocalProvider)}
    if code not in providers:
        raise ImproperlyConfigured(f"Unknown exchange-rate provider {code!r}: one of {', '.join(sorted(providers))}.")
    return providers[code]()
