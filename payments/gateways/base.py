"""The interface every payment gateway implements, and what it answers. Amounts cross it as Decimal
with their currency; a gateway converts to its own minor units at its edge."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

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
    after retries). Nothing is recorded as having moved."""


class GatewayRefused(GatewayError):
    """The gateway refused the request itself (a 4xx that is not a card decline: an unknown payment
    method, a refund larger than it allows). Not retried."""


class WebhookSignatureInvalid(Exception):
    """A webhook whose signature does not verify (or is stale): nothing is stored or processed."""


class PaymentGateway(Protocol):
    code: str

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
