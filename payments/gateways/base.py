"""The interface every payment gateway implements, and what it answers. Amounts cross it as Decimal
with their currency; a gateway converts to its own minor units at its edge."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.conf import settings

from payments.models import Payment, PaymentStatus


@dataclass(frozen=True)
class ChargeResult:
    status: str  # a PaymentStatus: pending, requires_action, succeeded or failed
    provider_reference: str
    client_secret: str = ""
    failure_code: str = ""
    failure_reason: str = ""

    @property
    def succeeded(self) -> bool:
        return self.status == PaymentStatus.SUCCEEDED


@dataclass(frozen=True)
class RefundResult:
    provider_reference: str


@dataclass(frozen=True)
class ProviderPayment:
    """A payment as the provider holds it, for reconciliation."""

    reference: str
    amount: Decimal
    currency: str
    captured: bool
    status: str  # the provider's own word
    payment_id: str  # ours, from the provider's metadata, when it carries it


class GatewayError(Exception):
    """The gateway could not be reached or answered with an error that is not a decline (network, 5xx
    after retries). Nothing is recorded as having moved. `response` is the provider's, when it gave one."""

    def __init__(self, message: str, *, response=None):
        super().__init__(message)
        self.response = response


class GatewayRefused(GatewayError):
    """The gateway refused the request itself (a 4xx that is not a card decline: an unknown payment
    method, a refund larger than it allows). Not retried."""


class GatewayOutcomeUnknown(GatewayError):
    """A charge that is not idempotent may have reached the provider, but its answer was lost. It is
    never sent again: its callback or a status query settles it. `provider_reference` is set when we
    chose it ourselves before sending (Airtel's transaction id)."""

    def __init__(self, message: str, *, provider_reference: str = "", response=None):
        super().__init__(message, response=response)
        self.provider_reference = provider_reference


class WebhookSignatureInvalid(Exception):
    """A webhook whose signature does not verify (or is stale): nothing is stored or processed."""


class PaymentGateway(Protocol):
    code: str
    # True when sending the same charge again cannot charge twice (Stripe's Idempotency-Key, MTN's
    # X-Reference-Id, the sandbox): a charge whose answer was lost may then be sent again.
    charge_is_idempotent: bool

    @classmethod
    def configured(cls) -> bool:
        """True when the settings the gateway needs are set (it may then be used)."""
        ...

    def charge(self, *, payment: Payment, payment_method: str = "") -> ChargeResult:
        """Start (and where possible complete) collecting the payment. Declines are a failed result, not
        an exception."""
        ...

    def confirm(self, *, payment: Payment) -> ChargeResult:
        """The payment's state after the buyer's action (3-D Secure), as the provider now sees it."""
        ...

    def retrieve(self, *, payment: Payment) -> ChargeResult:
        """Where the payment stands at the provider now, changing nothing (for payments left pending)."""
        ...

    def refund(self, *, payment: Payment, amount: Decimal, reason: str, idempotency_key: str) -> RefundResult: ...


class SettingsConfigured:
    """What every gateway class shares: its code, whether a lost charge may be sent again, and the
    settings it needs (`configured()` when all are set)."""

    code = ""
    charge_is_idempotent = False
    required_settings: tuple[str, ...] = ()

    @classmethod
    def configured(cls) -> bool:
        return all(getattr(settings, name) for name in cls.required_settings)
