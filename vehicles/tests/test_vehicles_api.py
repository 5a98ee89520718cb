from decimal import Decimal

import pytest
from django.contrib.sessions.models import Session

from accounts.tests.factories import BrokerFactory, BuyerFactory, DealerFactory, StaffFactory
from audit.models import AuditLog
from currencies.models import ExchangeRate
from vehicles.models import Vehicle, VehiclePriceChange, VehicleStatus, ViewHistory
from vehicles.photos import vehicle_galleries_summarize
from vehicles.services import vehicle_prices_revalue
from vehicles.tasks import write_buffered_views
from vehicles.tests.factories import VehicleFactory, VehiclePhotoFactory

pytestmark = pytest.mark.django_db

NEW_CAR = {
    "make": "Honda",
    "model": "Civic",
    "trim": "EX",
    "year": 2020,
    "vin": "1hgcm82633a004352",
    "mileage_km": 42000,
    "condition": "used_excellent",
    "body_type": "sedan",
    "fuel_type": "gasoline",
    "transmission": "cvt",
    "drive": "fwd",
    "exterior_color": "Blue",
    "price": "21000.00",
    "currency": "usd",
    "city": "Montréal",
    "province": "QC",
    "description": "Un seul propriétaire.",
    "status": "available",
}


def test_dealer_lists_a_vehicle_as_itself_with_cad_price_history_and_audit(client_for):
    dealer, other_dealer = DealerFactory(), DealerFactory()
    response = client_for(dealer).post("/api/v1/vehicles/", {**NEW_CAR, "dealer": other_dealer.pk}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["dealer"] == {"id": dealer.pk, "company_name": dealer.company_name}
    assert (body["vin"], body["currency"], body["price_cad"]) == ("1HGCM82633A004352", "USD", "29295.00")
    vehicle = Vehicle.objects.get()
    assert vehicle.dealer == dealer
    assert vehicle.price_cad == Decimal("29295.00")
    change = VehiclePriceChange.objects.get()
    assert (change.old_price, change.new_price, change.new_currency) == (None, Decimal("21000.00"), "USD")
    assert AuditLog.objects.filter(action="vehicle.create", object_id=str(vehicle.pk), user=dealer).count() == 1


@pytest.mark.parametrize("factory", [BuyerFactory, BrokerFactory])
def test_buyers_and_brokers_cannot_list_vehicles(client_for, factory):
    response = client_for(factory()).post("/api/v1/vehicles/", NEW_CAR, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert Vehicle.objects.count() == 0


def test_anonymous_cannot_list_vehicles(api_client):
    assert api_client.post("/api/v1/vehicles/", NEW_CAR, format="json").status_code == 401


def test_bad_vin_is_a_400_naming_the_rule(client_for):
    response = client_for(DealerFactory()).post(
        "/api/v1/vehicles/", {**NEW_CAR, "vin": "1HGCM82643A004352"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["fields"] == {"vin": ["The check digit (9th character) of this VIN should be 3, not 4."]}


def test_currency_without_a_reference_rate_is_refused(client_for):
    response = client_for(DealerFactory()).post("/api/v1/vehicles/", {**NEW_CAR, "currency": "JPY"}, format="json")
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["currency"]


def test_one_live_listing_per_vin(client_for):
    VehicleFactory(vin="1HGCM82633A004352")
    response = client_for(DealerFactory()).post("/api/v1/vehicles/", NEW_CAR, format="json")
    assert response.status_code == 409
    assert response.json()["fields"] == {"vin": ["A live listing with VIN 1HGCM82633A004352 already exists."]}
    assert Vehicle.objects.count() == 1


def test_a_sold_vin_can_be_listed_again(client_for):
    VehicleFactory(vin="1HGCM82633A004352", status=VehicleStatus.SOLD)
    response = client_for(DealerFactory()).post("/api/v1/vehicles/", NEW_CAR, format="json")
    assert response.status_code == 201
    assert Vehicle.objects.count() == 2


def test_anyone_reads_available_dealer_sees_own_drafts_staff_all(api_client, client_for):
    dealer = DealerFactory()
    available = VehicleFactory(dealer=dealer)
    draft = VehicleFactory(dealer=dealer, status=VehicleStatus.DRAFT)
    other_draft = VehicleFactory(status=VehicleStatus.DRAFT)
    deleted = VehicleFactory()
    deleted.soft_delete()

    def ids(client):
        return {row["id"] for row in client.get("/api/v1/vehicles/").json()["results"]}

    assert ids(api_client) == {available.pk}
    assert ids(client_for(BuyerFactory())) == {available.pk}
    assert ids(client_for(dealer)) == {available.pk, draft.pk}
    assert ids(client_for(StaffFactory())) == {available.pk, draft.pk, other_draft.pk}
    assert api_client.get(f"/api/v1/vehicles/{draft.pk}/").status_code == 404
    assert api_client.get(f"/api/v1/vehicles/{deleted.pk}/").status_code == 404


def test_dealer_cannot_edit_or_delete_another_dealers_vehicle(client_for):
    vehicle = VehicleFactory(price=Decimal("18500.00"))
    intruder = client_for(DealerFactory())
    assert intruder.patch(f"/api/v1/vehicles/{vehicle.pk}/", {"price": "1.00"}, format="json").status_code == 404
    assert intruder.delete(f"/api/v1/vehicles/{vehicle.pk}/").status_code == 404
    vehicle.refresh_from_db()
    assert (vehicle.price, vehicle.deleted_at) == (Decimal("18500.00"), None)


def test_buyer_cannot_edit_a_vehicle(client_for):
    vehicle = VehicleFactory()
    response = client_for(BuyerFactory()).patch(f"/api/v1/vehicles/{vehicle.pk}/", {"price": "1.00"}, format="json")
    assert response.status_code == 403


def test_staff_edit_any_vehicle(client_for):
    vehicle = VehicleFactory()
    response = client_for(StaffFactory()).patch(f"/api/v1/vehicles/{vehicle.pk}/", {"mileage_km": 81000}, format="json")
    assert response.status_code == 200
    vehicle.refresh_from_db()
    assert vehicle.mileage_km == 81000


@pytest.mark.parametrize("status", [VehicleStatus.RESERVED, VehicleStatus.SOLD])
def test_reserved_or_sold_vehicle_cannot_become_a_different_car(client_for, status):
    vehicle = VehicleFactory(status=status, make="Toyota", model="Camry", year=2019)
    client = client_for(vehicle.dealer)
    response = client.patch(f"/api/v1/vehicles/{vehicle.pk}/", {"model": "Corolla", "year": 2021}, format="json")
    assert response.status_code == 400
    label = status.label.lower()
    assert response.json()["fields"] == {
        "model": [f"A {label} vehicle cannot become a different car: its model, year cannot change."]
    }
    vehicle.refresh_from_db()
    assert (vehicle.model, vehicle.year) == ("Camry", 2019)
    # Other fields still change.
    allowed = client.patch(f"/api/v1/vehicles/{vehicle.pk}/", {"mileage_km": 90000, "model": "Camry"}, format="json")
    assert allowed.status_code == 200


def test_delete_is_soft_and_audited(client_for):
    vehicle = VehicleFactory()
    response = client_for(vehicle.dealer).delete(f"/api/v1/vehicles/{vehicle.pk}/")
    assert response.status_code == 204
    assert Vehicle.objects.count() == 0
    assert Vehicle.all_objects.get().deleted_by == vehicle.dealer
    assert AuditLog.objects.filter(action="soft_delete", object_id=str(vehicle.pk)).count() == 1


def test_every_price_change_is_kept_in_the_history(client_for, api_client):
    dealer = DealerFactory()
    client = client_for(dealer)
    vehicle_id = client.post("/api/v1/vehicles/", {**NEW_CAR, "currency": "CAD"}, format="json").json()["id"]
    client.patch(f"/api/v1/vehicles/{vehicle_id}/", {"price": "20000.00"}, format="json")
    client.patch(f"/api/v1/vehicles/{vehicle_id}/", {"mileage_km": 43000}, format="json")
    client.patch(f"/api/v1/vehicles/{vehicle_id}/", {"currency": "USD"}, format="json")
    history = api_client.get(f"/api/v1/vehicles/{vehicle_id}/price-history/").json()
    assert [
        (row["old_price"], row["old_currency"], row["new_price"], row["new_currency"], row["new_price_cad"])
        for row in history
    ] == [
        (None, "", "21000.00", "CAD", "21000.00"),
        ("21000.00", "CAD", "20000.00", "CAD", "20000.00"),
        ("20000.00", "CAD", "20000.00", "USD", "27900.00"),
    ]


def test_detail_views_are_recorded_for_users_and_visitors(api_client, client_for, django_assert_num_queries):
    vehicle = VehicleFactory()
    buyer = BuyerFactory()
    assert client_for(buyer).get(f"/api/v1/vehicles/{vehicle.pk}/").status_code == 200
    assert api_client.get(f"/api/v1/vehicles/{vehicle.pk}/").status_code == 200
    api_client.get(f"/api/v1/vehicles/{vehicle.pk}/")
    assert write_buffered_views() == 3  # the minute's job writes the views buffered in Redis
    views = list(ViewHistory.objects.order_by("id").values_list("user_id", "session_key"))
    assert views[0] == (buyer.pk, "")
    assert views[1][0] is None
    assert views[1][1] != ""
    assert views[2] == views[1]  # the same visitor, by its signed cookie
    assert not Session.objects.exists()  # no session row per visitor
    # The cookie keeps the visitor on the catalogue cache's early path: a cached list reads no database.
    api_client.get("/api/v1/vehicles/")
    with django_assert_num_queries(0):
        assert api_client.get("/api/v1/vehicles/")["X-Cache"] == "hit"


def test_list_runs_a_fixed_number_of_queries_whatever_the_page_size(api_client, django_assert_num_queries):
    for index in range(50):
        VehiclePhotoFactory(vehicle=VehicleFactory(mileage_km=1000 + index), position=0)
    vehicle_galleries_summarize(vehicle_ids=list(Vehicle.objects.values_list("id", flat=True)))
    # The count, the page's ids, and the cards with each one's dealer name, cover photo and photo count.
    with django_assert_num_queries(3):
        small = api_client.get("/api/v1/vehicles/?page_size=5&ordering=mileage_km")
    with django_assert_num_queries(3):
        large = api_client.get("/api/v1/vehicles/?page_size=50&ordering=mileage_km")
    assert len(small.json()["results"]) == 5
    assert len(large.json()["results"]) == 50
    assert [row["mileage_km"] for row in small.json()["results"]] == [1000, 1001, 1002, 1003, 1004]
    card = large.json()["results"][0]
    assert (card["photo_count"], card["dealer"]["company_name"]) == (
        1,
        Vehicle.objects.get(pk=card["id"]).dealer.company_name,
    )
    assert card["cover_photo"]["thumbnail"].endswith(f"/vehicles/{card['id']}/photos/0-thumb.jpg")
    assert "photos" not in card  # the gallery is the detail's


@pytest.mark.parametrize(
    ("current", "requested"),
    [
        (VehicleStatus.RESERVED, VehicleStatus.AVAILABLE),
        (VehicleStatus.SOLD, VehicleStatus.ARCHIVED),
        (VehicleStatus.AVAILABLE, VehicleStatus.RESERVED),
        (VehicleStatus.AVAILABLE, VehicleStatus.SOLD),
    ],
)
def test_reserved_and_sold_follow_the_deal_not_an_edit(client_for, current, requested):
    vehicle = VehicleFactory(status=current)
    response = client_for(vehicle.dealer).patch(f"/api/v1/vehicles/{vehicle.pk}/", {"status": requested}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "vehicle_status_follows_deal"
    vehicle.refresh_from_db()
    assert vehicle.status == current


def test_a_vehicle_with_an_open_deal_cannot_be_deleted(client_for):
    vehicle = VehicleFactory(status=VehicleStatus.RESERVED)
    assert client_for(vehicle.dealer).delete(f"/api/v1/vehicles/{vehicle.pk}/").status_code == 409
    vehicle.refresh_from_db()
    assert not vehicle.is_deleted


def test_a_listing_in_a_currency_with_no_rate_is_refused(client_for):
    ExchangeRate.objects.filter(currency="USD").delete()
    response = client_for(DealerFactory()).post("/api/v1/vehicles/", NEW_CAR, format="json")
    assert response.status_code == 422
    assert response.json()["code"] == "exchange_rate_unavailable"
    assert not Vehicle.objects.exists()


def test_listings_in_other_currencies_are_revalued_with_the_days_rates():
    usd = VehicleFactory(price=Decimal("10000.00"), currency="USD")
    cad = VehicleFactory(price=Decimal("10000.00"), currency="CAD")
    assert usd.price_cad == Decimal("13950.00")
    ExchangeRate.objects.filter(currency="USD").update(cad_per_unit=Decimal("1.40"))
    assert vehicle_prices_revalue() == 1
    usd.refresh_from_db()
    cad.refresh_from_db()
    assert (usd.price_cad, cad.price_cad) == (Decimal("14000.00"), Decimal("10000.00"))
    assert vehicle_prices_revalue() == 0


@pytest.mark.parametrize("currency", ["XOF", "XAF"])
def test_a_price_in_cfa_francs_has_no_decimals(client_for, currency):
    client = client_for(DealerFactory())
    response = client.post("/api/v1/vehicles/", {**NEW_CAR, "price": "5500000.50", "currency": currency}, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {"price": [f"5500000.50 has more decimals than {currency} allows."]}
    assert not Vehicle.objects.exists()
    whole = client.post("/api/v1/vehicles/", {**NEW_CAR, "price": "5500000", "currency": currency}, format="json")
    assert whole.status_code == 201, whole.json()
    assert (whole.json()["price"], whole.json()["currency"]) == ("5500000", currency)  # as francs are written
    listed = client.get(f"/api/v1/vehicles/{whole.json()['id']}/").json()
    assert listed["price"] == "5500000"


def test_an_edit_cannot_give_cfa_francs_decimals(client_for):
    vehicle = VehicleFactory(price=Decimal("5500000"), currency="XOF")
    client = client_for(vehicle.dealer)
    url = f"/api/v1/vehicles/{vehicle.pk}/"
    response = client.patch(url, {"price": "5400000.25"}, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {"price": ["5400000.25 has more decimals than XOF allows."]}
    cad = VehicleFactory(price=Decimal("18500.50"), currency="CAD")
    only_currency = client_for(cad.dealer).patch(f"/api/v1/vehicles/{cad.pk}/", {"currency": "XOF"}, format="json")
    assert only_currency.status_code == 400
    assert only_currency.json()["fields"] == {"price": ["18500.50 has more decimals than XOF allows."]}
    put = client.put(url, {**NEW_CAR, "vin": vehicle.vin, "price": "1.5", "currency": "XAF"}, format="json")
    assert put.status_code == 400
    assert put.json()["fields"] == {"price": ["1.50 has more decimals than XAF allows."]}
    vehicle.refresh_from_db()
    cad.refresh_from_db()
    assert (vehicle.price, vehicle.currency, cad.price, cad.currency) == (
        Decimal("5500000.00"), "XOF", Decimal("18500.50"), "CAD"
    )  # fmt: skip
    assert VehiclePriceChange.objects.count() == 0


def test_a_listed_price_is_positive(client_for):
    dealer = DealerFactory()
    response = client_for(dealer).post("/api/v1/vehicles/", {**NEW_CAR, "price": "0"}, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {"price": ["The amount must be positive."]}
    assert not Vehicle.objects.exists()
    vehicle = VehicleFactory(dealer=dealer)
    edit = client_for(dealer).patch(f"/api/v1/vehicles/{vehicle.pk}/", {"price": "0.00"}, format="json")
    assert edit.status_code == 400
    assert edit.json()["fields"] == {"price": ["The amount must be positive."]}
    vehicle.refresh_from_db()
    assert vehicle.price == Decimal("18500.00")


@pytest.mark.parametrize("status", [VehicleStatus.RESERVED, VehicleStatus.SOLD])
def test_a_new_listing_is_never_reserved_or_sold(client_for, status):
    response = client_for(DealerFactory()).post("/api/v1/vehicles/", {**NEW_CAR, "status": status}, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "status": [
            "Reserved and sold follow the vehicle's deal: a deal reserves the car, its payment sells it and its "
            "cancellation makes it available again."
        ]
    }
    assert not Vehicle.objects.exists()
    assert not AuditLog.objects.filter(action="vehicle.create").exists()


@pytest.mark.parametrize("status", [VehicleStatus.DRAFT, VehicleStatus.AVAILABLE, VehicleStatus.ARCHIVED])
def test_a_new_listing_may_be_a_draft_available_or_archived(client_for, status):
    response = client_for(DealerFactory()).post("/api/v1/vehicles/", {**NEW_CAR, "status": status}, format="json")
    assert response.status_code == 201, response.json()
    assert Vehicle.objects.get().status == status


@pytest.mark.parametrize(
    ("path", "method", "codes"),
    [
        ("/api/v1/vehicles/", "post", {"402", "409", "422"}),
        ("/api/v1/vehicles/{id}/", "put", {"402", "409", "422"}),
        ("/api/v1/vehicles/{id}/", "patch", {"402", "409", "422"}),
        ("/api/v1/vehicles/{id}/", "delete", {"409"}),
    ],
)
def test_the_schema_documents_the_refusals_of_each_vehicle_write(client, path, method, codes):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    responses = schema["paths"][path][method]["responses"]
    assert {code: bool(responses.get(code, {}).get("description")) for code in codes} == dict.fromkeys(codes, True)
    if "409" in codes and method != "delete":
        assert "vin_already_listed" in responses["409"]["description"]
        assert "exchange_rate_unavailable" in responses["422"]["description"]
