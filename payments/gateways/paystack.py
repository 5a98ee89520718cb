"""Paystack (Nigeria, Ghana) through its REST API: https://paystack.com/docs/api/

- Initialize: POST /transaction/initialize {email, amount (kobo or pesewas), currency, reference, callback_url,
  channels, metadata} → {status, message, data: {authorization_url, access_code, reference}}. The buyer pays
  on the checkout page (card, bank, USSD, bank transfer, mobile money). The reference is ours, derived from
  the payment: Paystack refuses a second transaction with it ("Duplicate Transaction Reference"), and a
  request whose answer was lost is settled by verifying that reference, never by sending it again.
- Verify: GET /transaction/verify/:reference → data: {id, status: success | failed | abandoned | ongoing |
  pending | processing | queued | reversed (refunded in full), amount, currency, gateway_response, paid_at,
  channel}. An unknown reference is a 400 ("Transaction reference not found"). "abandoned" means the buyer
  has not finished (yet): it stays pending until the rail's expiry.
- Refund: POST /refund {transaction, amount, currency, merchant_note} → data: {id, status: pending |
  processing | processed | failed, amount ...}. Not idempotent: our key goes in merchant_note, and the
  transaction's refunds (GET /refund?transaction=id) are looked up before a refund is sent, so one whose
  answer was lost is found, never made twice.
- Webhooks: one URL for the account, {event, data}; x-paystack-signature is the HMAC-SHA512 of the raw
  body under the secret key (https://paystack.com/docs/payments/webhooks/). charge.success carries the
  transaction; refund.pending, refund.processing, refund.processed and refund.failed carry
  {status, transaction_reference, refund_reference, amount, currency}.

NGN and GHS have ISO's two decimals, and Paystack counts in hundredths too: 100 kobo, 100 pesewas.
"""

import hashlib
import hmac
import json
import uuid
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext

from currencies.money import from_minor_units, to_minor_units
from payments.gateways.base import (
    ChargeResult,
    GatewayError,
    GatewayOutcomeUnknown,
    GatewayRefused,
    RefundResult,
    SettingsConfigured,
    WebhookSignatureInvalid,
)
from payments.gateways.mobile_money import MobileMoneyReport, rail_request
from payments.models import Payment, PaymentMethod, PaymentStatus, PaystackTransaction

# The currencies we take through Paystack, and the checkout channels Paystack offers in each.
PAYSTACK_CHANNELS = {
    "NGN": ("card", "bank", "ussd", "bank_transfer"),
    "GHS": ("card", "mobile_money", "bank_transfer"),
}
PAYSTACK_CURRENCIES = tuple(PAYSTACK_CHANNELS)
PAYSTACK_EXPONENT = 2  # Paystack counts every currency in hundredths (kobo, pesewas)
REFERENCE_PREFIX = "nzila-"

# "reversed": paid, then refunded in full (the refund comes as its own event). abandoned, ongoing, pending,
# processing, queued: not settled (yet).
STATUSES = {"success": PaymentStatus.SUCCEEDED, "reversed": PaymentStatus.SUCCEEDED, "failed": PaymentStatus.FAILED}


def reference_for(payment: Payment) -> str:
    """Ours, chosen before sending: one per payment, never reused by another environment's payment of the
    same id (the idempotency key is part of it)."""
    digest = uuid.uuid5(uuid.NAMESPACE_URL, f"nzila-payment:{payment.pk}:{payment.idempotency_key}").hex[:12]
    return f"{REFERENCE_PREFIX}{payment.pk}-{digest}"


def signature_valid(*, body: bytes, signature: str) -> bool:
    secret = settings.PAYSTACK_SECRET_KEY
    if not secret or not signature:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha512).hexdigest()
    return hmac.compare_digest(expected, signature.strip().lower())


def paystack_event_verify(*, body: bytes, signature: str) -> dict:
    """The event, if `signature` (x-paystack-signature) is the HMAC-SHA512 of `body` under our secret key
    and the body is an event; WebhookSignatureInvalid otherwise."""
    if not signature_valid(body=body, signature=signature):
        raise WebhookSignatureInvalid("The x-paystack-signature does not sign this body.")
    try:
        event = json.loads(body)
    except ValueError as error:
        raise WebhookSignatureInvalid("Not JSON.") from error
    if (
        not isinstance(event, dict)
        or not isinstance(event.get("event"), str)
        or not isinstance(event.get("data"), dict)
    ):
        raise WebhookSignatureInvalid("Not a Paystack event.")
    return event


def report_from(data: dict) -> MobileMoneyReport:
    """Our reading of a transaction (verify's data, a charge.success event's data)."""
    provider_status = str(data.get("status") or "").lower()
    status = STATUSES.get(provider_status, PaymentStatus.PENDING)
    currency = str(data.get("currency") or "").upper()
    amount = data.get("amount")
    amount = from_minor_units(int(amount), currency, exponent=PAYSTACK_EXPONENT) if amount and currency else None
    failure_code = failure_reason = ""
    if status == PaymentStatus.FAILED:
        failure_code = f"paystack_{provider_status}"
        failure_reason = str(data.get("gateway_response") or gettext("Paystack declined the payment."))[:255]
    return MobileMoneyReport(
        status=status, provider_reference=str(data.get("reference") or ""),
        event_id=str(data.get("id") or ""),
        amount=amount,
        currency=currency, receipt=str(data.get("id") or ""), provider_status=provider_status,
        failure_code=failure_code, failure_reason=failure_reason,
    )  # fmt: skip


