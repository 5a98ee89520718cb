"""Each report on the known data set (conftest.py), for staff, a dealer and a broker: the exact figures."""

import pytest

pytestmark = pytest.mark.django_db


def rows(body: dict, table: str, *keys: str) -> list[tuple]:
    return [tuple(row[key] for key in keys) for row in body[table]]


def test_pipeline_counts_leads_and_deals_and_the_stages_their_deals_reached(market, report):
    body = report(market.staff, "pipeline").json()
    assert body["period"] == {"from": "2025-03-01", "to": "2025-03-31"}
    # The lead received at 23:30 on 31 March in Toronto counts; the one at 00:30 on 1 April does not.
    assert {row["status"]: row["count"] for row in body["leads"] if row["count"]} == {
        "new": 2,
        "converted": 1,
        "lost": 1,
    }
    assert {row["status"]: row["count"] for row in body["deals"] if row["count"]} == {
        "draft": 1, "pending_payment": 1, "completed": 1, "cancelled": 1,
    }  # fmt: skip
    assert body["lead_conversion"] == {"leads": 4, "converted": 1, "rate": "0.250"}
    # paid lasted 8 March noon to 10 March noon: 47 hours, for Toronto moved its clocks on 9 March.
    assert rows(body, "stages", "stage", "reached", "conversion", "left", "average_days") == [
        ("draft", 4, None, 3, "2.67"),
        ("pending_documents", 2, "0.500", 2, "1.00"),
        ("pending_payment", 2, "1.000", 1, "3.00"),
        ("paid", 1, "0.500", 1, "1.96"),
        ("in_transit", 1, "1.000", 1, "10.00"),
        ("delivered", 1, "1.000", 1, "1.00"),
        ("completed", 1, "1.000", 0, None),
    ]
    assert body["cancelled"] == 1


def test_pipeline_of_a_dealer_and_of_a_broker_counts_their_own(market, report):
    dealer = report(market.dealer_a, "pipeline").json()
    assert dealer["lead_conversion"] == {"leads": 2, "converted": 1, "rate": "0.500"}
    assert rows(dealer, "stages", "stage", "reached", "left", "average_days")[:4] == [
        ("draft", 2, 2, "2.00"), ("pending_documents", 2, 2, "1.00"), ("pending_payment", 2, 1, "3.00"),
        ("paid", 1, 1, "1.96"),
    ]  # fmt: skip
    assert dealer["cancelled"] == 0
    broker = report(market.broker_x, "pipeline").json()
    assert broker["lead_conversion"] == {"leads": 2, "converted": 1, "rate": "0.500"}
    assert rows(broker, "stages", "stage", "reached", "left", "average_days")[:2] == [
        ("draft", 2, 2, "3.00"), ("pending_documents", 1, 1, "1.00"),
    ]  # fmt: skip
    assert broker["cancelled"] == 1


def test_revenue_by_day_and_currency_with_cad_and_no_minor_unit_for_xof(market, report):
    body = report(market.staff, "revenue").json()
    assert body["interval"] == "day"
    assert rows(body, "rows", "period", "currency", "charged", "refunded", "net", "net_cad", "entries") == [
        ("2025-03-06", "XOF", "3000000", "0", "2985000", "6656.55", 2),
        ("2025-03-08", "CAD", "10000.00", "0.00", "10000.00", "10000.00", 1),
        ("2025-03-25", "CAD", "0.00", "-1500.00", "-1500.00", "-1500.00", 1),
    ]
    assert rows(body, "totals", "currency", "net", "net_cad") == [
        ("CAD", "8500.00", "8500.00"),
        ("XOF", "2985000", "6656.55"),
    ]
    assert body["total_cad"] == "15156.55"


def test_revenue_by_month(market, report):
    body = report(market.staff, "revenue", interval="month").json()
    assert rows(body, "rows", "period", "currency", "charged", "refunded", "net", "net_cad") == [
        ("2025-03", "CAD", "10000.00", "-1500.00", "8500.00", "8500.00"),
        ("2025-03", "XOF", "3000000", "0", "2985000", "6656.55"),
    ]


def test_revenue_of_a_dealer_and_of_a_broker_counts_their_deals(market, report):
    assert report(market.dealer_a, "revenue").json()["total_cad"] == "15156.55"
    assert report(market.dealer_b, "revenue").json() | {"period": None} == {
        "period": None, "interval": "day", "rows": [], "totals": [], "total_cad": "0.00", "cached": False,
    }  # fmt: skip
    broker = report(market.broker_x, "revenue").json()
    assert rows(broker, "totals", "currency", "net", "net_cad") == [("CAD", "8500.00", "8500.00")]


