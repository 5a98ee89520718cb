"""An HTTP session for rate feeds: a timeout on every call, network errors and 5xx retried with
backoff, 4xx not (CONVENTIONS: Talking to the outside)."""

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from payments.rates.base import RateProviderError

RETRY = Retry(total=3, backoff_factor=0.5, status_forcelist=(500, 502, 503, 504), allowed_methods=("GET",))


def get_json(url: str) -> dict:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=RETRY))
    session.mount("http://", HTTPAdapter(max_retries=RETRY))
    try:
        response = session.get(url, timeout=settings.EXCHANGE_RATE_TIMEOUT_SECONDS)
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as error:
        raise RateProviderError(f"{url}: {error}") from error
    finally:
        session.close()
