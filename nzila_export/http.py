"""The one outbound HTTP policy: every call to a provider's HTTP API goes through `provider_call`.

- Every call has a timeout (OUTBOUND_TIMEOUT_SECONDS unless the caller gives its own).
- A connection that could not be made is retried, whatever the call: nothing was sent.
- A call the provider makes idempotent (a GET, a status query, a token, a POST with an idempotency key
  the provider honours, such as MTN's X-Reference-Id) is also retried on a lost answer and on 5xx, with
  urllib3's exponential backoff (OUTBOUND_RETRIES times).
- A call that is not idempotent (an M-Pesa STK push, an Airtel push, an Orange payment page) is sent
  once. If it may have reached the provider and its answer was lost (a read timeout, a dropped
  connection, a 5xx), `ProviderOutcomeUnknown` says so: the caller settles the outcome by asking the
  provider (a status query, the provider's callback), never by sending it again.

The caller turns these exceptions into its own (a gateway's GatewayError, a rate feed's error)."""

import logging
import time

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError
from urllib3.util.retry import Retry

from nzila_export.logging import log_slow_call

logger = logging.getLogger(__name__)

RETRIED_STATUSES = (500, 502, 503, 504)


class ProviderError(Exception):
    """A call to a provider did not give a usable answer. `response` is the provider's, when it gave one."""

    def __init__(self, message: str, *, response: requests.Response | None = None):
        super().__init__(message)
        self.response = response


class ProviderRefused(ProviderError):
    """The provider answered 4xx: it refused the request itself. Never retried."""


class ProviderUnavailable(ProviderError):
    """The provider could not be reached, or answered 5xx to every attempt of an idempotent call."""


class ProviderOutcomeUnknown(ProviderError):
    """A call that is not idempotent may have reached the provider, but its answer was lost."""


def _retry_policy(*, idempotent: bool) -> Retry:
    attempts = settings.OUTBOUND_RETRIES
    if idempotent:
        return Retry(
            total=attempts, connect=attempts, read=attempts, status=attempts, other=0,
            allowed_methods=None,  # the caller vouches that this call is idempotent, whatever its method
            status_forcelist=RETRIED_STATUSES, backoff_factor=settings.OUTBOUND_BACKOFF_SECONDS,
            raise_on_status=False, respect_retry_after_header=False,
        )  # fmt: skip
    return Retry(
        total=attempts, connect=attempts, read=0, status=0, other=0,
        backoff_factor=settings.OUTBOUND_BACKOFF_SECONDS, raise_on_status=False,
    )  # fmt: skip


def request_never_sent(error: requests.RequestException) -> bool:
    """True when the request certainly did not leave: the connection itself failed."""
    if isinstance(error, requests.ConnectTimeout):
        return True
    reason = error.args[0] if error.args else None
    if isinstance(reason, MaxRetryError):
        reason = reason.reason
    return isinstance(reason, NewConnectionError | ConnectTimeoutError)


def provider_call(
    provider: str, method: str, url: str, *, idempotent: bool, timeout: float | None = None, **kwargs
) -> requests.Response:
    """Make one call (with the retries the policy allows) and return a response under 400; otherwise
    raise ProviderRefused (4xx), ProviderUnavailable or ProviderOutcomeUnknown (see the module)."""
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=_retry_policy(idempotent=idempotent))
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    started = time.monotonic()
    try:
        response = session.request(method, url, timeout=timeout or settings.OUTBOUND_TIMEOUT_SECONDS, **kwargs)
    except requests.RequestException as error:
        if idempotent or request_never_sent(error):
            raise ProviderUnavailable(f"{provider}: {error.__class__.__name__}") from error
        logger.warning("%s %s %s: answer lost (%s); not sent again", provider, method, url, error)
        raise ProviderOutcomeUnknown(f"{provider}: the answer was lost ({error.__class__.__name__})") from error
    finally:
        session.close()
        log_slow_call(provider=provider, method=method, url=url, started=started)
    if response.status_code < 400:
        return response
    message = f"{provider}: HTTP {response.status_code} {response.text[:200]}"
    if response.status_code < 500:
        raise ProviderRefused(message, response=response)
    if idempotent:
        raise ProviderUnavailable(message, response=response)
    raise ProviderOutcomeUnknown(message, response=response)
