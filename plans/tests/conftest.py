"""localstripe with Checkout Sessions (plans.tests.localstripe_checkout), Stripe's test objects for the plans,
and the delivery of what localstripe recorded to our webhook, signed as Stripe signs."""

import json
import subprocess
import sys
import time

import pytest
import requests
import stripe

from payments.tests.conftest import SECRET_KEY, free_port
from payments.tests.test_stripe_webhooks import SECRET, signed
from plans.models import Plan, PlanCode
from plans.services import plans_missing_create
from webhooks.models import InboxEvent, InboxEventStatus
from webhooks.services import inbox_event_process

WEBHOOK_URL = "/api/v1/webhooks/stripe/"


@pytest.fixture(scope="session")
def billing_stripe_url():
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "plans.tests.localstripe_checkout", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            requests.get(f"{url}/v1/plans", auth=(SECRET_KEY, ""), timeout=0.5)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("localstripe did not start")
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def plans(db):
    """The shipped plans (a transactional test elsewhere may have flushed the migration's rows)."""
    plans_missing_create()
    return {plan.code: plan for plan in Plan.objects.all()}


class StripeBilling:
    """Stripe's side of the journey: the prices, the dealer's actions on Stripe's pages, and the delivery of
    the events Stripe recorded since the last delivery, in the order it recorded them."""

    def __init__(self, url: str, client):
        self.url, self.client = url, client
        self.delivered: set[str] = set()

    def call(self, method: str, path: str, **data) -> dict:
        answer = requests.request(method, self.url + path, data=data, auth=(SECRET_KEY, ""), timeout=5)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def card(self, number: str = "4242424242424242") -> str:
        return self.call("POST", "/v1/payment_methods", **{
            "type": "card", "card[number]": number, "card[exp_month]": "12", "card[exp_year]": "2031",
            "card[cvc]": "123",
        })["id"]  # fmt: skip

    def price(self, plan: Plan) -> str:
        price_id = f"price_{plan.code}_{time.monotonic_ns()}"
        self.call("POST", "/v1/plans", **{
            "id": price_id, "amount": str(int(plan.price_per_month * 100)), "currency": plan.currency.lower(),
            "interval": "month", "product[name]": plan.name_en,
        })  # fmt: skip
        plan.stripe_price_id = price_id
        plan.save(update_fields=["stripe_price_id"])
        return price_id

    def events(self) -> list[dict]:
        found, after = [], None
        while True:
            page = self.call("GET", "/v1/events?limit=100" + (f"&starting_after={after}" if after else ""))
            found += page["data"]
            if not page["has_more"]:
                return found
            after = page["data"][-1]["id"]

    def skip_recorded(self) -> None:
        self.delivered |= {event["id"] for event in self.events()}

    def deliver_new(self, http_client, *, only: tuple[str, ...] = ()) -> list[InboxEvent]:
        """POST each new event to our webhook, signed with the endpoint secret, then apply any the inbox
        left to retry (an event that came before the one it depends on), as the inbox job would."""
        stored = []
        for event in self.events():
            if event["id"] in self.delivered or (only and event["type"] not in only):
                continue
            self.delivered.add(event["id"])
            body = _stripe_event_body(event)
            answer = http_client.post(
                WEBHOOK_URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signed(body)
            )
            assert answer.status_code == 200, answer.content
            stored.append(InboxEvent.objects.get(provider="stripe", event_id=event["id"]))
        for event in InboxEvent.objects.filter(status=InboxEventStatus.FAILED):
            inbox_event_process(event_id=event.pk)
        return [InboxEvent.objects.get(pk=event.pk) for event in stored]


def _stripe_event_body(event: dict) -> str:
    return json.dumps({**event, "api_version": "2026-10-28.endive", "object": "event"})


@pytest.fixture
def stripe_billing(settings, billing_stripe_url, plans):
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_API_BASE = billing_stripe_url
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.PLANS_BILLING = "stripe"
    billing = StripeBilling(
        billing_stripe_url, stripe.StripeClient(SECRET_KEY, base_addresses={"api": billing_stripe_url})
    )
    billing.skip_recorded()
    for code in (PlanCode.PROFESSIONAL, PlanCode.ENTERPRISE):
        billing.price(plans[code])
    return billing
