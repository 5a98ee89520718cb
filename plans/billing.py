"""Subscriptions at Stripe: Checkout in subscription mode and cancellation, through
payments' Stripe client (payments.gateways.stripe: the one module that imports stripe, with its timeouts,
retries and idempotency keys), and our reading of the objects Stripe's events carry.

Stripe moved fields between API versions: an invoice's subscription is under
`parent.subscription_details.subscription` since 2025-03-31 (`subscription` before), a subscription's
current period under its items since the same version. Both shapes are read.
https://docs.stripe.com/api/checkout/sessions/create https://docs.stripe.com/billing/subscriptions/webhooks
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.conf import settings

from currencies.money import from_minor_units
from payments.gateways.stripe import stripe_call, stripe_client, stripe_exponent
from plans.models import Plan, Subscription


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str


def billing_is_stripe() -> bool:
    """Stripe when its key is set; otherwise the local mode (PLANS_BILLING=sandbox), where a subscription
    is active at once and nothing is charged."""
    return settings.PLANS_BILLING == "stripe"


def checkout_session_create(*, subscription: Subscription, plan: Plan) -> CheckoutSession:
    """A Checkout Session in subscription mode for `plan`'s Stripe price. Our subscription's id travels
    as client_reference_id and, with the dealer and plan, in the metadata of the session and of the
    subscription Stripe makes, so that every later event finds our row whatever order it comes in."""
    metadata = {"subscription_id": str(subscription.pk), "dealer_id": str(subscription.dealer_id), "plan": plan.code}
    params = {
        "mode": "subscription",
        "line_items": [{"price": plan.stripe_price_id, "quantity": 1}],
        "success_url": settings.PLANS_CHECKOUT_SUCCESS_URL,
        "cancel_url": settings.PLANS_CHECKOUT_CANCEL_URL,
        "client_reference_id": str(subscription.pk),
        "metadata": metadata,
        "subscription_data": {"metadata": metadata},
    }
    if subscription.stripe_customer_id:
        params["customer"] = subscription.stripe_customer_id
    elif subscription.dealer.email:
        params["customer_email"] = subscription.dealer.email
    session = stripe_call(
        stripe_client().v1.checkout.sessions.create,
        params=params,
        options={"idempotency_key": f"plan-checkout-{subscription.pk}-{uuid.uuid4()}"},
    )
    return CheckoutSession(id=session.id, url=session.url or "")


def stripe_subscription_cancel(*, stripe_subscription_id: str) -> None:
    stripe_call(stripe_client().v1.subscriptions.cancel, stripe_subscription_id)


def moment(timestamp) -> datetime | None:
    return datetime.fromtimestamp(int(timestamp), tz=UTC) if timestamp else None


def price_id_of(stripe_subscription: dict) -> str:
    items = (stripe_subscription.get("items") or {}).get("data") or [{}]
    item = items[0]
    return str((item.get("price") or {}).get("id") or (item.get("plan") or {}).get("id") or "")


def period_of(stripe_subscription: dict) -> tuple[datetime | None, datetime | None]:
    items = (stripe_subscription.get("items") or {}).get("data") or [{}]
    start = stripe_subscription.get("current_period_start") or items[0].get("current_period_start")
    end = stripe_subscription.get("current_period_end") or items[0].get("current_period_end")
    return moment(start), moment(end)


def invoice_subscription_id(stripe_invoice: dict) -> str:
    parent = (stripe_invoice.get("parent") or {}).get("subscription_details") or {}
    return str(parent.get("subscription") or stripe_invoice.get("subscription") or "")


def invoice_amount_paid(stripe_invoice: dict) -> tuple[Decimal, str]:
    currency = str(stripe_invoice.get("currency") or "cad").upper()
    minor = stripe_invoice.get("amount_paid") or stripe_invoice.get("total") or 0
    return from_minor_units(int(minor), currency, exponent=stripe_exponent(currency)), currency


def invoice_period(stripe_invoice: dict) -> tuple[datetime | None, datetime | None]:
    """The period the invoice pays for: its subscription line's period (the invoice's own period_start
    and period_end are those of the previous period for a renewal)."""
    for line in (stripe_invoice.get("lines") or {}).get("data") or []:
        period = line.get("period") or {}
        if period.get("start"):
            return moment(period["start"]), moment(period.get("end"))
    return moment(stripe_invoice.get("period_start")), moment(stripe_invoice.get("period_end"))
