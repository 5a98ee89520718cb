from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from deals.models import DealStatus
from shipments.models import Shipment, ShipmentEvent
from shipments.selectors import deal_shipment_delivered, deal_shipment_departed
from shipments.tests.factories import DealFactory, ShipmentFactory

pytestmark = pytest.mark.django_db


def booking(deal, **overrides):
    now = timezone.now()
    return {
        "deal": deal.pk,
        "carrier": "Grimaldi",
        "vessel": "Grande Abidjan",
        "voyage": "GAB0426",
        "booking_number": "HFX-778812",
        "container_number": "CSQU3054383",
        "origin_port": "CAHAL",
        "etd": (now + timedelta(days=3)).isoformat(),
        "eta": (now + timedelta(days=24)).isoformat(),
        **overrides,
    }


def test_the_dealer_books_a_container_shipment_and_its_timeline_starts(client_for):
    deal = DealFactory(status=DealStatus.PAID)
    response = client_for(deal.dealer).post("/api/v1/shipments/", booking(deal))
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["destination_port"], body["origin_port_name"]) == ("booked", "CIABJ", "Halifax")
    assert body["destination_port_name"] == "Abidjan"
    assert [event["status"] for event in body["events"]] == ["booked"]
    shipment = Shipment.objects.get()
    assert (shipment.created_by, shipment.is_roro) == (deal.dealer, False)
    assert AuditLog.objects.get(action="shipment.create").changes["container_number"] == "CSQU3054383"


def test_a_roro_shipment_has_no_container(client_for):
    deal = DealFactory(status=DealStatus.PAID)
    client = client_for(deal.dealer)
    with_container = client.post("/api/v1/shipments/", booking(deal, is_roro=True))
    assert with_container.status_code == 400
    assert with_container.json()["fields"] == {
        "container_number": ["A RoRo shipment has no container: leave container_number empty."]
    }
    response = client.post("/api/v1/shipments/", booking(deal, is_roro=True, container_number=""))
    assert response.status_code == 201, response.json()
    assert response.json()["container_number"] == ""


@pytest.mark.parametrize(
    ("overrides", "field", "message_start"),
    [
        ({"container_number": "CSQU3054384"}, "container_number", "The check digit of CSQU3054384 is wrong"),
        ({"container_number": ""}, "container_number", "Give the container number, or mark the shipment as RoRo."),
        ({"origin_port": "CIABJ"}, "origin_port", "Cars leave from a Canadian port"),
        ({"origin_port": "cahal"}, "origin_port", "'cahal' is not a UN/LOCODE"),
        ({"destination_port": "CI-BJ"}, "destination_port", "'CI-BJ' is not a UN/LOCODE"),
        ({"destination_port": "SNDKR"}, "destination_port", "The deal ships to CIABJ"),
    ],
)
def test_bad_bookings_are_refused_naming_the_field(client_for, overrides, field, message_start):
    deal = DealFactory(status=DealStatus.PAID)
    response = client_for(deal.dealer).post("/api/v1/shipments/", booking(deal, **overrides))
    assert response.status_code == 400
    assert response.json()["fields"][field][0].startswith(message_start)
    assert not Shipment.objects.exists()


def test_the_eta_comes_after_the_etd(client_for):
    deal = DealFactory(status=DealStatus.PAID)
    now = timezone.now()
    response = client_for(deal.dealer).post(
        "/api/v1/shipments/", booking(deal, etd=(now + timedelta(days=5)).isoformat(), eta=now.isoformat())
    )
    assert response.status_code == 400
    assert response.json()["fields"] == {"eta": ["The estimated arrival comes after the estimated departure."]}


def test_one_active_shipment_per_deal_and_none_for_a_closed_deal(client_for):
    shipment = ShipmentFactory()
    second = client_for(shipment.deal.dealer).post("/api/v1/shipments/", booking(shipment.deal))
    assert second.status_code == 409
    assert second.json()["detail"] == "This deal already has an active shipment."
    cancelled = DealFactory(status=DealStatus.CANCELLED)
    response = client_for(cancelled.dealer).post("/api/v1/shipments/", booking(cancelled))
    assert response.status_code == 409
    assert Shipment.objects.count() == 1


def test_only_the_dealer_or_staff_book(client_for):
    deal = DealFactory(status=DealStatus.PAID)
    assert client_for(deal.buyer).post("/api/v1/shipments/", booking(deal)).status_code == 403
    stranger = client_for(BuyerFactory()).post("/api/v1/shipments/", booking(deal))
    assert stranger.status_code == 400
    assert "deal" in stranger.json()["fields"]
    assert client_for(StaffFactory()).post("/api/v1/shipments/", booking(deal)).status_code == 201


def test_shipments_are_listed_to_the_deals_parties_only(client_for, django_assert_max_num_queries):
    mine = ShipmentFactory.create_batch(2)
    client = client_for(mine[0].deal.buyer)
    with django_assert_max_num_queries(5):
        listed = client.get("/api/v1/shipments/").json()
    assert [item["id"] for item in listed["results"]] == [mine[0].pk]
    assert client.get(f"/api/v1/shipments/{mine[1].pk}/").status_code == 404
    assert client_for(StaffFactory()).get("/api/v1/shipments/").json()["count"] == 2


