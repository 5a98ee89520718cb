"""The list's cards, written by PostgreSQL (vehicles.api.cards), are exactly what the card's serializer writes,
field for field and in its order, for the listings whose values are hardest to write alike: prices without
minor units, moments on either side of daylight saving time and on a whole second, names and texts with
quotes, backslashes and accents, a cover whose file name needs quoting, no cover, and a search's relevance."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory

from accounts.tests.factories import DealerFactory, StaffFactory
from vehicles.api.serializers import VehicleCardSerializer
from vehicles.models import Vehicle, VehicleStatus
from vehicles.photos import vehicle_galleries_summarize
from vehicles.search import vehicle_search
from vehicles.selectors import vehicle_for_cards, vehicle_list_visible_to
from vehicles.tests.factories import VehicleFactory, VehiclePhotoFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/vehicles/"
UTC = ZoneInfo("UTC")


def serialized(vehicles) -> dict[int, dict]:
    request = RequestFactory().get(LIST)  # the test client's host: testserver
    cards = VehicleCardSerializer(vehicle_for_cards(vehicles), many=True, context={"request": request}).data
    return {card["id"]: card for card in cards}


@pytest.fixture
def hard_listings():
    dealer = DealerFactory(company_name='Garage "Élan" & Fils \\ Québec')
    listings = [
        VehicleFactory(dealer=dealer, price=Decimal("5000000"), currency="XOF", status=VehicleStatus.RESERVED),
        VehicleFactory(price=Decimal("12345.67"), currency="USD", description="Tabs\tand\nlines, « guillemets »"),
        VehicleFactory(trim="", exterior_color="Gris ardoise", status=VehicleStatus.SOLD),
        VehicleFactory(make="Honda", model="Civic"),
    ]
    moments = [
        datetime(2026, 7, 1, 16, 30, 5, 123456, tzinfo=UTC),  # summer: -04:00
        datetime(2026, 1, 15, 5, 0, 0, tzinfo=UTC),  # winter, on a whole second: no fraction written
        datetime(2026, 3, 8, 7, 0, 0, 1, tzinfo=UTC),  # the hour clocks go forward
        datetime(2026, 11, 1, 5, 59, 59, 999999, tzinfo=UTC),
    ]
    for listing, moment in zip(listings, moments, strict=True):
        Vehicle.objects.filter(pk=listing.pk).update(created_at=moment, updated_at=moment)
    VehiclePhotoFactory(vehicle=listings[0], position=0, image="vehicles/x/côté gauche #1.jpg", thumbnail="t 1.jpg")
    VehiclePhotoFactory(vehicle=listings[1], position=0, width=1600, height=1200)
    vehicle_galleries_summarize(vehicle_ids=[listing.pk for listing in listings])
    return listings


def test_the_list_writes_each_card_as_its_serializer_does(client_for, hard_listings):
    page = client_for(StaffFactory()).get(LIST + "?page_size=50")

    assert page.status_code == 200
    cards = page.json()["results"]
    expected = serialized(Vehicle.objects.all())
    newest_first = [hard_listings[index].pk for index in (3, 0, 2, 1)]
    assert [card["id"] for card in cards] == newest_first
    for card in cards:
        assert list(card.items()) == list(expected[card["id"]].items())  # the same values in the same order
    by_id = {card["id"]: card for card in cards}
    xof, usd = by_id[hard_listings[0].pk], by_id[hard_listings[1].pk]
    assert (xof["price"], usd["price"]) == ("5000000", "12345.67")
    assert xof["cover_photo"]["image"] == "http://testserver/media/vehicles/x/c%C3%B4t%C3%A9%20gauche%20%231.jpg"
    assert by_id[hard_listings[2].pk]["cover_photo"] is None
    assert [card["created_at"] for card in cards] == [
        "2026-11-01T01:59:59.999999-04:00",
        "2026-07-01T12:30:05.123456-04:00",
        "2026-03-08T03:00:00.000001-04:00",
        "2026-01-15T00:00:00-05:00",
    ]


def test_a_search_writes_its_relevance_on_each_card_as_the_serializer_does(client_for, hard_listings):
    staff = StaffFactory()
    for query in ("?search=camry", "?search=camry&ordering=price"):  # ranked, and ordered otherwise
        cards = client_for(staff).get(LIST + query).json()["results"]

        expected = serialized(vehicle_search(queryset=vehicle_list_visible_to(user=staff), text="camry"))
        assert len(cards) == 3
        assert all(card["search_rank"] > 0 for card in cards)
        for card in cards:
            assert list(card.items()) == list(expected[card["id"]].items())