def test_payments_success_rate_by_rail_and_by_country(market, report):
    body = report(market.staff, "payments").json()
    keys = ("attempts", "succeeded", "failed", "open", "success_rate", "captured_cad")
    assert rows(body, "by_rail", "rail", *keys) == [
        ("card", 3, 1, 1, 1, "0.500", "10000.00"),
        ("mtn_momo", 2, 1, 1, 0, "0.500", "6690.00"),
    ]
    assert rows(body, "by_country", "country", "country_name", *keys) == [
        ("CI", "Côte d'Ivoire", 4, 2, 1, 1, "0.667", "16690.00"),
        ("NG", "Nigeria", 1, 0, 1, 0, "0.000", "0.00"),
    ]


def test_payments_of_a_dealer_and_of_a_broker(market, report):
    keys = ("rail", "attempts", "succeeded", "failed", "success_rate")
    assert rows(report(market.dealer_a, "payments").json(), "by_rail", *keys) == [
        ("card", 2, 1, 1, "0.500"), ("mtn_momo", 1, 1, 0, "1.000"),
    ]  # fmt: skip
    assert rows(report(market.broker_x, "payments").json(), "by_rail", *keys) == [
        ("card", 2, 1, 1, "0.500"), ("mtn_momo", 1, 0, 1, "0.000"),
    ]  # fmt: skip


def test_commissions_by_status_and_by_broker(market, report):
    body = report(market.staff, "commissions").json()
    assert rows(body, "by_status", "status", "commissions", "amount_cad") == [
        ("pending", 1, "60.00"), ("approved", 0, "0.00"), ("paid", 1, "250.00"), ("held", 0, "0.00"),
        ("reversed", 1, "0.00"),
    ]  # fmt: skip
    assert rows(body, "by_broker", "broker", "commissions", "earned_cad", "paid_cad") == [
        (market.broker_x.pk, 2, "250.00", "250.00"), (market.broker_y.pk, 1, "60.00", "0.00"),
    ]  # fmt: skip
    assert body["earned_cad"] == "310.00"


def test_commissions_of_a_broker_are_its_own_and_of_a_dealer_those_on_its_deals(market, report):
    broker = report(market.broker_y, "commissions").json()
    assert rows(broker, "by_broker", "broker", "commissions", "earned_cad") == [(market.broker_y.pk, 1, "60.00")]
    assert broker["earned_cad"] == "60.00"
    assert report(market.dealer_a, "commissions").json()["earned_cad"] == "310.00"
    assert report(market.dealer_b, "commissions").json()["by_broker"] == []  # its one commission is February's


def test_shipments_on_time_late_and_overdue_by_route(market, report):
    keys = ("origin_port", "destination_port", "shipments", "on_time", "late", "overdue", "on_the_way", "on_time_rate")
    assert rows(report(market.staff, "shipments").json(), "routes", *keys) == [
        ("CAHAL", "CIABJ", 2, 1, 1, 0, 0, "0.500"),
        ("CAMTR", "NGLOS", 1, 0, 0, 1, 0, "0.000"),
    ]
    assert rows(report(market.dealer_b, "shipments").json(), "routes", *keys) == [
        ("CAMTR", "NGLOS", 1, 0, 0, 1, 0, "0.000"),
    ]
    assert rows(report(market.broker_x, "shipments").json(), "routes", "destination_port", "on_time", "overdue") == [
        ("CIABJ", 1, 0), ("NGLOS", 0, 1),
    ]  # fmt: skip


def test_top_makes_and_models_by_destination(market, report):
    keys = ("destination_country", "rank", "make", "model", "deals")
    assert rows(report(market.staff, "top-vehicles").json(), "rows", *keys) == [
        ("CI", 1, "Toyota", "Camry", 2), ("CI", 2, "Toyota", "Corolla", 1),
    ]  # fmt: skip
    assert rows(report(market.staff, "top-vehicles", limit=1).json(), "rows", *keys) == [
        ("CI", 1, "Toyota", "Camry", 2)
    ]
    assert rows(report(market.dealer_b, "top-vehicles").json(), "rows", *keys) == [("CI", 1, "Toyota", "Corolla", 1)]
    assert rows(report(market.broker_x, "top-vehicles").json(), "rows", *keys) == [("CI", 1, "Toyota", "Camry", 1)]


def test_dealer_performance_response_time_and_conversion(market, report):
    keys = ("dealer", "leads", "answered", "average_response_days", "converted", "conversion_rate",
            "deals_opened", "deals_completed")  # fmt: skip
    assert rows(report(market.staff, "dealers").json(), "dealers", *keys) == [
        (market.dealer_a.pk, 2, 1, "0.25", 1, "0.500", 2, 1),
        (market.dealer_b.pk, 2, 1, "1.00", 0, "0.000", 2, 0),
    ]
    assert rows(report(market.dealer_b, "dealers").json(), "dealers", *keys) == [
        (market.dealer_b.pk, 2, 1, "1.00", 0, "0.000", 2, 0),
    ]
    assert rows(report(market.broker_x, "dealers").json(), "dealers", *keys) == [
        (market.dealer_a.pk, 1, 1, "0.25", 1, "1.000", 1, 1),
        (market.dealer_b.pk, 1, 1, "1.00", 0, "0.000", 1, 0),
    ]