def post_event(client, shipment, status, occurred_at, **extra):
    return client.post(
        f"/api/v1/shipments/{shipment.pk}/events/",
        {"status": status, "occurred_at": occurred_at.isoformat(), "location": "Halifax", **extra},
    )


def test_events_move_the_status_and_may_not_go_back(client_for):
    shipment = ShipmentFactory()
    client = client_for(shipment.deal.dealer)
    start = timezone.now() - timedelta(days=2)
    assert post_event(client, shipment, "at_origin_port", start).status_code == 201
    assert post_event(client, shipment, "departed", start + timedelta(hours=30)).status_code == 201
    shipment.refresh_from_db()
    assert shipment.status == "departed"
    assert deal_shipment_departed(deal=shipment.deal)
    assert not deal_shipment_delivered(deal=shipment.deal)

    backwards = post_event(client, shipment, "at_origin_port", start + timedelta(hours=31))
    assert backwards.status_code == 409
    assert backwards.json()["code"] == "invalid_transition"
    assert backwards.json()["fields"] == {
        "status": [
            "Cannot move from “departed” to “at the port of origin” (possible from here: departed, in transit, "
            "arrived at the destination port, cleared customs, delivered)."
        ]
    }
    earlier = post_event(client, shipment, "in_transit", start + timedelta(hours=29))
    assert earlier.status_code == 400
    assert earlier.json()["fields"]["occurred_at"][0].startswith("This event happened before the latest one (departed")
    future = post_event(client, shipment, "in_transit", timezone.now() + timedelta(hours=1))
    assert future.json()["fields"] == {"occurred_at": ["An event cannot happen in the future."]}
    # The same status again is a position update, not a step back.
    assert post_event(client, shipment, "in_transit", start + timedelta(hours=40)).status_code == 201
    assert (
        post_event(client, shipment, "in_transit", start + timedelta(hours=45), location="Off Dakar").status_code == 201
    )
    shipment.refresh_from_db()
    assert shipment.status == "in_transit"
    assert list(shipment.events.values_list("status", flat=True)) == [
        "at_origin_port",
        "departed",
        "in_transit",
        "in_transit",
    ]


def test_an_event_before_the_latest_is_refused_naming_that_moment_as_the_dealer_reads_it(client_for):
    """Not a machine's timestamp (UTC, microseconds): the latest event's moment in the dealer's language and
    time zone, to the second."""
    shipment = ShipmentFactory(deal__vehicle__dealer__preferred_language="fr")
    dealer = shipment.deal.dealer
    dealer.timezone = "America/Montreal"
    dealer.save(update_fields=["timezone"])
    client = client_for(dealer)
    departed = datetime(2026, 11, 30, 14, 5, 9, 123456, tzinfo=UTC)
    assert post_event(client, shipment, "departed", departed).status_code == 201

    earlier = post_event(client, shipment, "in_transit", departed - timedelta(minutes=1))

    assert earlier.status_code == 400
    assert earlier.json()["fields"]["occurred_at"] == [
        "Cet événement est antérieur au dernier enregistré (partie, le 30 nov. 2026, 09:05:09)\xa0; les événements "
        "s'enregistrent dans l'ordre où ils se sont produits."
    ]
    assert list(shipment.events.values_list("status", flat=True)) == ["departed"]


def test_only_the_dealer_or_staff_record_events(client_for):
    shipment = ShipmentFactory()
    response = post_event(client_for(shipment.deal.buyer), shipment, "at_origin_port", timezone.now())
    assert response.status_code == 403
    assert not ShipmentEvent.objects.exists()


def test_a_new_eta_comes_with_an_event(client_for):
    shipment = ShipmentFactory()
    new_eta = shipment.eta + timedelta(days=4)
    response = post_event(
        client_for(shipment.deal.dealer), shipment, "at_origin_port", timezone.now(), eta=new_eta.isoformat()
    )
    assert response.status_code == 201
    shipment.refresh_from_db()
    assert shipment.eta == new_eta


def test_delivery_moves_an_in_transit_deal_to_delivered_and_closes_the_timeline(client_for):
    shipment = ShipmentFactory(deal=DealFactory(status=DealStatus.IN_TRANSIT), status="customs_cleared")
    client = client_for(shipment.deal.dealer)
    response = post_event(client, shipment, "delivered", timezone.now(), location="Abidjan")
    assert response.status_code == 201, response.json()
    shipment.deal.refresh_from_db()
    assert shipment.deal.status == "delivered"
    assert shipment.deal.events.get().reason == "Shipment delivered"
    assert deal_shipment_delivered(deal=shipment.deal)
    after = post_event(client, shipment, "delivered", timezone.now())
    assert after.status_code == 409
    assert after.json()["detail"] == "This shipment is delivered: its timeline is closed."


