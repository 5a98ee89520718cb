"""Payment gateways, one module per provider; `get_gateway(code)` returns one, and `gateway_for_method`
the one that takes a payment method (cards: settings.PAYMENTS_CARD_GATEWAY)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from payments.gateways.base import PaymentGateway
from payments.models import PaymentMethod


def get_gateway(code: str) -> PaymentGateway:
    if code == "sandbox":
        from payments.gateways.sandbox import SandboxGateway

        return SandboxGateway()
    if code == "stripe":
        from payments.gateways.stripe import StripeGateway

        return StripeGateway()
    raise ImproperlyConfigured(f"Unknown payment gateway {code!r}: sandbox or stripe.")


def gateway_for_method(method: str) -> PaymentGateway:
    if method == PaymentMethod.SANDBOX:
        return get_gateway("sandbox")
    if method == PaymentMethod.CARD:
        return get_gateway(settings.PAYMENTS_CARD_GATEWAY)
    raise ImproperlyConfigured(f"No gateway takes {method!r} payments yet.")
