from decimal import Decimal

import pytest

from accounts.tests.factories import DealerFactory
from vehicles.models import VehicleStatus
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def lot():
    """Five cars of two dealers, one listed in USD."""
    halifax, montreal = DealerFactory(), DealerFactory()
    return {
        "camry": VehicleFactory(
            dealer=halifax,
            make="Toyota",
            model="Camry",
            year=2019,
            price=Decimal("18500"),
            mileage_km=80_000,
            province="NS",
        ),
        "corolla": VehicleFactory(
            dealer=halifax,
            make="Toyota",
            model="Corolla",
            year=2021,
            price=Decimal("21000"),
            mileage_km=30_000,
            body_type="hatchback",
            province="NS",
        ),
        "civic": VehicleFactory(
            dealer=montreal,
            make="Honda",
            model="Civic",
            year=2018,
            price=Decimal("15000"),
            currency="USD",
            mileage_km=95_000,
            province="QC",
            condition="used_fair",
        ),
        "f150": VehicleFactory(
            dealer=montreal,
            make="Ford",
            model="F-150",
            year=2020,
            price=Decimal("39000"),
            mileage_km=60_000,
            body_type="pickup",
            fuel_type="diesel",
            province="QC",
            description="Boîte de remorquage, sièges chauffants",
            exterior_color="Rouge",
        ),
        "rav4": VehicleFactory(
            dealer=montreal,
            make="Toyota",
            model="RAV4",
            year=2022,
            price=Decimal("34000"),
            mileage_km=20_000,
            body_type="suv",
            fuel_type="hybrid",
            province="QC",
            condition="used_excellent",
            description="Heated seats and a towing package",
        ),
    }


def test_multi_value_filters_are_case_insensitive(api_client, lot):
    response = api_client.get("/api/v1/vehicles/?make=toyota,HONDA&ordering=year")
    assert ids(response) == [lot["civic"].pk, lot["camry"].pk, lot["corolla"].pk, lot["rav4"].pk]


def test_ranges_and_choice_filters(api_client, lot):
    response = api_client.get("/api/v1/vehicles/?year__gte=2019&year__lte=2021&mileage_km__lte=70000&ordering=-year")
    assert ids(response) == [lot["corolla"].pk, lot["f150"].pk]
    assert ids(api_client.get("/api/v1/vehicles/?province=QC&body_type=suv,pickup&ordering=year")) == [
        lot["f150"].pk,
        lot["rav4"].pk,
    ]
    assert ids(api_client.get(f"/api/v1/vehicles/?dealer={lot['camry'].dealer_id}&ordering=year")) == [
        lot["camry"].pk,
        lot["corolla"].pk,
    ]


def test_unknown_choice_is_a_400_naming_it(api_client, lot):
    response = api_client.get("/api/v1/vehicles/?condition=new,mint")
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "condition": ["Unknown value mint; choose among new, used_excellent, used_good, used_fair, salvage."]
    }


def test_price_filter_compares_in_cad_across_currencies(api_client, lot):
    # The Civic is 15,000 USD = 20,550 CAD: a CAD bound of 20,000 leaves it out, 21,000 takes it in.
    assert ids(api_client.get("/api/v1/vehicles/?price__lte=20000&ordering=price")) == [lot["camry"].pk]
    assert ids(api_client.get("/api/v1/vehicles/?price__gte=20500&price__lte=21000&ordering=price")) == [
        lot["civic"].pk,
        lot["corolla"].pk,
    ]
    # Bounds in USD: 15,000 USD = 20,550 CAD.
    assert ids(api_client.get("/api/v1/vehicles/?price__lte=15000&currency=USD&ordering=-price")) == [
        lot["civic"].pk,
        lot["camry"].pk,
    ]


def test_ordering_by_price_uses_the_cad_value_then_year(api_client, lot):
    response = api_client.get("/api/v1/vehicles/?ordering=price,-year")
    assert ids(response) == [lot["camry"].pk, lot["civic"].pk, lot["corolla"].pk, lot["rav4"].pk, lot["f150"].pk]
    assert api_client.get("/api/v1/vehicles/?ordering=colour").status_code == 400


def test_full_text_search_in_english_and_french(api_client, lot):
    assert ids(api_client.get("/api/v1/vehicles/?search=towing")) == [lot["rav4"].pk]
    assert ids(api_client.get("/api/v1/vehicles/?search=sièges chauffants")) == [lot["f150"].pk]
    assert ids(api_client.get("/api/v1/vehicles/?search=rouge")) == [lot["f150"].pk]


