"""Card payments through Stripe PaymentIntents. The only module that imports stripe.

Amounts go to Stripe in its smallest unit for the currency: Stripe treats XOF and XAF (among others) as
zero-decimal, so 5000 XOF is sent as 5000 (https://docs.stripe.com/currencies#zero-decimal); every other
currency we take has Stripe's and ISO's two decimals. The client retries network errors, 409 and 5xx with
backoff (`max_network_retries`) and reuses our idempotency key on each retry; every call has a timeout.
A card decline is a failed result carrying Stripe's code and message, never an exception.
`STRIPE_API_BASE` points the client at another server (localstripe in the tests).
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import stripe
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext

from currencies.money import currency_exponent, from_minor_units, to_minor_units
from payments.gateways.base import (
    ChargeResult,
    GatewayError,
    GatewayRefused,
    ProviderPayment,
    RefundResult,
    SettingsConfigured,
    WebhookSignatureInvalid,
)
from payments.models import Payment, PaymentStatus, StripeCustomer


@dataclass(frozen=True)
class SavedCard:
    id: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    is_default: bool


# https://docs.stripe.com/currencies#zero-decimal
STRIPE_ZERO_DECIMAL = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"}
)

# PaymentIntent statuses as ours. requires_payment_method after a confirmation means the attempt failed.
# https://docs.stripe.com/payments/paymentintents/lifecycle
INTENT_STATUSES = {
    "succeeded": PaymentStatus.SUCCEEDED,
    "requires_action": PaymentStatus.REQUIRES_ACTION,
    "requires_confirmation": PaymentStatus.PENDING,
    "requires_capture": PaymentStatus.PENDING,
    "processing": PaymentStatus.PENDING,
    "requires_payment_method": PaymentStatus.FAILED,
    "canceled": PaymentStatus.FAILED,
}


def charge_result_from_intent(intent) -> ChargeResult:
    """Our reading of a PaymentIntent, as a dict (the JSON of a webhook's data.object, or to_dict())."""
    status = INTENT_STATUSES.get(intent["status"], PaymentStatus.PENDING)
    error = intent.get("last_payment_error") or {}
    if status == PaymentStatus.FAILED and intent["status"] == "requires_payment_method" and not error:
        status = PaymentStatus.PENDING  # not attempted yet: waiting for a card
    failed = status == PaymentStatus.FAILED
    return ChargeResult(
        status=status,
        provider_reference=intent["id"],
        client_secret=intent.get("client_secret") or "",
        failure_code=(error.get("decline_code") or error.get("code") or "") if failed else "",
        failure_reason=(error.get("message") or "") if failed else "",
    )


def stripe_event_verify(*, body: bytes, signature: str) -> dict:
    """The event, if `signature` (the Stripe-Signature header) signs `body` with STRIPE_WEBHOOK_SECRET within
    Stripe's five-minute tolerance; WebhookSignatureInvalid otherwise.
    https://docs.stripe.com/webhooks#verify-events"""
    if not settings.STRIPE_WEBHOOK_SECRET:
        raise WebhookSignatureInvalid("STRIPE_WEBHOOK_SECRET is not set: no Stripe event can be verified.")
    try:
        stripe.Webhook.construct_event(body, signature, settings.STRIPE_WEBHOOK_SECRET)
        return json.loads(body)
    except (stripe.SignatureVerificationError, ValueError) as error:
        raise WebhookSignatureInvalid(str(error)) from error


def fraud_parameters(payment: Payment) -> dict:
    """Stripe's own fraud tools (payments.fraud): 3-D Secure asked for on card payments over
    FRAUD_THREE_D_SECURE_FROM_CAD, and the browser's Radar session when the client sent one.
    https://docs.stripe.com/payments/3d-secure/authentication-flow#manual-three-ds
    https://docs.stripe.com/radar/radar-session"""
    params = {}
    if payment.amount_cad > settings.FRAUD_THREE_D_SECURE_FROM_CAD:
        params["payment_method_options"] = {"card": {"request_three_d_secure": "any"}}
    if payment.radar_session:
        params["radar_options"] = {"session": payment.radar_session}
    return params


def stripe_exponent(currency: str) -> int:
    return 0 if currency.upper() in STRIPE_ZERO_DECIMAL else currency_exponent(currency)


def stripe_client() -> stripe.StripeClient:
    if not settings.STRIPE_SECRET_KEY:
        raise ImproperlyConfigured("STRIPE_SECRET_KEY must be set to take card payments through Stripe.")
    options = {}
    if settings.STRIPE_API_BASE:
        options["base_addresses"] = {"api": settings.STRIPE_API_BASE}
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
        http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT_SECONDS),
        **options,
    )


