import pytest

from accounts.tests.factories import BuyerFactory
from audit.models import AuditLog
from payments.models import LedgerEntry, StripeCustomer
from payments.tests.factories import PayableDealFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/payment-methods/"


def new_card(stripe_client, number="4242424242424242"):
    return stripe_client.v1.payment_methods.create(
        params={"type": "card", "card": {"number": number, "exp_month": 12, "exp_year": 2031, "cvc": "123"}}
    ).id


def test_a_buyer_saves_cards_on_one_customer_sets_a_default_and_removes_one(client_for, on_stripe):
    buyer = BuyerFactory()
    client = client_for(buyer)
    assert client.get(URL).json() == []
    first, second = new_card(on_stripe), new_card(on_stripe, "5555555555554444")
    attached = client.post(URL, {"payment_method": first}, format="json")
    assert attached.status_code == 201, attached.json()
    assert (attached.json()["id"], attached.json()["last4"]) == (first, "4242")
    assert client.post(URL, {"payment_method": second}, format="json").status_code == 201
    assert StripeCustomer.objects.filter(user=buyer).count() == 1  # created once, kept
    assert client.post(f"{URL}{second}/default/").json()["is_default"] is True
    listed = {card["id"]: card["is_default"] for card in client.get(URL).json()}
    assert listed == {first: False, second: True}
    assert client.delete(f"{URL}{first}/").status_code == 204
    assert [card["id"] for card in client.get(URL).json()] == [second]
    assert set(AuditLog.objects.filter(user=buyer).values_list("action", flat=True)) >= {
        "payment.customer_create", "payment.card_attach", "payment.card_default", "payment.card_detach"
    }  # fmt: skip


def test_nobody_touches_another_users_card(client_for, on_stripe):
    owner, other = BuyerFactory(), BuyerFactory()
    card = new_card(on_stripe)
    client_for(owner).post(URL, {"payment_method": card}, format="json")
    assert client_for(other).delete(f"{URL}{card}/").status_code == 404
    assert client_for(other).post(f"{URL}{card}/default/").status_code == 404
    assert [saved["id"] for saved in client_for(owner).get(URL).json()] == [card]


def test_a_saved_card_pays_a_deal_through_the_buyers_customer(client_for, todays_rates, on_stripe):
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    card = new_card(on_stripe)
    client.post(URL, {"payment_method": card}, format="json")
    body = {"deal": deal.pk, "amount": "18000.00", "currency": "CAD", "method": "card", "payment_method": card}
    response = client.post("/api/v1/payments/", body, format="json", HTTP_IDEMPOTENCY_KEY="saved")
    assert response.status_code == 201, response.json()
    intent = on_stripe.v1.payment_intents.retrieve(response.json()["provider_reference"])
    assert (intent.status, intent.customer) == ("succeeded", deal.buyer.stripe_customer.customer_id)
    assert LedgerEntry.objects.count() == 1


def test_saved_cards_are_refused_without_stripe(client_for):
    response = client_for(BuyerFactory()).get(URL)
    assert (response.status_code, response.json()["code"]) == (409, "saved_cards_unavailable")
