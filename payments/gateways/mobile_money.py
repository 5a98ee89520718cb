"""What every mobile-money rail shares: the interface, the countries and currencies each takes, its calls
through the one HTTP policy (nzila_export.http: a push is sent once, a status query or token may be
retried), the per-payment callback token, and the normalized reading of a callback or a status query.

A rail's `charge` starts the push to the payer's phone and answers pending (the payer approves it there);
`retrieve` asks the provider where the payment stands; `parse_callback` reads the provider's callback
body into a `MobileMoneyReport`. Money crosses as Decimal; each adapter converts at its own edge.

Providers do not sign their callbacks (M-Pesa, MTN MoMo, Airtel) or sign them weakly (Orange's
notif_token), so a callback is trusted only when its URL carries the payment's token
(`callback_token`, Django's salted HMAC of the payment under SECRET_KEY, compared in constant time), and
then only after a status query to the provider agrees with it.
"""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

import phonenumbers
import requests
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext

from nzila_export.http import ProviderOutcomeUnknown, ProviderRefused, ProviderUnavailable, provider_call
from payments.gateways.base import ChargeResult, GatewayError, GatewayOutcomeUnknown, GatewayRefused, SettingsConfigured
from payments.models import MobileMoneyPayment, Payment, PaymentMethod

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
    value = f"{payment.pk}:{payment.method}:{payment.idempotency_key}"
    return salted_hmac("payments.mobile-money-callback", value, algorithm="sha256").hexdigest()


def callback_token_valid(payment: Payment, token: str) -> bool:
    return constant_time_compare(callback_token(payment), token or "")


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


def rail_request(
    provider: str, method: str, url: str, *, idempotent: bool, reference: str = "", **kwargs
) -> requests.Response:
    """One call to a rail through the one HTTP policy, its failures as the gateway's: a 4xx is
    GatewayRefused, out of reach GatewayError, and a push whose answer was lost GatewayOutcomeUnknown
    (carrying `reference`, when we chose the push's reference ourselves)."""
    try:
        return provider_call(provider, method, url, idempotent=idempotent, **kwargs)
    except ProviderRefused as error:
        raise GatewayRefused(str(error), response=error.response) from error
    except ProviderOutcomeUnknown as error:
        raise GatewayOutcomeUnknown(str(error), provider_reference=reference, response=error.response) from error
    except ProviderUnavailable as error:
        raise GatewayError(str(error), response=error.response) from error


def cached_token(key: str, fetch) -> str:
    """An OAuth token, kept in the cache until a minute before it expires. `fetch` → (token, seconds)."""
    token = cache.get(key)
    if token:
        return token
    token, expires_in = fetch()
    cache.set(key, token, max(int(expires_in) - 60, 1))
    return token


def refund_refused(*, rail: str) -> GatewayRefused:
    """A rail takes no refund through its collection API: staff send the money back at the provider. The rail
    is named as people know it (MTN MoMo), not by its code."""
    return GatewayRefused(
        gettext("%(rail)s: refunds are made by staff at the provider (disbursement), not here.")
        % {"rail": PaymentMethod(rail).label}
    )


class MobileMoneyGateway(SettingsConfigured):
    """The base of every rail: `charge` starts the push to the number kept with the payment; subclasses
    implement `start`, `status` and `parse_callback`."""

    method = ""
    requires_callback_secret = False  # the rail's callbacks carry a token it gave us at the push
    provider_name = ""
    base_url_setting = ""

    def __init__(self):
        self.base_url = getattr(settings, self.base_url_setting).rstrip("/")

    def charge(self, *, payment: Payment, payment_method: str = "") -> ChargeResult:
        phone, _country = self.payer_of(payment)
        return self.start(payment=payment, phone=phone, callback=callback_url(payment))

    @staticmethod
    def payer_of(payment: Payment) -> tuple[str, str]:
        """The number the push goes to (E.164, kept with the payment when it was made) and its country."""
        phone = MobileMoneyPayment.objects.get(payment=payment).phone
        parsed = phone_e164(phone)
        return phone, parsed[1] if parsed else ""

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
        raise refund_refused(rail=self.code)
