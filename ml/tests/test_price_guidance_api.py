"""GET /api/v1/vehicles/{id}/price-guidance/: the listing's dealer and staff get the active model's price, its
range and explanation, or the comparables rule's when no model is active; with the demand for such cars and
similar cars that sold."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, DealerFactory, StaffFactory
from deals.models import Deal, DealStatus
from deals.tests.factories import DealFactory
from leads.models import Lead
from leads.tests.factories import LeadFactory
from ml.models import ModelName
from ml.services import model_version_promote_if_better, model_version_register
from plans.tests.factories import dealer_on_plan
from vehicles.models import Condition, Province, Vehicle, VehicleStatus, ViewHistory
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db

COMPARABLE_PRICES = {2018: [10_000], 2019: [12_000, 14_000], 2020: [16_000, 18_000]}


def url(vehicle) -> str:
    return f"/api/v1/vehicles/{vehicle.pk}/price-guidance/"


@pytest.fixture
def dealer():
    return dealer_on_plan()  # a plan with price guidance (plans)


@pytest.fixture
def car(dealer):
    return VehicleFactory(
        dealer=dealer, make="Toyota", model="Camry", year=2019, mileage_km=250_000, condition=Condition.USED_GOOD,
        province=Province.NOVA_SCOTIA, price=Decimal("15000"),
    )  # fmt: skip


@pytest.fixture
def comparables():
    """Five Camrys of 2018 to 2020 listed by another dealer: the car's comparables."""
    other = DealerFactory()
    return [
        VehicleFactory(dealer=other, make="Toyota", model="Camry", year=year, price=Decimal(price))
        for year, prices in COMPARABLE_PRICES.items()
        for price in prices
    ]


@pytest.fixture
def active_price_model(price_training):
    """The model trained on the generated listings (ml/tests/conftest.py), registered and promoted."""
    version = model_version_register(
        name=ModelName.PRICE_GUIDANCE, estimator=price_training.estimator, features=price_training.features,
        metrics=price_training.metrics, baseline_metrics=price_training.baseline_metrics,
        held_out=price_training.held_out, training_window=price_training.training_window,
    )  # fmt: skip
    assert model_version_promote_if_better(candidate=version, primary_metric="mape", higher_is_better=False)
    return version


def test_the_dealer_gets_the_models_price_range_and_what_moves_it(
    client_for, dealer, car, comparables, active_price_model
):
    answer = client_for(dealer).get(url(car))

    assert answer.status_code == 200
    guidance = answer.json()
    assert (guidance["vehicle_id"], guidance["currency"], guidance["source"]) == (car.pk, "CAD", "model")
    assert (guidance["model_version"], guidance["coverage"], guidance["listing_price"]) == (1, 0.8, "15000.00")
    low, price, high = (Decimal(guidance[key]) for key in ("low", "suggested_price", "high"))
    assert low < price < high
    assert price % 100 == 0
    assert guidance["source_description"] == (
        "Learned price model, version 1, trained on the listings published until Jan. 10, 2026."
    )
    # 250,000 km where its comparables typically have a third of that: the mileage lowers its price most.
    mileage = guidance["factors"][0]
    assert (mileage["feature"], mileage["label"], mileage["value"]) == ("mileage_km", "Mileage", "250,000 km")
    assert Decimal(mileage["effect"]) < 0
    assert {factor["label"] for factor in guidance["factors"]} <= {
        "Mileage", "Condition", "Province", "Model year", "Listing date"
    }  # fmt: skip
    assert guidance["comparables"] == {
        "level": "make_model_year", "count": 5, "low": 10_800.0, "median": 14_000.0, "high": 17_200.0
    }  # fmt: skip


def test_without_an_active_model_the_rule_answers_with_the_comparables_median(client_for, dealer, car, comparables):
    guidance = client_for(dealer).get(url(car)).json()

    priced = ("suggested_price", "low", "high", "coverage", "source", "model_version")
    assert {key: guidance[key] for key in priced} == {
        "suggested_price": "14000.00", "low": "10800.00", "high": "17200.00", "coverage": 0.8, "source": "rule",
        "model_version": None,
    }  # fmt: skip
    assert guidance["source_description"] == (
        "Median asking price of 5 comparable listings (the same make and model, within a model year); "
        "no learned model is active."
    )
    assert guidance["factors"] == []


def test_the_rule_falls_back_to_the_make_then_to_every_listing(client_for, dealer, comparables):
    old_camry = VehicleFactory(dealer=dealer, make="Toyota", model="Camry", year=2005)
    lada = VehicleFactory(dealer=dealer, make="Lada", model="Niva", year=2019)
    client = client_for(dealer)

    make = client.get(url(old_camry)).json()
    assert (make["comparables"]["level"], make["comparables"]["count"], make["suggested_price"]) == (
        "make", 5, "14000.00"
    )  # fmt: skip
    assert "(the same make)" in make["source_description"]
    every = client.get(url(lada)).json()  # the five Camrys and the old one
    assert (every["comparables"]["level"], every["comparables"]["count"]) == ("all", 6)
    assert every["suggested_price"] == "15000.00"  # the median of 10,000 to 18,000 and the old Camry's 18,500


def test_with_no_other_listing_the_rule_answers_the_listings_own_price(client_for, dealer, car):
    guidance = client_for(dealer).get(url(car)).json()
    assert (guidance["suggested_price"], guidance["low"], guidance["high"], guidance["coverage"]) == (
        "15000.00", "15000.00", "15000.00", 0.0,
    )  # fmt: skip
    assert guidance["source_description"] == "No other listing to compare with yet: the listing's own price."


