"""Catalogue searches as vehicles reports them (vehicles.hooks.SEARCH_MADE) and search_analytics counts them:
buffered in Redis on the request path, added up per day by the minute job, anonymized, purged after 13 months."""

from datetime import date

import pytest
from django.utils import timezone

from accounts.tests.factories import BrokerFactory, BuyerFactory, DealerFactory
from search_analytics.buffer import search_buffer, searches_take
from search_analytics.models import SearchDay
from search_analytics.services import searches_write
from search_analytics.tasks import purge_old_searches, write_buffered_searches
from search_analytics.tests.factories import SearchDayFactory
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/vehicles/"


def rows() -> list[tuple]:
    return sorted(
        SearchDay.objects.values_list("day", "country", "query", "filters", "search_count", "found_nothing_count")
    )


def test_searches_are_counted_per_day_by_the_minute_job_cached_answers_included(api_client, client_for):
    VehicleFactory(make="Toyota", model="Hilux")
    buyer = client_for(BuyerFactory(country="CI"))
    found = buyer.get(LIST, {"search": "  Toyota   HILUX ", "body_type": "sedan"})
    cached = buyer.get(LIST, {"body_type": "sedan", "search": "  Toyota   HILUX "})
    visitor_first = api_client.get(LIST, {"search": "Peugeot 504"})
    visitor_cached = api_client.get(LIST, {"search": "Peugeot 504"})  # answered by the middleware
    revalidated = api_client.get(LIST, {"search": "Peugeot 504"}, HTTP_IF_NONE_MATCH=visitor_first["ETag"])
    assert [found["X-Cache"], cached["X-Cache"], visitor_first["X-Cache"], visitor_cached["X-Cache"]] == [
        "miss", "hit", "miss", "hit",
    ]  # fmt: skip
    assert (found.json()["count"], visitor_first.json()["count"], revalidated.status_code) == (1, 0, 304)
    assert SearchDay.objects.count() == 0  # nothing written on the request path

    assert write_buffered_searches() == 5
    today = timezone.localdate()
    assert rows() == [
        (today, "", "peugeot 504", {}, 3, 3),
        (today, "CI", "toyota hilux", {"body_type": "sedan"}, 2, 0),
    ]
    assert write_buffered_searches() == 0  # the buffer was drained


def test_only_first_pages_of_searches_by_buyers_brokers_and_visitors_are_counted(api_client, client_for):
    VehicleFactory.create_batch(2)
    client_for(BrokerFactory(country="SN")).get(LIST, {"make": "toyota,Honda, TOYOTA"})
    client_for(DealerFactory(country="CA")).get(LIST, {"search": "camry"})  # a dealer's own stock: not demand
    api_client.get(LIST)  # browsing, no search
    api_client.get(LIST, {"ordering": "price", "page_size": "5"})  # how the page is shown, not what is wanted
    assert api_client.get(LIST, {"search": "camry", "page": "2", "page_size": "1"}).status_code == 200
    first = api_client.get(LIST, {"search": "camry", "cursor": "", "page_size": "1"}).json()  # counted
    assert api_client.get(first["next"]).status_code == 200  # the next keyset page: the same search
    assert api_client.get(LIST, {"search": "camry", "condition": "flying"}).status_code == 400
    write_buffered_searches()
    today = timezone.localdate()
    assert rows() == [(today, "", "camry", {}, 1, 0), (today, "SN", "", {"make": "honda,toyota"}, 1, 0)]


def test_contact_details_typed_as_words_are_not_kept_nor_are_searches_left_empty():
    search_buffer(query="jean@example.com", filters={}, result_count=0, country="CI")
    search_buffer(query="Call +225 07 12 34 56", filters={"make": "Kia"}, result_count=3, country="ci")
    search_buffer(query="x" * 300, filters={}, result_count=None, country="??")
    assert [entry[:4] for entry in searches_take()] == [
        ["", {"make": "kia"}, "CI", False],
        ["x" * 100, {}, "", False],
    ]


def test_days_older_than_13_months_are_purged_and_the_rest_kept():
    kept = [SearchDayFactory(day=date(2025, 11, 2)), SearchDayFactory(day=date(2026, 12, 2), query="kia")]
    SearchDayFactory(day=date(2025, 11, 1))
    SearchDayFactory(day=date(2024, 5, 1), query="kia")
    assert purge_old_searches(day="2026-12-02") == 2
    assert set(SearchDay.objects.values_list("id", flat=True)) == {row.id for row in kept}


@pytest.mark.django_db(transaction=True)
def test_two_flushes_at_once_add_up_on_the_same_rows(run_at_once):
    """Two workers' batches for the same day and search: the upsert adds both, neither is lost nor refused."""
    at = timezone.now().timestamp()
    batch = [["kia rio", {"make": "kia"}, "CI", True, at], ["kia rio", {"make": "kia"}, "CI", False, at]]
    assert run_at_once(lambda: searches_write(entries=batch), times=2) == [2, 2]
    assert rows() == [(timezone.localdate(), "CI", "kia rio", {"make": "kia"}, 4, 2)]
