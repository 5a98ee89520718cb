"""The sandbox gateway: no keys, no network, so `make run` and the tests show the whole flow. It
decides by the last two digits of the amount in minor units (cents; whole francs for XOF and XAF):

    ..13  declined, card_declined          (100.13 CAD, 5013 XOF)
    ..14  declined, insufficient_funds     (100.14 CAD)

(a mobile-money rail it answers for in local mode declines in a wallet's words: declined, insufficient_funds)
    ..33  requires_action (3-D Secure); confirming then succeeds
    ..34  requires_action; confirming then fails, authentication_failed
    anything else succeeds at once

Refunds succeed, but for a mobile-money rail it answers for in local mode: refused, as the rail refuses them.
"""

import uuid
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from currencies.money import to_minor_units
from nzila_export.stored_text import text_to_store
from payments.gateways.base import ChargeResult, RefundResult, SettingsConfigured
from payments.gateways.mobile_money import MOBILE_MONEY_METHODS, refund_refused
from payments.models import Payment, PaymentMethod, PaymentStatus

DECLINES = {
    13: ("card_declined", _("Your card was declined.")),
    14: ("insufficient_funds", _("Your card has insufficient funds.")),
}
WALLET_DECLINES = {
    13: ("declined", _("The payment was declined.")),
    14: ("insufficient_funds", _("There is not enough money in the account for this payment.")),
}
CARD_METHODS = {PaymentMethod.CARD, PaymentMethod.SANDBOX}
REQUIRES_ACTION = {33, 34}
FAILS_AUTHENTICATION = 34


def _last_two_digits(payment: Payment) -> int:
    return to_minor_units(payment.amount, payment.currency) % 100


class SandboxGateway(SettingsConfigured):
    code = "sandbox"
    charge_is_idempotent = True  # it holds no state: nothing is charged twice

    def charge(self, *, payment: Payment, payment_method: str = "") -> ChargeResult:
        reference = f"sbx_{uuid.uuid4().hex[:24]}"
        ending = _last_two_digits(payment)
        declines = DECLINES if payment.method in CARD_METHODS else WALLET_DECLINES
        if ending in declines:
            code, reason = declines[ending]
            return ChargeResult(
                status=PaymentStatus.FAILED,
                provider_reference=reference,
                failure_code=code,
                failure_reason=text_to_store(reason),
            )
        if ending in REQUIRES_ACTION:
            return ChargeResult(
                status=PaymentStatus.REQUIRES_ACTION, provider_reference=reference,
                client_secret=f"{reference}_secret_{uuid.uuid4().hex[:16]}",
            )  # fmt: skip
        return ChargeResult(status=PaymentStatus.SUCCEEDED, provider_reference=reference)

    def confirm(self, *, payment: Payment) -> ChargeResult:
        if _last_two_digits(payment) == FAILS_AUTHENTICATION:
            return ChargeResult(
                status=PaymentStatus.FAILED, provider_reference=payment.provider_reference,
                failure_code="authentication_failed",
                failure_reason=text_to_store(_("3-D Secure authentication failed.")),
            )  # fmt: skip
        return ChargeResult(status=PaymentStatus.SUCCEEDED, provider_reference=payment.provider_reference)

    def retrieve(self, *, payment: Payment) -> ChargeResult:
        """The sandbox holds no state: a payment stays as it is until the buyer confirms it."""
        return ChargeResult(
            status=payment.status, provider_reference=payment.provider_reference, client_secret=payment.client_secret
        )

    def refund(self, *, payment: Payment, amount: Decimal, reason: str, idempotency_key: str) -> RefundResult:
        if payment.method in MOBILE_MONEY_METHODS:  # standing in for a rail, it refuses as the rail would
            raise refund_refused(rail=payment.method)
        return RefundResult(provider_reference=f"sbx_re_{uuid.uuid4().hex[:20]}")