class StripeGateway(SettingsConfigured):
    code = "stripe"
    charge_is_idempotent = True  # every charge carries the Idempotency-Key payment-<id>
    required_settings = ("STRIPE_SECRET_KEY",)

    def __init__(self):
        self.client = stripe_client()

    def charge(self, *, payment: Payment, payment_method: str = "") -> ChargeResult:
        params = {
            "amount": to_minor_units(payment.amount, payment.currency, exponent=stripe_exponent(payment.currency)),
            "currency": payment.currency.lower(),
            "metadata": {"payment_id": str(payment.pk), "deal_id": str(payment.deal_id)},
        }
        customer = StripeCustomer.objects.filter(user_id=payment.payer_id).values_list("customer_id", flat=True).first()
        if customer:  # a saved card can only be charged with its customer
            params["customer"] = customer
        if payment_method:
            params.update(payment_method=payment_method, confirm=True)
        params.update(fraud_parameters(payment))
        try:
            intent = self.client.v1.payment_intents.create(
                params=params, options={"idempotency_key": f"payment-{payment.pk}"}
            )
        except stripe.CardError as error:
            return self._declined(error, reference="")
        except stripe.StripeError as error:
            raise self._unavailable(error) from error
        return self._result(intent)

    def confirm(self, *, payment: Payment) -> ChargeResult:
        return self.retrieve(payment=payment)  # the buyer confirmed with Stripe.js: read the outcome

    def retrieve(self, *, payment: Payment) -> ChargeResult:
        try:
            intent = self.client.v1.payment_intents.retrieve(payment.provider_reference)
        except stripe.StripeError as error:
            raise self._unavailable(error) from error
        return self._result(intent)

    def refund(self, *, payment, amount, reason: str, idempotency_key: str) -> RefundResult:
        params = {
            "payment_intent": payment.provider_reference,
            "amount": to_minor_units(amount, payment.currency, exponent=stripe_exponent(payment.currency)),
            "metadata": {"payment_id": str(payment.pk), "reason": reason[:500]},
        }
        try:
            refund = self.client.v1.refunds.create(params=params, options={"idempotency_key": idempotency_key})
        except stripe.StripeError as error:
            raise self._unavailable(error) from error
        return RefundResult(provider_reference=refund.id)

    def payments_created_between(
        self, *, start: datetime, end: datetime, page_size: int = 100
    ) -> Iterator[ProviderPayment]:
        """The PaymentIntents created in [start, end), page by page. Stripe lists newest first, so the
        pages are read until one reaches before `start` (this works on any server that lists as Stripe
        does; Stripe's created[] filter would spare the pages newer than `end` for an old day)."""
        starting_after = None
        while True:
            params = {"limit": page_size}
            if starting_after:
                params["starting_after"] = starting_after
            try:
                page = self.client.v1.payment_intents.list(params=params)
            except stripe.StripeError as error:
                raise self._unavailable(error) from error
            for intent in page.data:
                created = datetime.fromtimestamp(intent.created, tz=UTC)
                if created < start:
                    return
                if created < end:
                    currency = intent.currency.upper()
                    yield ProviderPayment(
                        reference=intent.id,
                        amount=from_minor_units(intent.amount, currency, exponent=stripe_exponent(currency)),
                        currency=currency,
                        captured=intent.status == "succeeded",
                        status=intent.status,
                        payment_id=str((intent.metadata.to_dict() if intent.metadata else {}).get("payment_id", "")),
                    )
            if not page.has_more or not page.data:
                return
            starting_after = page.data[-1].id

    @staticmethod
    def _result(intent) -> ChargeResult:
        return charge_result_from_intent(intent.to_dict())

    @staticmethod
    def _declined(error: stripe.CardError, *, reference: str) -> ChargeResult:
        details = error.error
        intent = getattr(details, "payment_intent", None) if details else None
        return ChargeResult(
            status=PaymentStatus.FAILED,
            provider_reference=getattr(intent, "id", "") or reference,
            failure_code=(details and (details.decline_code or details.code)) or error.code or "card_declined",
            failure_reason=error.user_message or str(error),
        )

    @staticmethod
    def _unavailable(error: stripe.StripeError) -> GatewayError:
        message = gettext("Stripe: %(message)s (HTTP %(status)s)") % {
            "message": error.user_message or error.__class__.__name__,
            "status": error.http_status,
        }
        if error.http_status is not None and 400 <= error.http_status < 500:
            return GatewayRefused(message)
        return GatewayError(message)


def stripe_call(method, *args, **kwargs):
    """One call through the Stripe client, its failures as the gateway's: GatewayRefused on a 4xx,
    GatewayError otherwise (out of reach, or a 5xx after the client's own retries)."""
    try:
        return method(*args, **kwargs)
    except stripe.StripeError as error:
        raise StripeGateway._unavailable(error) from error


class StripeCards:
    """The saved cards of a Stripe customer: https://docs.stripe.com/api/payment_methods."""

    def __init__(self):
        self.client = stripe_client()

    def customer_create(self, *, user_id: int, email: str, name: str) -> str:
        customer = stripe_call(
            self.client.v1.customers.create,
            params={"email": email, "name": name, "metadata": {"user_id": str(user_id)}},
            options={"idempotency_key": f"customer-{user_id}"},
        )
        return customer.id

    def cards(self, *, customer_id: str) -> list[SavedCard]:
        customer = stripe_call(self.client.v1.customers.retrieve, customer_id)
        default = ((customer.to_dict().get("invoice_settings") or {}).get("default_payment_method")) or ""
        methods = stripe_call(
            self.client.v1.payment_methods.list, params={"customer": customer_id, "type": "card", "limit": 100}
        )
        return [self._card(method, default=default) for method in methods.data]

    def attach(self, *, customer_id: str, payment_method: str) -> SavedCard:
        method = stripe_call(self.client.v1.payment_methods.attach, payment_method, params={"customer": customer_id})
        return self._card(method, default="")

    def detach(self, *, payment_method: str) -> None:
        stripe_call(self.client.v1.payment_methods.detach, payment_method)

    def set_default(self, *, customer_id: str, payment_method: str) -> None:
        stripe_call(
            self.client.v1.customers.update,
            customer_id,
            params={"invoice_settings": {"default_payment_method": payment_method}},
        )

    @staticmethod
    def _card(method, *, default: str) -> SavedCard:
        card = method.to_dict().get("card") or {}
        return SavedCard(
            id=method.id, brand=str(card.get("brand", "")), last4=str(card.get("last4", "")),
            exp_month=int(card.get("exp_month") or 0), exp_year=int(card.get("exp_year") or 0),
            is_default=method.id == default,
        )  # fmt: skip
