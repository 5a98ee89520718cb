"""GET /api/v1/vehicles/{id}/similar/: the available listings most like one, as anyone who may see it sees them."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import DealerFactory
from vehicles.models import BodyType, VehicleStatus
from vehicles.services import vehicle_update
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


def similar(vehicle) -> str:
    return f"/api/v1/vehicles/{vehicle.pk}/similar/"


@pytest.fixture
def dealer():
    return DealerFactory()


@pytest.fixture
def camry(dealer):
    return VehicleFactory(dealer=dealer, make="Toyota", model="Camry", year=2019, price=Decimal("18500"))


def test_the_same_model_comes_before_the_same_body_type_and_the_same_make(api_client, dealer, camry):
    other_camry = VehicleFactory(dealer=dealer, make="TOYOTA", model="camry", year=2018, price=Decimal("19000"))
    accord = VehicleFactory(dealer=dealer, make="Honda", model="Accord", year=2019, price=Decimal("18500"))
    rav4 = VehicleFactory(
        dealer=dealer, make="Toyota", model="RAV4", body_type=BodyType.SUV, year=2019, price=Decimal("30000")
    )
    VehicleFactory(  # nothing in common: not listed
        dealer=dealer, make="Ford", model="F-150", body_type=BodyType.PICKUP, year=2012, price=Decimal("60000")
    )

    response = api_client.get(similar(camry))

    assert response.status_code == 200, response.json()
    body = response.json()
    assert [(card["id"], card["reason"]) for card in body] == [
        (other_camry.pk, "Same model, similar price"),
        (accord.pk, "Same body type and price band"),
        (rav4.pk, "Same make"),
    ]
    # 0.35 + 0.20 + 0.15 * (1 - 1/4) + 0.20 * (1 - 500/4625) + 0.10; 0.20 + 0.15 + 0.20 + 0.10; 0.15 + 0.15 + 0.10
    assert [card["score"] for card in body] == pytest.approx([0.9409, 0.65, 0.40], abs=1e-4)
    assert (body[0]["make"], body[0]["dealer"]["company_name"]) == ("TOYOTA", dealer.company_name)
    assert {"price_cad", "cover_photo", "photo_count"} <= set(body[0])
    assert "photos" not in body[0]


def test_sold_draft_reserved_and_deleted_listings_are_never_similar(api_client, client_for, dealer, camry):
    shown = VehicleFactory(dealer=dealer)
    for status in (VehicleStatus.SOLD, VehicleStatus.DRAFT, VehicleStatus.RESERVED, VehicleStatus.ARCHIVED):
        VehicleFactory(dealer=dealer, status=status)
    VehicleFactory(dealer=dealer).soft_delete()

    assert [card["id"] for card in api_client.get(similar(camry)).json()] == [shown.pk]
    # Not even to the dealer, who sees its own drafts elsewhere.
    assert [card["id"] for card in client_for(dealer).get(similar(camry)).json()] == [shown.pk]


def test_a_listing_the_caller_may_not_see_is_not_found(api_client, client_for, dealer):
    draft = VehicleFactory(dealer=dealer, status=VehicleStatus.DRAFT)
    VehicleFactory(dealer=dealer)

    response = api_client.get(similar(draft))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert client_for(DealerFactory()).get(similar(draft)).status_code == 404
    assert api_client.get("/api/v1/vehicles/999999999/similar/").status_code == 404
    own = client_for(dealer).get(similar(draft))
    assert (own.status_code, len(own.json())) == (200, 1)


def test_the_query_count_does_not_grow_with_the_catalogue(api_client, dealer, camry):
    pickup = {"make": "Ford", "model": "F-150", "body_type": BodyType.PICKUP, "price": Decimal("60000")}
    few = VehicleFactory(dealer=dealer, **pickup)
    VehicleFactory(dealer=dealer, **pickup)
    VehicleFactory.create_batch(12, dealer=dealer)

    counts = []
    for vehicle in (few, camry):
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(similar(vehicle))
        assert response.status_code == 200
        counts.append((len(queries), len(response.json())))

    assert counts == [(3, 1), (3, 10)]  # the listing, its most similar, their cards


def test_a_visitors_page_is_cached_until_a_listing_changes(
    api_client, dealer, camry, django_capture_on_commit_callbacks
):
    VehicleFactory(dealer=dealer, price=Decimal("18000"))
    other = VehicleFactory(dealer=dealer, price=Decimal("18000"))
    first, second = api_client.get(similar(camry)), api_client.get(similar(camry))
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")

    with django_capture_on_commit_callbacks(execute=True):
        vehicle_update(vehicle=other, data={"status": VehicleStatus.ARCHIVED}, user=dealer)

    after = api_client.get(similar(camry))
    assert after["X-Cache"] == "miss"
    assert [card["id"] for card in after.json()] == [card["id"] for card in first.json() if card["id"] != other.pk]
    assert len(first.json()) == 2
