"""The rate feeds' one call: a GET through the one outbound HTTP policy (nzila_export.http: a timeout,
retried with backoff on network errors and 5xx, never on 4xx), read as JSON."""

from django.conf import settings

from currencies.rates.base import RateProviderError
from nzila_export.http import ProviderError, provider_call


def get_json(url: str) -> dict:
    try:
        return provider_call(
            "exchange rates", "GET", url, idempotent=True, timeout=settings.EXCHANGE_RATE_TIMEOUT_SECONDS
        ).json()
    except (ProviderError, ValueError) as error:
        raise RateProviderError(f"{url}: {error}") from error
