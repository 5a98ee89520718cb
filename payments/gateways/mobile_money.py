"""What every mobile-money rail shares: the interface, the countries and currencies each takes, the HTTP
client (timeout; network errors and 5xx retried with backoff, bounded; 4xx not), the per-payment callback
token, and the normalized reading of a callback or a status query.

A rail's `charge` starts the push to the payer's phone and answers pending (the payer approves it there);
`retrieve` asks the provider where the payment stands; `parse_callback` reads the provider's callback
body into a `MobileMoneyReport`. Money crosses as Decimal; each adapter converts at its own edge.

Providers do not sign their callbacks (M-Pesa, MTN MoMo, Airtel) or sign them weakly (Orange's
notif_token), so a callback is trusted only when its URL carries the payment's token
(`callback_token`, an HMAC of the payment under SECRET_KEY, compared in constant time), and then only
after a status query to the provider agrees with it.
"""

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

import phonenumbers
import requests
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from payments.gateways.base import ChargeResult, GatewayError, GatewayRefused
from payments.models import Payment, PaymentMethod

logger = logging.getLogger(__name__)

MOBILE_MONEY_METHODS = (
    PaymentMethod.MPESA, PaymentMethod.MTN_MOMO, PaymentMethod.ORANGE_MONEY, PaymentMethod.AIRTEL_MONEY,
)  # fmt: skip


@dataclass(frozen=True)
class Rail:
    countries: dict[str, str]  # ISO 3166 country of the payer's phone → the currency taken there
    timeout_minutes: int  # how long the payer has to approve; after it, the job asks the provider
    whole_units_only: bool = False  # M-Pesa and Airtel take whole units only


# The countries and currencies we take on each rail (README, Payments, Mobile money).
RAILS = {
    PaymentMethod.MPESA: Rail(countries={"KE": "KES"}, timeout_minutes=3, whole_units_only=True),
    PaymentMethod.MTN_MOMO: Rail(countries={"GH": "GHS", "CI": "XOF", "BJ": "XOF", "CM": "XAF"}, timeout_minutes=10),
    PaymentMethod.ORANGE_MONEY: Rail(
        countries={"CI": "XOF", "SN": "XOF", "ML": "XOF", "CM": "XAF"}, timeout_minutes=15
    ),
    PaymentMethod.AIRTEL_MONEY: Rail(countries={"KE": "KES", "NG": "NGN"}, timeout_minutes=10, whole_units_only=True),
}


@dataclass(frozen=True)
class MobileMoneyReport:
    """A callback or a status answer, normalized. Fields the provider did not give are None or empty."""

    status: str  # a PaymentStatus: pending, succeeded or failed
    provider_reference: str = ""
    event_id: str = ""  # unique per callback at the provider (for storing it once)
    amount: Decimal | None = None
    currency: str = ""
    phone: str = ""  # E.164
    receipt: str = ""  # the provider's transaction id
    external_id: str = ""  # ours (the payment's id), where the rail echoes it
    callback_secret: str = ""  # a token the rail gave us for its callbacks (Orange's notif_token)
    provider_status: str = ""
    failure_code: str = ""
    failure_reason: str = ""

    def as_charge_result(self) -> ChargeResult:
        return ChargeResult(
            status=self.status, provider_reference=self.provider_reference,
            failure_code=self.failure_code, failure_reason=self.failure_reason,
        )  # fmt: skip


class CallbackMalformed(Exception):
    """A callback body that is not the provider's shape: answered 400, nothing stored."""


def callback_token(payment: Payment) -> str:
    """Unguessable without SECRET_KEY, one per payment: only the provider we gave the URL to knows it."""
    message = f"mobile-money-callback:{payment.pk}:{payment.method}:{payment.idempotency_key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def callback_token_valid(payment: Payment, token: str) -> bool:
    return hmac.compare_digest(callback_token(payment).encode(), (token or "").encode())


def callback_url(payment: Payment) -> str:
    path = reverse(f"{payment.method.replace('_', '-')}-webhook")
    query = urlencode({"payment": payment.pk, "token": callback_token(payment)})
    return f"{settings.SITE_URL.rstrip('/')}{path}?{query}"


