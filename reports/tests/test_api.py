"""What the reports' endpoints do besides the figures: permissions, parameters, CSV, the cache, queries."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.tests.factories import DealerFactory, StaffFactory
from audit.services import audit_record
from deals.tests.factories import DealFactory
from reports.tests.conftest import MARCH, at
from reports.tests.factories import stamp

pytestmark = pytest.mark.django_db

REPORTS = ["pipeline", "revenue", "payments", "commissions", "shipments", "top-vehicles", "dealers"]


@pytest.mark.parametrize("name", REPORTS)
def test_a_buyer_is_refused_and_a_visitor_must_sign_in(market, report, api_client, name):
    refused = report(market.buyer, name)
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Reports are for staff, dealers and brokers."
    assert api_client.get(f"/api/v1/reports/{name}/").status_code == 401


def test_a_dealer_whose_plan_lacks_reports_is_refused_402(market, report):
    refused = report(DealerFactory(), "pipeline")  # no subscription: Starter, without reports
    assert refused.status_code == 402
    assert refused.json()["code"] == "plan_feature_required"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"from": "2025-13-01"}, "from", "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."),
        ({"from": "2025-04-01", "to": "2025-03-01"}, "from", "The first day must be on or before the last day."),
        ({"from": "2023-01-01", "to": "2025-03-01"}, "to", "A period covers at most 731 days; shorten it."),
        ({"interval": "week"}, "interval", '"week" is not a valid choice.'),
        ({"table": "nothing"}, "table", "Choose one of: rows, totals."),
    ],
)
def test_bad_parameters_are_refused_naming_the_field(market, client_for, params, field, message):
    response = client_for(market.staff).get("/api/v1/reports/revenue/", params)
    assert response.status_code == 400
    assert response.json()["fields"] == {field: [message]}


def test_top_vehicles_limit_is_bounded(market, report):
    assert report(market.staff, "top-vehicles", limit=0).json()["fields"] == {
        "limit": ["Ensure this value is greater than or equal to 1."]
    }


def test_the_period_is_the_last_30_days_by_default(market, client_for):
    today = timezone.localdate()
    body = client_for(market.staff).get("/api/v1/reports/pipeline/").json()
    assert body["period"] == {"from": (today - timedelta(days=29)).isoformat(), "to": today.isoformat()}


def test_csv_gives_one_table_with_headers_in_the_readers_language(market, client_for):
    client = client_for(market.staff)
    response = client.get("/api/v1/reports/payments/", {**MARCH, "format": "csv", "table": "by_country"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="payments-by_country-2025-03-01-2025-03-31.csv"'
    assert response.content.decode().splitlines() == [
        "Country,Country name,Attempts,Succeeded,Failed,Open,Success rate,Captured (CAD)",
        "CI,Côte d'Ivoire,4,2,1,1,0.667,16690.00",
        "NG,Nigeria,1,0,1,0,0.000,0.00",
    ]
    french_speaker = client_for(StaffFactory(preferred_language="fr"))
    french = french_speaker.get("/api/v1/reports/revenue/", MARCH, HTTP_ACCEPT="text/csv")
    lines = french.content.decode().splitlines()
    assert lines[0] == "Période,Devise,Débité,Remboursé,Net,Net (CAD),Écritures du grand livre"
    assert lines[1:] == [
        "2025-03-06,XOF,3000000,0,2985000,6656.55,2",
        "2025-03-08,CAD,10000.00,0.00,10000.00,10000.00,1",
        "2025-03-25,CAD,0.00,-1500.00,-1500.00,-1500.00,1",
    ]


def test_a_refused_csv_request_is_answered_in_json(market, client_for):
    response = client_for(market.buyer).get("/api/v1/reports/revenue/", {"format": "csv"})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    bad = client_for(market.staff).get("/api/v1/reports/revenue/", {"format": "csv", "from": "yesterday"})
    assert (bad.status_code, list(bad.json()["fields"])) == (400, ["from"])


@pytest.mark.parametrize("name", REPORTS)
def test_options_asked_in_csv_describe_the_report_in_json(market, client_for, name):
    response = client_for(market.staff).options(f"/api/v1/reports/{name}/?format=csv&table=rows")
    assert (response.status_code, response["Content-Type"]) == (200, "application/json")
    assert "text/csv" in response.json()["renders"]


def test_a_report_is_cached_until_an_audited_change(market, report):
    assert report(market.staff, "pipeline").json()["cached"] is False
    assert report(market.staff, "pipeline").json()["cached"] is True
    assert report(market.dealer_a, "pipeline").json()["cached"] is False  # another scope, another entry
    assert report(market.staff, "pipeline", to="2025-03-30").json()["cached"] is False  # other parameters
    deal = stamp(DealFactory(vehicle__dealer=market.dealer_a), at(3, 9))
    audit_record(action="deal.create", instance=deal)  # what deals.services.deal_create records
    again = report(market.staff, "pipeline").json()
    assert again["cached"] is False
    assert again["lead_conversion"]["leads"] == 4
    assert again["stages"][0]["reached"] == 5


@pytest.mark.parametrize(("name", "queries"), [
    ("pipeline", 3), ("revenue", 1), ("payments", 1), ("commissions", 2), ("shipments", 1),
    ("top-vehicles", 1), ("dealers", 3),
])  # fmt: skip
def test_a_report_takes_the_same_queries_whatever_the_rows(market, client_for, name, queries):
    """The caller (1), the data version (1), savepoints of the request transaction (2), and the report's own."""
    client = client_for(market.staff)

    def count() -> int:
        cache.clear()  # computed, not read from the cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/v1/reports/{name}/", MARCH).status_code == 200
        return len(captured)

    before = count()
    for dealer in (market.dealer_a, market.dealer_b):
        stamp(DealFactory(vehicle__dealer=dealer, vehicle__make="Kia", vehicle__model="Rio"), at(3, 9))
    assert count() == before == 4 + queries


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({"from": "9999-12-30", "to": "9999-12-31"}, ["from", "to"]),
        ({"to": "0001-01-05"}, ["to"]),
        ({"from": "1999-12-31"}, ["from"]),
    ],
)
def test_a_day_off_the_platforms_calendar_is_a_400_not_a_500(market, client_for, name, params, fields):
    """9999-12-31's next day, where the period ends, and 0001-01-05's default start both overflowed."""
    response = client_for(market.staff).get(f"/api/v1/reports/{name}/", params)
    assert response.status_code == 400
    assert response.json()["fields"] == {field: ["Give a day from 2000-01-01 to 2100-12-31."] for field in fields}
