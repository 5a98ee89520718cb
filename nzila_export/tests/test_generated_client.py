"""The generated Python client (clients/python, `make clients`) against the running server: what an
integrator's first session does, with typed objects throughout."""

import sys
from decimal import Decimal
from pathlib import Path

import pytest

from accounts.tests.factories import PASSWORD, BuyerFactory, DealerFactory
from payments.tests.factories import StripePaymentFactory
from vehicles.models import VehicleStatus
from vehicles.tests.factories import VehicleFactory

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "clients" / "python"))

from nzila_client import AuthenticatedClient, Client
from nzila_client.api.accounts import auth_token
from nzila_client.api.deals import deals_create
from nzila_client.api.leads import leads_create
from nzila_client.api.payments import payments_retrieve
from nzila_client.api.vehicles import vehicles_list
from nzila_client.models import (
    CountryEnum,
    Deal,
    DealCreateRequest,
    LeadCreated,
    LeadCreateRequest,
    PaginatedVehicleCardList,
    Payment,
    TokenPairRequest,
    TokenPairResponse,
)


def signed_in(base_url: str, username: str) -> AuthenticatedClient:
    tokens = auth_token.sync(
        client=Client(base_url=base_url), body=TokenPairRequest(username=username, password=PASSWORD)
    )
    assert isinstance(tokens, TokenPairResponse)
    return AuthenticatedClient(base_url=base_url, token=tokens.access)


@pytest.mark.django_db(transaction=True)
def test_generated_client_signs_in_lists_vehicles_creates_a_lead_opens_a_deal_and_reads_a_payment(live_server):
    dealer, buyer = DealerFactory(), BuyerFactory()
    toyota = VehicleFactory(dealer=dealer, status=VehicleStatus.AVAILABLE, make="Toyota")
    VehicleFactory(dealer=dealer, status=VehicleStatus.AVAILABLE, make="Honda")

    as_buyer = signed_in(live_server.url, buyer.username)
    page = vehicles_list.sync(client=as_buyer, make="Toyota")
    assert isinstance(page, PaginatedVehicleCardList)
    assert [card.id for card in page.results] == [toyota.pk]

    lead = leads_create.sync(
        client=as_buyer,
        body=LeadCreateRequest(
            vehicle=toyota.pk, full_name="Awa Koné", email=buyer.email, destination_country=CountryEnum.CI
        ),
    )
    assert isinstance(lead, LeadCreated)
    assert lead.status.value == "new"

    as_dealer = signed_in(live_server.url, dealer.username)
    deal = deals_create.sync(
        client=as_dealer,
        body=DealCreateRequest(
            vehicle=toyota.pk, buyer=buyer.pk, agreed_price="18000.00", currency="CAD",
            destination_country="CI", destination_port="CIABJ",
        ),
    )  # fmt: skip
    assert isinstance(deal, Deal)
    assert Decimal(deal.agreed_price) == Decimal("18000.00")

    payment = StripePaymentFactory(deal__buyer=buyer)
    read = payments_retrieve.sync(client=as_buyer, id=payment.pk)
    assert isinstance(read, Payment)
    assert (read.id, Decimal(read.amount)) == (payment.pk, Decimal("18000.00"))
