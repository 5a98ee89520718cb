"""GET /api/v1/search-analytics/: the searches buyers make, for dealers and staff, with exact figures, the
k-anonymity threshold (3 searches on 2 days), the period, country and found-nothing filters."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import BrokerFactory, BuyerFactory, DealerFactory, StaffFactory
from search_analytics.tests.factories import SearchDayFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/search-analytics/"


@pytest.fixture
def dealer(client_for):
    return client_for(DealerFactory())


def test_the_period_s_frequent_searches_are_shown_with_exact_figures(client_for, django_assert_num_queries):
    staff = client_for(StaffFactory())  # a dealer's request adds its plan's throttle (plans.throttling)
    today = timezone.localdate()
    SearchDayFactory(day=today, country="CI", query="toyota hilux", search_count=4, found_nothing_count=1)
    SearchDayFactory(day=today - timedelta(days=1), country="", query="toyota hilux", search_count=2)
    SearchDayFactory(day=today - timedelta(days=3), country="SN", query="", filters={"body_type": "pickup"},
                     search_count=2, found_nothing_count=2)  # fmt: skip
    SearchDayFactory(day=today, country="SN", query="", filters={"body_type": "pickup"}, search_count=1)
    SearchDayFactory(day=today, country="CI", query="kia rio", search_count=9)  # one day only: hidden
    SearchDayFactory(day=today, country="CI", query="lada niva", search_count=1)  # rare: hidden
    SearchDayFactory(day=today - timedelta(days=2), country="CI", query="lada niva", search_count=1)
    SearchDayFactory(day=today - timedelta(days=30), country="CI", query="peugeot 504", search_count=5)  # before
    SearchDayFactory(day=today - timedelta(days=31), country="CI", query="peugeot 504", search_count=5)

    with django_assert_num_queries(2):  # the account, the searches
        response = staff.get(URL)

    assert response.status_code == 200
    assert response.json() == {
        "from": (today - timedelta(days=29)).isoformat(),
        "to": today.isoformat(),
        "country": None,
        "found": "any",
        "min_searches": 3,
        "min_days": 2,
        "results": [
            {"query": "toyota hilux", "filters": {}, "searches": 6, "found_nothing": 1, "days": 2,
             "last_searched_on": today.isoformat()},
            {"query": "", "filters": {"body_type": "pickup"}, "searches": 3, "found_nothing": 2, "days": 2,
             "last_searched_on": today.isoformat()},
        ],
    }  # fmt: skip


def test_filters_by_country_found_nothing_period_and_limit(client_for):
    staff = client_for(StaffFactory())
    for day, count, nothing in ((date(2026, 3, 1), 2, 2), (date(2026, 3, 2), 1, 0), (date(2026, 3, 9), 5, 0)):
        SearchDayFactory(day=day, country="CI", query="toyota hilux", search_count=count, found_nothing_count=nothing)
        SearchDayFactory(day=day, country="", query="honda fit", search_count=count)
    SearchDayFactory(day=date(2026, 3, 1), country="CI", query="kia rio", search_count=10, found_nothing_count=1)
    SearchDayFactory(day=date(2026, 3, 2), country="CI", query="kia rio", search_count=10, found_nothing_count=1)

    def queries(**params) -> list[tuple]:
        response = staff.get(URL, params)
        assert response.status_code == 200, response.json()
        return [(row["query"], row["searches"], row["found_nothing"]) for row in response.json()["results"]]

    march = {"from": "2026-03-01", "to": "2026-03-31"}
    assert queries(**march) == [("kia rio", 20, 2), ("honda fit", 8, 0), ("toyota hilux", 8, 2)]
    assert queries(**march, found="none") == [("kia rio", 20, 2), ("toyota hilux", 8, 2)]
    assert queries(**march, country="ci", limit=1) == [("kia rio", 20, 2)]
    assert queries(**march, country="unknown") == [("honda fit", 8, 0)]
    assert queries(**march, country="SN") == []
    assert queries(**{"from": "2026-03-01", "to": "2026-03-02"}, found="none") == [("kia rio", 20, 2),
                                                                                   ("toyota hilux", 3, 2)]  # fmt: skip
    assert queries(**{"from": "2026-03-02", "to": "2026-03-09"}) == [("honda fit", 6, 0), ("toyota hilux", 6, 0)]
    assert staff.get(URL, {**march, "country": "unknown"}).json()["country"] == "unknown"


@pytest.mark.parametrize(
    ("user_factory", "status"), [(None, 401), (BuyerFactory, 403), (BrokerFactory, 403), (DealerFactory, 200)]
)
def test_only_dealers_and_staff_read_the_demand(api_client, client_for, user_factory, status):
    today = timezone.localdate()
    SearchDayFactory(day=today, search_count=2)
    SearchDayFactory(day=today - timedelta(days=1), search_count=1)
    client = client_for(user_factory()) if user_factory else api_client
    response = client.get(URL)
    assert response.status_code == status
    if status == 200:  # every dealer sees the platform's demand, not only searches for its own makes
        assert [row["query"] for row in response.json()["results"]] == ["toyota hilux"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-03-02", "to": "2026-03-01"}, "from"),
        ({"from": "yesterday"}, "from"),
        ({"to": "2026-02-30"}, "to"),
        ({"country": "ZZ"}, "country"),
        ({"country": "Côte d'Ivoire"}, "country"),
        ({"found": "some"}, "found"),
        ({"limit": "0"}, "limit"),
        ({"limit": "201"}, "limit"),
        ({"limit": "ten"}, "limit"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_field(dealer, params, field):
    response = dealer.get(URL, params)
    assert response.status_code == 400
    assert list(response.json()["fields"]) == [field]
