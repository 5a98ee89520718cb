"""Stripe's subscription events, through the one inbox (webhooks): payments' Stripe view verifies the
signature and stores each event once; the inbox hands the types below to this handler (registered in
PlansConfig.ready), every other Stripe type to payments'. Each service it calls locks the subscription's
row and acts only if its state allows, so a redelivered or reordered event changes nothing twice.
https://docs.stripe.com/billing/subscriptions/webhooks"""

import json

from plans import services
from plans.billing import invoice_subscription_id
from webhooks.handlers import RetryLater
from webhooks.models import InboxEvent, InboxEventStatus

PLAN_EVENT_TYPES = (
    "checkout.session.completed",
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "invoice.paid",
    "invoice.payment_failed",
)


def stripe_plan_event_apply(event: InboxEvent) -> str:
    data = json.loads(event.body)["data"]["object"]
    try:
        if event.event_type == "checkout.session.completed":
            if data.get("mode") != "subscription":
                return InboxEventStatus.IGNORED
            services.subscription_checkout_completed(session=data)
        elif event.event_type.startswith("customer.subscription."):
            deleted = event.event_type == "customer.subscription.deleted"
            services.subscription_stripe_sync(stripe_subscription=data, deleted=deleted)
        elif not invoice_subscription_id(data):
            return InboxEventStatus.IGNORED  # a one-off invoice: not a plan's
        elif event.event_type == "invoice.paid":
            services.subscription_invoice_paid(stripe_invoice=data)
        else:
            services.subscription_payment_failed(stripe_invoice=data)
    except services.SubscriptionNotFound as missing:
        raise RetryLater(str(missing)) from missing
    return InboxEventStatus.PROCESSED