def test_misspelt_search_still_finds_the_car(api_client, lot):
    response = api_client.get("/api/v1/vehicles/?search=Toyoya Camri")
    assert ids(response)[0] == lot["camry"].pk
    assert response.json()["did_you_mean"] is None


def test_search_ranks_the_best_match_first(api_client, lot):
    response = api_client.get("/api/v1/vehicles/?search=toyota corolla")
    assert ids(response)[0] == lot["corolla"].pk


def test_empty_result_offers_did_you_mean(api_client, lot):
    response = api_client.get("/api/v1/vehicles/?search=Hondda Civik&year__gte=2030")
    body = response.json()
    assert (body["count"], body["results"], body["did_you_mean"]) == (0, [], "Honda Civic")


def test_nothing_to_suggest_gives_null(api_client, lot):
    assert api_client.get("/api/v1/vehicles/?search=zzzzqqq").json()["did_you_mean"] is None


def test_facets_count_each_facet_without_its_own_filter(api_client, lot):
    response = api_client.get("/api/v1/vehicles/facets/?make=Toyota&province=QC")
    assert response.status_code == 200
    facets = response.json()
    # make ignores make=Toyota but keeps province=QC: Honda, Ford and Toyota of Quebec.
    assert facets["make"] == [
        {"value": "Ford", "count": 1},
        {"value": "Honda", "count": 1},
        {"value": "Toyota", "count": 1},
    ]
    assert facets["model"] == [{"make": "Toyota", "value": "RAV4", "count": 1}]
    assert facets["body_type"] == [{"value": "suv", "count": 1}]
    assert facets["price_cad"] == [
        {"value": "under_10000", "min": None, "max": 10000, "count": 0},
        {"value": "10000_20000", "min": 10000, "max": 20000, "count": 0},
        {"value": "20000_30000", "min": 20000, "max": 30000, "count": 0},
        {"value": "30000_50000", "min": 30000, "max": 50000, "count": 1},
        {"value": "50000_75000", "min": 50000, "max": 75000, "count": 0},
        {"value": "75000_plus", "min": 75000, "max": None, "count": 0},
    ]


def test_facets_year_ignores_year_range(api_client, lot):
    facets = api_client.get("/api/v1/vehicles/facets/?year__gte=2021&make=Toyota").json()
    assert facets["year"] == [
        {"value": 2019, "count": 1},
        {"value": 2021, "count": 1},
        {"value": 2022, "count": 1},
    ]
    assert facets["condition"] == [{"value": "used_excellent", "count": 1}, {"value": "used_good", "count": 1}]


def test_facets_refuse_bad_filters(api_client, lot):
    response = api_client.get("/api/v1/vehicles/facets/?year__gte=abc")
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["year__gte"]


def test_autocomplete_suggests_makes_then_models(api_client, lot):
    VehicleFactory(make="Toyota", model="Tacoma", status=VehicleStatus.DRAFT)
    response = api_client.get("/api/v1/vehicles/autocomplete/?q=toy")
    assert response.status_code == 200
    assert response.json() == {
        "suggestions": [
            {"text": "Toyota", "make": "Toyota", "model": "", "count": 3},
            {"text": "Toyota Camry", "make": "Toyota", "model": "Camry", "count": 1},
            {"text": "Toyota Corolla", "make": "Toyota", "model": "Corolla", "count": 1},
            {"text": "Toyota RAV4", "make": "Toyota", "model": "RAV4", "count": 1},
        ]
    }
    models = api_client.get("/api/v1/vehicles/autocomplete/?q=civ").json()["suggestions"]
    assert models == [{"text": "Honda Civic", "make": "Honda", "model": "Civic", "count": 1}]
    assert api_client.get("/api/v1/vehicles/autocomplete/").status_code == 400


def test_bad_values_with_percent_signs_are_a_400_quoting_them(api_client, lot):
    response = api_client.get("/api/v1/vehicles/facets/?body_type=50%25off&year=%25d")
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "body_type": [
            "Unknown value 50%off; choose among sedan, suv, pickup, hatchback, coupe, convertible, wagon, minivan, "
            "van, truck."
        ],
        "year": ["'%d' is not a whole number; give numbers separated by commas."],
    }
    assert api_client.get("/api/v1/vehicles/?condition=%25s").status_code == 400


def test_a_number_in_superscript_digits_is_a_400_not_a_500(api_client, lot):
    """A superscript "²" passes str.isdigit() but int() refuses it: only decimal digits are numbers."""
    response = api_client.get("/api/v1/vehicles/?year=%C2%B2&dealer=2%C2%B2")
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "year": ["'²' is not a whole number; give numbers separated by commas."],
        "dealer": ["'2²' is not a whole number; give numbers separated by commas."],
    }