def test_delivery_is_recorded_even_when_the_deal_refuses_to_move(client_for):
    deal = DealFactory(status=DealStatus.IN_TRANSIT, is_on_hold=True, hold_reason="Staff review")
    shipment = ShipmentFactory(deal=deal, status="customs_cleared")
    response = post_event(client_for(deal.dealer), shipment, "delivered", timezone.now())
    assert response.status_code == 201
    deal.refresh_from_db()
    assert deal.status == "in_transit"
    assert AuditLog.objects.get(action="shipment.deal_not_delivered").changes["deal"] == deal.pk


def test_each_reader_reads_the_booking_note_in_their_language_and_a_typed_note_as_typed(client_for):
    """The booking note the platform writes, with the carrier and booking number, is kept as its English source
    with its values and read in the reader's language (a French buyer read it in English next to French labels)."""
    deal = DealFactory(status=DealStatus.PAID, buyer=BuyerFactory(preferred_language="fr"))
    dealer = client_for(deal.dealer)
    booked = dealer.post("/api/v1/shipments/", booking(deal, booking_number="BK-J1-001"))
    assert booked.status_code == 201, booked.json()
    shipment = Shipment.objects.get()
    typed = post_event(dealer, shipment, "at_origin_port", timezone.now(), note="Gate-in at the terminal.")
    assert typed.status_code == 201, typed.json()
    english, french = "Booked with Grimaldi, booking BK-J1-001.", "Réservée auprès de Grimaldi, réservation BK-J1-001."

    tracked = client_for(deal.buyer).get(f"/api/v1/shipments/{shipment.pk}/track/").json()
    assert [(event["status_label"], event["note"]) for event in tracked["timeline"]] == [
        ("Réservée", french),
        ("Au port de départ", "Gate-in at the terminal."),
    ]
    read = client_for(deal.buyer).get(f"/api/v1/shipments/{shipment.pk}/").json()
    assert [event["note"] for event in read["events"]] == [french, "Gate-in at the terminal."]
    assert booked.json()["events"][0]["note"] == english  # the dealer reads English
    deal.buyer.preferred_language = "en"
    deal.buyer.save()
    tracked = client_for(deal.buyer).get(f"/api/v1/shipments/{shipment.pk}/track/").json()
    assert [event["note"] for event in tracked["timeline"]] == [english, "Gate-in at the terminal."]
    assert ShipmentEvent.objects.get(status="booked").note == {
        "message": "Booked with %(carrier)s, booking %(booking_number)s.",
        "values": {"carrier": "Grimaldi", "booking_number": "BK-J1-001"},
    }


def test_each_reader_reads_why_the_deal_is_delivered_in_their_language(client_for):
    deal = DealFactory(status=DealStatus.IN_TRANSIT, buyer=BuyerFactory(preferred_language="fr"))
    shipment = ShipmentFactory(deal=deal, status="customs_cleared")
    assert post_event(client_for(deal.dealer), shipment, "delivered", timezone.now()).status_code == 201

    def delivered_reasons(reader):
        timeline = client_for(reader).get(f"/api/v1/deals/{deal.pk}/timeline/").json()
        return [event["reason"] for event in timeline if event["to_status"] == DealStatus.DELIVERED]

    assert delivered_reasons(deal.buyer) == ["Expédition livrée"]
    assert delivered_reasons(deal.dealer) == ["Shipment delivered"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"etd": "0917-01-01T00:00:00Z", "eta": "0918-01-01T00:00:00Z"},
            "etd",
            "The estimated departure must be within a year of today.",
        ),
        (
            {"etd": "9999-12-31T00:00:00Z", "eta": "9999-12-31T23:59:59Z"},
            "etd",
            "The estimated departure must be within a year of today.",
        ),
        ({"eta": "9999-12-31T23:59:59Z"}, "eta", "The estimated arrival must be within a year of the departure."),
        (
            {"booked_at": "0917-01-01T00:00:00Z"},
            "booked_at",
            "A booking recorded late was still made within the last year.",
        ),
    ],
)
def test_a_mistyped_year_in_a_booking_is_a_400_and_books_nothing(client_for, overrides, field, message):
    """The fuzzer booked a sailing in 917 (shown with Toronto's local mean time, -05:17:32, no RFC 3339 offset)
    and one arriving in 9999 (the buyer's tracking page, an hour east of UTC, failed with a 500)."""
    deal = DealFactory(status=DealStatus.PAID)
    response = client_for(deal.dealer).post("/api/v1/shipments/", booking(deal, **overrides))
    assert response.status_code == 400
    assert response.json()["fields"] == {field: [message]}
    assert not Shipment.objects.exists()


def test_a_new_eta_a_year_after_the_departure_is_a_400_and_changes_nothing(client_for):
    shipment = ShipmentFactory()
    eta = shipment.eta
    response = post_event(
        client_for(shipment.deal.dealer), shipment, "at_origin_port", timezone.now(), eta="9999-12-31T23:59:59Z"
    )
    assert response.status_code == 400
    assert response.json()["fields"] == {"eta": ["The estimated arrival must be within a year of the departure."]}
    shipment.refresh_from_db()
    assert (shipment.status, shipment.eta, shipment.events.count()) == ("booked", eta, 0)
