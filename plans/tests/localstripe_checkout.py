"""localstripe (payments.tests.localstripe_server) with what the plans' tests need of Stripe Billing that
localstripe lacks, shaped as Stripe documents it:

- Checkout Sessions in subscription mode: POST /v1/checkout/sessions and GET /v1/checkout/sessions/{id}
  (https://docs.stripe.com/api/checkout/sessions), and a test-only POST
  /_test/checkout/sessions/{id}/complete {payment_method} standing for the dealer paying on Stripe's page:
  the customer is made (or reused) with the card as its default, the subscription is created (its first
  invoice charged), and checkout.session.completed is recorded;
- a test-only POST /_test/subscriptions/{id}/renew standing for Stripe's renewal at the period's end: the
  next invoice is made and charged to the default card; invoice.payment_failed is recorded when it fails
  (localstripe records no event for a card declined while paying an invoice);
- invoice.paid beside invoice.payment_succeeded, and an invoice's `parent.subscription_details.metadata`
  (the subscription's metadata, as Stripe sends since API 2025-03-31).

Events are recorded in localstripe's store, as it does for the others; the tests read them with GET
/v1/events and deliver them to our webhook signed with the endpoint secret.

    python -m plans.tests.localstripe_checkout PORT
"""

import sys

from localstripe import resources, server
from localstripe.errors import UserError
from localstripe.resources import Customer, Event, Invoice, PaymentMethod, StripeObject, Subscription
from localstripe.webhooks import schedule_webhook

from payments.tests.localstripe_server import main


class CheckoutSession(StripeObject):
    object = "checkout.session"
    _id_prefix = "cs_test_"

    def __init__(self, mode=None, line_items=None, success_url=None, cancel_url=None, client_reference_id=None,
                 customer=None, customer_email=None, metadata=None, subscription_data=None, **kwargs):  # fmt: skip
        if kwargs:
            raise UserError(400, "Unexpected " + ", ".join(kwargs.keys()))
        try:
            assert mode == "subscription"
            assert isinstance(line_items, list)
            assert len(line_items) == 1
            assert line_items[0].get("price")
            assert isinstance(success_url, str)
            assert isinstance(cancel_url, str)
        except AssertionError:
            raise UserError(400, "Bad request") from None
        resources.Plan._api_retrieve(line_items[0]["price"])  # 404 for an unknown price
        if customer is not None:
            Customer._api_retrieve(customer)
        super().__init__()
        self.mode, self.status, self.payment_status = mode, "open", "unpaid"
        self.url = f"https://checkout.stripe.com/c/pay/{self.id}"
        self.success_url, self.cancel_url = success_url, cancel_url
        self.client_reference_id = client_reference_id
        self.customer, self.customer_email = customer, customer_email
        self.metadata = metadata or {}
        self.subscription = None
        self._price = line_items[0]["price"]
        self._subscription_metadata = (subscription_data or {}).get("metadata") or {}

    @classmethod
    def _api_complete(cls, id, payment_method=None, **kwargs):
        session = cls._api_retrieve(id)
        if session.status != "open":
            raise UserError(400, "This Checkout Session is not open.")
        customer = (
            Customer._api_retrieve(session.customer) if session.customer else Customer(email=session.customer_email)
        )
        PaymentMethod._api_attach(payment_method, customer=customer.id)
        customer.invoice_settings["default_payment_method"] = payment_method
        subscription = Subscription(
            customer=customer.id, items=[{"plan": session._price}], metadata=dict(session._subscription_metadata)
        )
        session.customer, session.subscription = customer.id, subscription.id
        session.status = "complete"
        session.payment_status = "paid" if subscription.status == "active" else "unpaid"
        schedule_webhook(Event("checkout.session.completed", session))
        return session


def subscription_renew(id, **kwargs):
    subscription = Subscription._api_retrieve(id)
    subscription._create_invoice()
    invoice = Invoice._api_retrieve(subscription.latest_invoice)
    if invoice.status != "paid":
        schedule_webhook(Event("invoice.payment_failed", invoice))
        schedule_webhook(Event("customer.subscription.updated", subscription))
    return invoice


_payment_succeeded = Invoice._on_payment_success


def _on_payment_success(self):
    _payment_succeeded(self)
    schedule_webhook(Event("invoice.paid", self))


def _parent(self):
    if not self.subscription:
        return None
    metadata = Subscription._api_retrieve(self.subscription).metadata
    return {
        "type": "subscription_details",
        "subscription_details": {"subscription": self.subscription, "metadata": dict(metadata or {})},
    }


def install() -> None:
    Invoice._on_payment_success = _on_payment_success
    Invoice.parent = property(_parent)
    for method, url, func in (
        ("POST", "/_test/checkout/sessions/{id}/complete", CheckoutSession._api_complete),
        ("POST", "/_test/subscriptions/{id}/renew", subscription_renew),
        ("POST", "/v1/checkout/sessions", lambda **data: CheckoutSession(**data)),
    ):
        server.app.router.add_route(method, url, server.api_extra(func, url))
    server.app.router.add_route(
        "GET", "/v1/checkout/sessions/{id}", server.api_retrieve(CheckoutSession, "/v1/checkout/sessions/{id}")
    )


if __name__ == "__main__":
    install()
    main(int(sys.argv[1]))