def refund_amount(data: dict) -> Decimal:
    """A refund event's amount (Paystack sends it as a string or a number, in minor units)."""
    currency = str(data["currency"]).upper()
    return from_minor_units(int(Decimal(str(data["amount"]))), currency, exponent=PAYSTACK_EXPONENT)


class PaystackGateway(SettingsConfigured):
    code = "paystack"
    method = PaymentMethod.PAYSTACK
    required_settings = ("PAYSTACK_SECRET_KEY", "PAYSTACK_BASE_URL")
    provider_name = "Paystack"

    def __init__(self):
        self.base_url = settings.PAYSTACK_BASE_URL.rstrip("/")

    def _call(self, method: str, path: str, *, idempotent: bool, reference: str = "", **kwargs) -> dict:
        headers = {"Authorization": f"Bearer {settings.PAYSTACK_SECRET_KEY}"}
        response = rail_request(
            "Paystack", method, f"{self.base_url}{path}", idempotent=idempotent, reference=reference,
            headers=headers, **kwargs,
        )  # fmt: skip
        try:
            body = response.json()
        except ValueError as error:
            message = gettext("%(provider)s: an answer we cannot read (%(error)s)") % {
                "provider": "Paystack", "error": error.__class__.__name__,
            }  # fmt: skip
            raise GatewayError(message, response=response) from error
        if not isinstance(body, dict) or body.get("status") is not True:
            raise GatewayRefused(f"Paystack: {str(body.get('message', '') if isinstance(body, dict) else '')[:200]}")
        return body

    def charge(self, *, payment: Payment, payment_method: str = "") -> ChargeResult:
        """Initialize the checkout with what the buyer's request gave (kept with the payment); pending until
        the buyer pays on Paystack's page (its URL is the payment's client secret, for the payer only)."""
        checkout = PaystackTransaction.objects.get(payment=payment)
        reference = reference_for(payment)
        body = {
            "email": checkout.email,
            "amount": to_minor_units(payment.amount, payment.currency, exponent=PAYSTACK_EXPONENT),
            "currency": payment.currency, "reference": reference,
            "callback_url": f"{settings.SITE_URL.rstrip('/')}/deals/{payment.deal_id}",
            "channels": list(checkout.channels or PAYSTACK_CHANNELS[payment.currency]),
            "metadata": {"payment_id": str(payment.pk), "deal_id": str(payment.deal_id)},
        }  # fmt: skip
        # Sent once: a lost answer is settled by verifying our reference (README, Payments, Paystack).
        answer = self._call("POST", "/transaction/initialize", json=body, idempotent=False, reference=reference)
        data = answer.get("data") or {}
        return ChargeResult(
            status=PaymentStatus.PENDING, provider_reference=str(data.get("reference") or reference),
            client_secret=str(data.get("authorization_url") or ""),
        )  # fmt: skip

    def status(self, *, payment: Payment) -> MobileMoneyReport:
        """Where the transaction stands at Paystack. A reference Paystack does not know (the initialize
        never arrived) is pending: the expiry settles it."""
        reference = payment.provider_reference or reference_for(payment)
        try:
            answer = self._call("GET", f"/transaction/verify/{reference}", idempotent=True)
        except GatewayRefused as refusal:
            response = getattr(refusal, "response", None)
            if response is not None and response.status_code in (400, 404):
                return MobileMoneyReport(
                    status=PaymentStatus.PENDING, provider_reference=reference, provider_status="not_found"
                )
            raise
        try:
            return report_from(answer["data"])
        except (KeyError, TypeError, ValueError, InvalidOperation) as error:
            raise GatewayRefused(
                gettext("%(provider)s: an answer we cannot read (%(error)s)")
                % {"provider": "Paystack", "error": error.__class__.__name__}
            ) from error

    def retrieve(self, *, payment: Payment) -> ChargeResult:
        report = self.status(payment=payment)
        return ChargeResult(
            status=report.status, provider_reference=payment.provider_reference,
            failure_code=report.failure_code, failure_reason=report.failure_reason,
        )  # fmt: skip

    def confirm(self, *, payment: Payment) -> ChargeResult:
        return self.retrieve(payment=payment)

    def _refund_made(self, *, payment: Payment, idempotency_key: str) -> dict | None:
        """The transaction's refund carrying our key, if one was made (an answer lost earlier)."""
        checkout = PaystackTransaction.objects.get(payment=payment)
        if not checkout.transaction_id:
            return None
        answer = self._call("GET", "/refund", params={"transaction": checkout.transaction_id}, idempotent=True)
        for refund in answer.get("data") or []:
            if isinstance(refund, dict) and idempotency_key in str(refund.get("merchant_note") or ""):
                return refund
        return None

    def refund(self, *, payment: Payment, amount: Decimal, reason: str, idempotency_key: str) -> RefundResult:
        """Refund once: a refund with our key already at Paystack is that refund; otherwise it is sent once,
        and a lost answer is looked up again before it is given up as unknown."""
        made = self._refund_made(payment=payment, idempotency_key=idempotency_key)
        if made is not None:
            return RefundResult(provider_reference=str(made.get("id") or ""))
        body = {
            "transaction": payment.provider_reference,
            "amount": to_minor_units(amount, payment.currency, exponent=PAYSTACK_EXPONENT),
            "currency": payment.currency, "merchant_note": f"{idempotency_key}: {reason}"[:255],
        }  # fmt: skip
        try:
            answer = self._call("POST", "/refund", json=body, idempotent=False)
        except GatewayOutcomeUnknown:
            made = self._refund_made(payment=payment, idempotency_key=idempotency_key)
            if made is None:
                raise
            return RefundResult(provider_reference=str(made.get("id") or ""))
        return RefundResult(provider_reference=str((answer.get("data") or {}).get("id") or ""))