def phone_e164(raw: str) -> tuple[str, str] | None:
    """(E.164, ISO country) of a phone number written with its + prefix; None if it is not a valid one."""
    try:
        number = phonenumbers.parse(raw, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    country = phonenumbers.region_code_for_number(number) or ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), country


def msisdn(phone: str) -> str:
    """The number as the rails write it: E.164 without the +."""
    return phone.lstrip("+")


def provider_request(provider: str, method: str, url: str, **kwargs) -> requests.Response:
    """One call to a rail: a timeout on each attempt; network errors and 5xx are retried with backoff
    (MOBILE_MONEY_MAX_RETRIES times), a 4xx is not (GatewayRefused)."""
    kwargs.setdefault("timeout", settings.MOBILE_MONEY_TIMEOUT_SECONDS)
    retries = settings.MOBILE_MONEY_MAX_RETRIES
    failure: GatewayError | None = None
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(settings.MOBILE_MONEY_RETRY_BACKOFF_SECONDS * 2 ** (attempt - 1))
        try:
            response = requests.request(method, url, **kwargs)  # noqa: S113 (the timeout is in kwargs)
        except requests.RequestException as error:
            failure = GatewayError(f"{provider}: {error.__class__.__name__}")
            continue
        if response.status_code < 400:
            return response
        if response.status_code < 500:
            refusal = GatewayRefused(f"{provider}: HTTP {response.status_code} {response.text[:200]}")
            refusal.response = response  # type: ignore[attr-defined]
            raise refusal
        failure = GatewayError(f"{provider}: HTTP {response.status_code}")
        failure.response = response  # type: ignore[attr-defined]  (some rails answer 5xx for "pending")
    logger.warning("%s out of reach after %s attempts: %s", provider, retries + 1, failure)
    assert failure is not None
    raise failure


def cached_token(key: str, fetch) -> str:
    """An OAuth token, kept in the cache until a minute before it expires. `fetch` → (token, seconds)."""
    token = cache.get(key)
    if token:
        return token
    token, expires_in = fetch()
    cache.set(key, token, max(int(expires_in) - 60, 1))
    return token


class MobileMoneyGateway:
    """The base of every rail. `charge` records the phone the push goes to (so that the callback can be
    checked against it) and starts the push; subclasses implement `start`, `retrieve` and
    `parse_callback`."""

    code = ""
    method = ""
    requires_callback_secret = False  # the rail's callbacks carry a token it gave us at the push
    provider_name = ""
    required_settings: tuple[str, ...] = ()
    base_url_setting = ""

    def __init__(self):
        if not all(getattr(settings, name) for name in self.required_settings):
            raise ImproperlyConfigured(f"{self.provider_name} needs {', '.join(self.required_settings)}.")
        self.base_url = getattr(settings, self.base_url_setting).rstrip("/")

    def charge(self, *, payment: Payment, payment_method: str = "") -> ChargeResult:
        from payments.models import MobileMoneyPayment

        phone = payment_method  # for mobile money the instrument is the payer's number, E.164
        MobileMoneyPayment.objects.get_or_create(payment=payment, defaults={"phone": phone})
        return self.start(payment=payment, phone=phone, callback=callback_url(payment))

    def start(self, *, payment: Payment, phone: str, callback: str) -> ChargeResult:
        raise NotImplementedError

    def confirm(self, *, payment: Payment) -> ChargeResult:
        return self.retrieve(payment=payment)

    def retrieve(self, *, payment: Payment) -> ChargeResult:
        return self.status(payment=payment).as_charge_result()

    def status(self, *, payment: Payment) -> MobileMoneyReport:
        raise NotImplementedError

    def parse_callback(self, *, body: bytes, headers) -> MobileMoneyReport:
        raise NotImplementedError

    def refund(self, *, payment, amount, reason: str, idempotency_key: str):
        raise GatewayRefused(f"{self.code}: refunds are made by staff at the provider (disbursement), not here.")
