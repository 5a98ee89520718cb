"""Saved searches and price alerts: a buyer is told of new matches and price drops, once each."""

from decimal import Decimal

import pytest

from accounts.tests.factories import BuyerFactory, DealerFactory
from notifications.models import Notification
from vehicles import tasks
from vehicles.models import SavedSearch, SavedSearchMatch, VehicleStatus
from vehicles.services import vehicle_update
from vehicles.tests.factories import PriceAlertFactory, SavedSearchFactory, VehicleFactory

pytestmark = pytest.mark.django_db


def test_buyer_saves_a_search_validated_by_the_filters(client_for):
    buyer = BuyerFactory()
    client = client_for(buyer)
    response = client.post(
        "/api/v1/saved-searches/",
        {"name": "Cheap Toyotas", "query_params": {"make": "Toyota", "price__lte": "20000", "page": "2"}},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["query_params"] == {"make": "Toyota", "price__lte": "20000"}
    refused = client.post(
        "/api/v1/saved-searches/", {"name": "x", "query_params": {"year__gte": "old", "colour": "red"}}, format="json"
    )
    assert refused.status_code == 400
    assert refused.json()["fields"]["query_params"][0].startswith("Unknown search parameter colour;")
    bad_value = client.post(
        "/api/v1/saved-searches/", {"name": "x", "query_params": {"year__gte": "old"}}, format="json"
    )
    assert bad_value.json()["fields"] == {"query_params": ["year__gte: Enter a number."]}


def test_saved_searches_are_the_buyers_own(client_for):
    mine, theirs = SavedSearchFactory(), SavedSearchFactory()
    client = client_for(mine.owner)
    assert [row["id"] for row in client.get("/api/v1/saved-searches/").json()["results"]] == [mine.pk]
    assert client.delete(f"/api/v1/saved-searches/{theirs.pk}/").status_code == 404
    assert client.delete(f"/api/v1/saved-searches/{mine.pk}/").status_code == 204
    assert client_for(DealerFactory()).get("/api/v1/saved-searches/").status_code == 403


def test_saved_search_match_is_announced_once(django_capture_on_commit_callbacks):
    saved_search = SavedSearchFactory(query_params={"make": "toyota", "price__lte": "20000"})
    match = VehicleFactory(make="Toyota", model="Corolla", price=Decimal("17999"))
    VehicleFactory(make="Toyota", price=Decimal("25000"))  # too dear
    VehicleFactory(make="Honda")
    VehicleFactory(make="Toyota", price=Decimal("15000"), status=VehicleStatus.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.announce_saved_search_matches() == 1
        assert tasks.announce_saved_search_matches() == 0

    assert list(SavedSearchMatch.objects.values_list("saved_search", "vehicle")) == [(saved_search.pk, match.pk)]
    notification = Notification.objects.get(user=saved_search.owner)
    assert (notification.event, notification.title) == (
        "vehicle.saved_search_match",
        '1 new vehicle for your search "Toyotas under 20k"',
    )
    assert "2019 Toyota Corolla, CA$17,999.00, Halifax (NS)" in notification.body
    second = VehicleFactory(make="Toyota", price=Decimal("19000"))
    assert tasks.announce_saved_search_matches() == 1
    assert set(SavedSearchMatch.objects.values_list("vehicle", flat=True)) == {match.pk, second.pk}


def test_price_drop_is_announced_to_watchers_once(django_capture_on_commit_callbacks):
    vehicle = VehicleFactory(price=Decimal("20000"), make="Honda", model="Civic", year=2020)
    alert = PriceAlertFactory(vehicle=vehicle, owner=BuyerFactory(preferred_language="fr"))
    with django_capture_on_commit_callbacks(execute=True):
        vehicle_update(vehicle=vehicle, data={"price": Decimal("21000")}, user=vehicle.dealer)  # a rise: silence
        vehicle_update(vehicle=vehicle, data={"price": Decimal("18000")}, user=vehicle.dealer)
    notification = Notification.objects.get(user=alert.owner)
    assert notification.title == "Baisse de prix : 2020 Honda Civic, maintenant 18 000,00 $CA"  # as French writes it
    alert.refresh_from_db()
    price_change = vehicle.price_changes.order_by("id").last()
    assert alert.last_announced_change == price_change
    assert tasks.announce_price_drop(price_change.pk) == 0  # run again: nothing more
    assert Notification.objects.filter(user=alert.owner).count() == 1


def test_buyer_watches_a_vehicle_once(client_for):
    vehicle = VehicleFactory()
    client = client_for(BuyerFactory())
    assert client.post("/api/v1/price-alerts/", {"vehicle": vehicle.pk}, format="json").status_code == 201
    again = client.post("/api/v1/price-alerts/", {"vehicle": vehicle.pk}, format="json")
    assert again.status_code == 409
    assert again.json()["fields"] == {"vehicle": ["You already watch this vehicle's price."]}
    draft = VehicleFactory(status=VehicleStatus.DRAFT)
    assert client.post("/api/v1/price-alerts/", {"vehicle": draft.pk}, format="json").status_code == 400


def test_a_draft_published_after_the_search_was_saved_is_a_new_match():
    draft = VehicleFactory(make="Toyota", price=Decimal("15000"), status=VehicleStatus.DRAFT)
    saved_search = SavedSearchFactory(query_params={"make": "Toyota"})
    assert tasks.announce_saved_search_matches() == 0
    vehicle_update(vehicle=draft, data={"status": VehicleStatus.AVAILABLE}, user=draft.dealer)
    assert tasks.announce_saved_search_matches() == 1
    assert list(SavedSearchMatch.objects.values_list("saved_search", "vehicle")) == [(saved_search.pk, draft.pk)]


def test_a_saved_search_with_a_superscript_year_is_refused_not_stored(client_for):
    client = client_for(BuyerFactory())
    response = client.post("/api/v1/saved-searches/", {"name": "x", "query_params": {"year": "²"}}, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "query_params": ["year: '²' is not a whole number; give numbers separated by commas."]
    }
    assert not SavedSearch.objects.exists()