def test_demand_counts_the_last_90_days_views_and_inquiries_per_listing_of_the_make_and_model(
    client_for, dealer, car, comparables
):
    now = timezone.now()
    buyer = BuyerFactory()
    for days_ago in (1, 10, 89):
        ViewHistory.objects.create(vehicle=car, user=buyer, viewed_at=now - timedelta(days=days_ago))
    ViewHistory.objects.create(vehicle=car, user=buyer, viewed_at=now - timedelta(days=91))  # before the window
    ViewHistory.objects.create(vehicle=comparables[0], session_key="visitor-1", viewed_at=now)
    ViewHistory.objects.create(vehicle=comparables[1], user=buyer, viewed_at=now)
    LeadFactory(vehicle=car)
    Lead.objects.filter(pk=LeadFactory(vehicle=comparables[0]).pk).update(created_at=now - timedelta(days=120))
    sold_long_ago = VehicleFactory(make="Toyota", model="Camry", status=VehicleStatus.SOLD, published_at=now)
    Vehicle.objects.filter(pk=sold_long_ago.pk).update(updated_at=now - timedelta(days=200))
    VehicleFactory(make="Toyota", model="Camry", status=VehicleStatus.DRAFT)
    ViewHistory.objects.create(vehicle=VehicleFactory(make="Honda", model="Civic"), user=buyer, viewed_at=now)

    demand = client_for(dealer).get(url(car)).json()["demand"]
    # The car and its five comparables were on the market; the sold one left before, the draft never came.
    assert demand == {
        "days": 90, "listings": 6, "views": 5, "inquiries": 1, "views_per_listing": 0.83,
        "inquiries_per_listing": 0.17,
    }  # fmt: skip


def _sold(*, year: int, listed_days_ago: int, sold_days_ago: int, deal_status=DealStatus.COMPLETED) -> Deal:
    now = timezone.now()
    vehicle = VehicleFactory(
        make="Toyota", model="Camry", year=year, status=VehicleStatus.SOLD,
        published_at=now - timedelta(days=listed_days_ago),
    )  # fmt: skip
    deal = DealFactory(vehicle=vehicle, status=deal_status)
    Deal.objects.filter(pk=deal.pk).update(created_at=now - timedelta(days=sold_days_ago))
    return deal


def test_similar_cars_that_sold_come_with_their_days_to_sell(client_for, dealer, car):
    _sold(year=2021, listed_days_ago=50, sold_days_ago=45)
    _sold(year=2019, listed_days_ago=100, sold_days_ago=70)
    _sold(year=2018, listed_days_ago=300, sold_days_ago=200)
    _sold(year=2012, listed_days_ago=30, sold_days_ago=20)  # seven model years away
    _sold(year=2019, listed_days_ago=30, sold_days_ago=20, deal_status=DealStatus.CANCELLED)  # not sold by it

    sold = client_for(dealer).get(url(car)).json()["similar_sold"]
    assert [(car["year"], car["days_to_sell"]) for car in sold] == [(2019, 30), (2018, 100), (2021, 5)]

    def day(days_ago: int) -> str:  # in Toronto, where the moment 70 days ago may be in summer time
        return str(timezone.localdate(timezone.now() - timedelta(days=days_ago)))

    assert sold[0] == {
        "year": 2019, "make": "Toyota", "model": "Camry", "mileage_km": 80_000, "condition": "used_good",
        "province": "NS", "price_cad": "18500.00", "listed_on": day(100), "sold_on": day(70), "days_to_sell": 30,
    }  # fmt: skip


def test_staff_get_the_guidance_of_any_listing_even_unpublished(client_for, car, comparables):
    draft = VehicleFactory(make="Toyota", model="Camry", year=2019, status=VehicleStatus.DRAFT)
    staff = client_for(StaffFactory())
    assert staff.get(url(car)).status_code == 200
    assert staff.get(url(draft)).json()["suggested_price"] == "14500.00"  # the dealer's car is a comparable too


def test_others_are_refused_403_when_they_see_the_listing_and_404_when_they_do_not(client_for, api_client, car):
    draft = VehicleFactory(dealer=car.dealer, status=VehicleStatus.DRAFT)
    for other in (dealer_on_plan(), BuyerFactory()):
        refused = client_for(other).get(url(car))
        assert (refused.status_code, refused.json()["detail"]) == (
            403, "Only the listing's dealer and staff see its price guidance."
        )  # fmt: skip
        assert client_for(other).get(url(draft)).status_code == 404
    assert api_client.get(url(car)).status_code == 401
    assert client_for(car.dealer).get(url(draft)).status_code == 200


def test_the_guidance_costs_the_same_queries_however_much_the_market_holds(
    client_for, dealer, car, comparables, active_price_model, django_assert_num_queries
):
    client = client_for(dealer)
    busy = VehicleFactory(dealer=dealer, make="Toyota", model="Corolla", year=2020)
    VehicleFactory.create_batch(30, make="Toyota", model="Corolla", year=2020)
    for days_ago in range(20):
        _sold(year=2020, listed_days_ago=days_ago + 30, sold_days_ago=days_ago)
        ViewHistory.objects.create(vehicle=busy, session_key=f"visitor-{days_ago}")
        LeadFactory(vehicle=busy)
    client.get(url(car))  # the active version's id is read once into Redis, its estimator once per process

    with django_assert_num_queries(5):  # the user, the listing, its comparables, the demand, the cars sold
        assert client.get(url(car)).status_code == 200
    with django_assert_num_queries(5):
        assert client.get(url(busy)).json()["source"] == "model"
