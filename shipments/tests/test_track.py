from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from accounts.tests.factories import BuyerFactory
from shipments.tests.factories import DealFactory, ShipmentEventFactory, ShipmentFactory

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")


def test_the_buyer_sees_the_timeline_and_eta_in_french_and_in_its_time_zone(client_for):
    buyer = BuyerFactory(preferred_language="fr", timezone="Africa/Abidjan")  # UTC+0
    shipment = ShipmentFactory(
        deal=DealFactory(buyer=buyer, status="in_transit"),
        status="departed",
        etd=datetime(2026, 11, 2, 18, 0, tzinfo=UTC),
        eta=datetime(2026, 11, 30, 6, 30, tzinfo=UTC),
    )
    # Recorded out of order: the timeline follows occurred_at.
    ShipmentEventFactory(shipment=shipment, status="departed", occurred_at=datetime(2026, 11, 3, 14, 5, tzinfo=UTC))
    ShipmentEventFactory(shipment=shipment, status="booked", occurred_at=datetime(2026, 10, 28, 9, 0, tzinfo=UTC))

    response = client_for(buyer).get(f"/api/v1/shipments/{shipment.pk}/track/")
    assert response.status_code == 200
    body = response.json()
    assert (body["language"], body["timezone"], body["status_label"]) == ("fr", "Africa/Abidjan", "Partie")
    assert body["eta"] == {"iso": "2026-11-30T06:30:00+00:00", "display": "30 novembre 2026 06:30"}
    assert body["destination_port"] == {"code": "CIABJ", "name": "Abidjan"}
    assert [(event["status"], event["status_label"]) for event in body["timeline"]] == [
        ("booked", "Réservée"),
        ("departed", "Partie"),
    ]
    assert body["timeline"][1]["occurred_at"] == {
        "iso": "2026-11-03T14:05:00+00:00",
        "display": "3 novembre 2026 14:05",
    }


def test_an_english_buyer_in_toronto_sees_toronto_time(client_for):
    buyer = BuyerFactory(preferred_language="en", timezone="America/Toronto")
    shipment = ShipmentFactory(
        deal=DealFactory(buyer=buyer),
        etd=datetime(2026, 11, 2, 18, 0, tzinfo=UTC),
        eta=datetime(2026, 11, 30, 6, 30, tzinfo=UTC),
    )
    body = client_for(buyer).get(f"/api/v1/shipments/{shipment.pk}/track/").json()
    assert body["eta"] == {"iso": "2026-11-30T01:30:00-05:00", "display": "Nov. 30, 2026, 1:30 a.m."}
    assert body["status_label"] == "Booked"


def test_nobody_else_tracks_the_shipment(client_for):
    shipment = ShipmentFactory()
    assert client_for(BuyerFactory()).get(f"/api/v1/shipments/{shipment.pk}/track/").status_code == 404
