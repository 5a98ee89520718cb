"""Payment gateways, one module per provider; `get_gateway(code)` returns one, and `gateway_for_method`
the one that takes a payment method (cards: settings.PAYMENTS_CARD_GATEWAY; a mobile-money rail: its own
when configured, else the sandbox in local mode)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from payments.gateways.base import PaymentGateway
from payments.gateways.mobile_money import MOBILE_MONEY_METHODS
from payments.models import PaymentMethod


def get_gateway(code: str) -> PaymentGateway:
    if code == "sandbox":
        from payments.gateways.sandbox import SandboxGateway

        return SandboxGateway()
    if code == "stripe":
        from payments.gateways.stripe import StripeGateway

        return StripeGateway()
    if code == "mpesa":
        from payments.gateways.mpesa import MpesaGateway

        return MpesaGateway()
    if code == "mtn_momo":
        from payments.gateways.mtn_momo import MtnMomoGateway

        return MtnMomoGateway()
    if code == "orange_money":
        from payments.gateways.orange_money import OrangeMoneyGateway

        return OrangeMoneyGateway()
    if code == "airtel_money":
        from payments.gateways.airtel_money import AirtelMoneyGateway

        return AirtelMoneyGateway()
    raise ImproperlyConfigured(f"Unknown payment gateway {code!r}: sandbox, stripe or a mobile-money rail.")


def mobile_money_configured(method: str) -> bool:
    """True when the rail's credentials are set (then it is the rail itself that answers)."""
    if method == PaymentMethod.MPESA:
        from payments.gateways.mpesa import mpesa_configured

        return mpesa_configured()
    if method == PaymentMethod.MTN_MOMO:
        from payments.gateways.mtn_momo import mtn_momo_configured

        return mtn_momo_configured()
    if method == PaymentMethod.ORANGE_MONEY:
        from payments.gateways.orange_money import orange_money_configured

        return orange_money_configured()
    if method == PaymentMethod.AIRTEL_MONEY:
        from payments.gateways.airtel_money import airtel_money_configured

        return airtel_money_configured()
    return False


def mobile_money_available(method: str) -> bool:
    """A rail takes payments when configured, or through the sandbox in local mode (MOBILE_MONEY_SANDBOX)."""
    return mobile_money_configured(method) or settings.MOBILE_MONEY_SANDBOX


def gateway_for_method(method: str) -> PaymentGateway:
    if method == PaymentMethod.SANDBOX:
        return get_gateway("sandbox")
    if method == PaymentMethod.CARD:
        return get_gateway(settings.PAYMENTS_CARD_GATEWAY)
    if method in MOBILE_MONEY_METHODS:
        if mobile_money_configured(method):
            return get_gateway(str(method))
        if settings.MOBILE_MONEY_SANDBOX:
            return get_gateway("sandbox")
        raise ImproperlyConfigured(f"{PaymentMethod(method).label} is not configured (README, Mobile money).")
    raise ImproperlyConfigured(f"No gateway takes {method!r} payments yet.")
