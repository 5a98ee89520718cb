"""Payment gateways, one module per provider, found in one registry by code. `get_gateway(code)` returns
a configured one (ImproperlyConfigured otherwise); `gateway_for_method` the one that takes a payment
method: cards, settings.PAYMENTS_CARD_GATEWAY; a mobile-money rail or Paystack, its own when configured,
else the sandbox in local mode (MOBILE_MONEY_SANDBOX)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from payments.gateways.airtel_money import AirtelMoneyGateway
from payments.gateways.base import PaymentGateway
from payments.gateways.mobile_money import MOBILE_MONEY_METHODS
from payments.gateways.mpesa import MpesaGateway
from payments.gateways.mtn_momo import MtnMomoGateway
from payments.gateways.orange_money import OrangeMoneyGateway
from payments.gateways.paystack import PaystackGateway
from payments.gateways.sandbox import SandboxGateway
from payments.gateways.stripe import StripeGateway
from payments.models import PaymentMethod

GATEWAYS: dict[str, type[PaymentGateway]] = {
    gateway.code: gateway
    for gateway in (
        SandboxGateway, StripeGateway, MpesaGateway, MtnMomoGateway, OrangeMoneyGateway, AirtelMoneyGateway,
        PaystackGateway,
    )
}  # fmt: skip


def gateway_configured(code: str) -> bool:
    return code in GATEWAYS and GATEWAYS[code].configured()


def get_gateway(code: str) -> PaymentGateway:
    if code not in GATEWAYS:
        raise ImproperlyConfigured(f"Unknown payment gateway {code!r}: one of {', '.join(GATEWAYS)}.")
    if not GATEWAYS[code].configured():
        needed = ", ".join(GATEWAYS[code].required_settings)
        raise ImproperlyConfigured(f"The {code} gateway needs {needed} (README, Payments).")
    return GATEWAYS[code]()


def mobile_money_available(method: str) -> bool:
    """A rail takes payments when configured, or through the sandbox in local mode (MOBILE_MONEY_SANDBOX)."""
    return gateway_configured(method) or settings.MOBILE_MONEY_SANDBOX


def gateway_for_method(method: str) -> PaymentGateway:
    if method == PaymentMethod.SANDBOX:
        return get_gateway("sandbox")
    if method == PaymentMethod.CARD:
        return get_gateway(settings.PAYMENTS_CARD_GATEWAY)
    if method in (*MOBILE_MONEY_METHODS, PaymentMethod.PAYSTACK):
        if gateway_configured(method):
            return get_gateway(str(method))
        if settings.MOBILE_MONEY_SANDBOX:
            return get_gateway("sandbox")
        raise ImproperlyConfigured(f"{PaymentMethod(method).label} is not configured (README, Payments).")
    raise ImproperlyConfigured(f"No gateway takes {method!r} payments yet.")
