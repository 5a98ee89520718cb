"""GET /api/v1/recommendations/: a buyer's listings from what it viewed and asked about, what buyers like it
viewed, and what is popular, within what its country admits."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.tests.factories import BrokerFactory, BuyerFactory, DealerFactory
from leads.eligibility import destination_check
from leads.tests.factories import LeadFactory
from ml.models import ModelName
from ml.services import model_version_promote_if_better, model_version_register
from recommendations.ranking import Weights
from recommendations.tasks import rebuild_recommendation_tables
from vehicles.models import BodyType, VehicleStatus, ViewHistory
from vehicles.services import vehicle_update
from vehicles.tasks import write_buffered_views
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db

RECOMMENDATIONS = "/api/v1/recommendations/"
THIS_YEAR = timezone.localdate().year


@pytest.fixture
def dealer():
    return DealerFactory()


@pytest.fixture
def listing(dealer):
    def make(**fields):
        return VehicleFactory(dealer=dealer, **fields)

    return make


def viewed(user, *vehicles, days_ago: float = 0) -> None:
    at = timezone.now() - timedelta(days=days_ago)
    ViewHistory.objects.bulk_create([ViewHistory(user=user, vehicle=vehicle, viewed_at=at) for vehicle in vehicles])


def shown(response) -> list[tuple[int, str]]:
    assert response.status_code == 200, response.json()
    return [(card["id"], card["reason"]) for card in response.json()]


def civic_and_pickup(listing):
    civic = listing(make="Honda", model="Civic", price=Decimal("15000"))
    pickup = listing(make="Ford", model="F-150", body_type=BodyType.PICKUP, price=Decimal("60000"), year=2016)
    return civic, pickup


def test_a_new_buyer_gets_the_listings_popular_with_buyers(client_for, listing):
    popular, less_popular = listing(), listing(make="Honda", model="Civic")
    listing(make="Mazda", model="3")  # seen by nobody
    for _ in range(3):
        viewed(BuyerFactory(), popular)
    viewed(BuyerFactory(), less_popular)
    rebuild_recommendation_tables.delay()

    response = client_for(BuyerFactory()).get(RECOMMENDATIONS)

    assert shown(response) == [(popular.pk, "Popular with buyers"), (less_popular.pk, "Popular with buyers")]
    assert [card["score"] for card in response.json()] == pytest.approx([0.2, 0.2 / 3], abs=1e-3)
    assert {"make", "price_cad", "dealer", "cover_photo"} <= set(response.json()[0])


def test_a_buyer_is_shown_what_buyers_of_its_country_like(client_for, listing):
    listings = [listing(year=THIS_YEAR - 1) for _ in range(10)]
    viewed(BuyerFactory(country="CI"), *listings)
    viewed(BuyerFactory(country="CI"), *listings[:3])
    for _ in range(4):
        viewed(BuyerFactory(country="NG"), listings[9])
    rebuild_recommendation_tables.delay()

    response = client_for(BuyerFactory(country="CI")).get(RECOMMENDATIONS)

    cards = shown(response)
    assert {vehicle_id for vehicle_id, _reason in cards[:3]} == {vehicle.pk for vehicle in listings[:3]}
    assert {reason for _vehicle_id, reason in cards} == {"Popular with buyers in Côte d'Ivoire"}
    assert len(cards) == 10


def test_a_buyer_who_viewed_camrys_gets_camry_like_cars_first_named_after_the_car_it_viewed(client_for, listing):
    buyer = BuyerFactory()
    seen_camry = listing(price=Decimal("18000"))
    sold_camry = listing(price=Decimal("19000"), status=VehicleStatus.SOLD)
    viewed(buyer, seen_camry, sold_camry, days_ago=1)
    other_camry = listing(price=Decimal("18500"), year=2020)
    corolla = listing(model="Corolla", price=Decimal("17000"))
    civic, pickup = civic_and_pickup(listing)
    for _ in range(3):
        viewed(BuyerFactory(), pickup)
    rebuild_recommendation_tables.delay()

    cards = shown(client_for(buyer).get(RECOMMENDATIONS))

    assert cards[:3] == [
        (other_camry.pk, "Similar to the Toyota Camry you viewed"),
        (corolla.pk, "Similar to the Toyota Camry you viewed"),
        (civic.pk, "Similar to the Toyota Camry you viewed"),
    ]
    assert cards[3:] == [(pickup.pk, "Popular with buyers")]
    assert seen_camry.pk not in dict(cards)  # what it viewed is not recommended back


def test_collaborative_filtering_picks_up_cars_viewed_together(client_for, listing):
    civic, pickup = civic_and_pickup(listing)
    for _ in range(3):
        viewed(BuyerFactory(), civic, pickup)
    buyer = BuyerFactory()
    viewed(buyer, civic)
    rebuild_recommendation_tables.delay()

    cards = shown(client_for(buyer).get(RECOMMENDATIONS))

    # Nothing alike in the F-150 but the buyers who viewed both.
    assert cards == [(pickup.pk, "Buyers who viewed the Honda Civic also viewed this")]


def test_listings_the_buyers_country_refuses_are_left_out(client_for, listing):
    old, new = listing(year=2015), listing(year=THIS_YEAR - 2)
    for vehicle, viewers in ((old, 3), (new, 1)):
        for _ in range(viewers):
            viewed(BuyerFactory(), vehicle)
    rebuild_recommendation_tables.delay()

    in_ivory_coast = shown(client_for(BuyerFactory(country="CI")).get(RECOMMENDATIONS))
    in_kenya = shown(client_for(BuyerFactory(country="KE")).get(RECOMMENDATIONS))
    anywhere = shown(client_for(BuyerFactory()).get(RECOMMENDATIONS))

    assert in_ivory_coast == [(new.pk, "Popular with buyers")]  # at most 5 years old
    assert destination_check(vehicle=new, country="CI").allowed
    assert not destination_check(vehicle=old, country="CI").allowed
    assert in_kenya == []  # right-hand drive only
    assert [vehicle_id for vehicle_id, _reason in anywhere] == [old.pk, new.pk]


def test_listings_the_buyer_asked_about_are_left_out(client_for, listing):
    buyer = BuyerFactory()
    asked_about = listing()
    LeadFactory(vehicle=asked_about, buyer=buyer)
    other_camry = listing(year=2020)
    viewed(BuyerFactory(), asked_about)
    rebuild_recommendation_tables.delay()

    cards = shown(client_for(buyer).get(RECOMMENDATIONS))

    assert cards == [(other_camry.pk, "Similar to the Toyota Camry you asked about")]


def test_only_buyers_get_recommendations(api_client, client_for):
    refused = client_for(DealerFactory()).get(RECOMMENDATIONS)
    assert refused.status_code == 403
    assert refused.json() == {"status": 403, "code": "permission_denied", "detail": "Only buyers get recommendations."}
    assert client_for(BrokerFactory()).get(RECOMMENDATIONS).status_code == 403
    visitor = api_client.get(RECOMMENDATIONS)
    assert (visitor.status_code, visitor.json()["code"]) == (401, "not_authenticated")


def test_the_served_weights_are_the_active_versions_and_the_defaults_without_one(
    client_for, listing, django_capture_on_commit_callbacks
):
    buyer = BuyerFactory()
    viewed(buyer, listing(), days_ago=1)
    similar = listing(year=2020)
    _civic, pickup = civic_and_pickup(listing)
    viewed(BuyerFactory(), pickup)
    rebuild_recommendation_tables.delay()
    first = client_for(buyer).get(RECOMMENDATIONS)
    assert shown(first)[0] == (similar.pk, "Similar to the Toyota Camry you viewed")  # no version: the defaults

    now = timezone.now()
    version = model_version_register(
        name=ModelName.RECOMMENDATIONS,
        estimator=Weights(content=0.0, collaborative=0.0, popularity=1.0),
        features=["popularity", "content", "collaborative"],
        metrics={"ndcg_at_10": 0.3},
        baseline_metrics={"ndcg_at_10": 0.2},
        held_out={"kind": "time"},
        training_window=(now - timedelta(days=30), now),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert model_version_promote_if_better(candidate=version, primary_metric="ndcg_at_10")

    served = client_for(buyer).get(RECOMMENDATIONS)
    assert served["X-Cache"] == "miss"  # the active version is part of the cache key
    assert shown(served)[0] == (pickup.pk, "Popular with buyers")


def test_the_cached_list_is_recomputed_after_a_listing_edit_and_after_an_inquiry(
    client_for, listing, django_capture_on_commit_callbacks
):
    buyer = BuyerFactory()
    client = client_for(buyer)
    viewed(buyer, listing(), days_ago=1)
    camry, corolla = listing(year=2020), listing(model="Corolla")
    first = client.get(RECOMMENDATIONS)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(RECOMMENDATIONS)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert len(queries) == 2  # the signed-in user, and the version of the buyer's inputs
    assert second.json() == first.json()
    assert [card["id"] for card in first.json()] == [camry.pk, corolla.pk]

    with django_capture_on_commit_callbacks(execute=True):
        vehicle_update(vehicle=camry, data={"price": Decimal("17950.00")}, user=camry.dealer)

    edited = client.get(RECOMMENDATIONS)
    assert edited["X-Cache"] == "miss"
    assert edited.json()[0]["price"] == "17950.00"

    LeadFactory(vehicle=camry, buyer=buyer)

    after_inquiry = client.get(RECOMMENDATIONS)
    assert after_inquiry["X-Cache"] == "miss"
    assert [card["id"] for card in after_inquiry.json()] == [corolla.pk]


def test_a_view_counts_once_the_minutes_job_has_written_it(client_for, listing):
    buyer = BuyerFactory()
    client = client_for(buyer)
    camry, civic = listing(), listing(make="Honda", model="Civic", price=Decimal("15000"))
    assert client.get(RECOMMENDATIONS).json() == []

    client.get(f"/api/v1/vehicles/{civic.pk}/")
    assert client.get(RECOMMENDATIONS)["X-Cache"] == "hit"  # still in the buffer
    write_buffered_views()

    after = client.get(RECOMMENDATIONS)
    assert after["X-Cache"] == "miss"
    assert shown(after) == [(camry.pk, "Similar to the Honda Civic you viewed")]
