import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.tests.factories import BuyerFactory, DealerFactory
from audit.models import AuditLog
from vehicles.models import Vehicle, VehicleStatus
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db

HEADER = "vin,make,model,trim,year,mileage_km,condition,body_type,price,currency,city,province,status\n"
CIVIC = "1HGCM82633A004352,Honda,Civic,EX,2020,42000,used_good,sedan,21000,CAD,Halifax,NS,available\n"
MUSTANG = "1M8GDM9AXKP042788,Ford,Mustang,GT,2018,60000,used_excellent,coupe,30000,usd,Halifax,NS,\n"


def send(client, text: str):
    upload = SimpleUploadedFile("inventory.csv", text.encode(), content_type="text/csv")
    return client.post("/api/v1/vehicles/import/", {"file": upload}, format="multipart")


def test_import_creates_and_updates_by_vin_with_a_report(client_for):
    dealer = DealerFactory()
    existing = VehicleFactory(dealer=dealer, vin="1M8GDM9AXKP042788", make="Ford", model="Mustang", year=2018)
    response = send(client_for(dealer), HEADER + CIVIC + MUSTANG)
    assert response.status_code == 200, response.json()
    civic = Vehicle.objects.get(vin="1HGCM82633A004352")
    assert response.json() == {
        "created": 1,
        "updated": 1,
        "unchanged": 0,
        "rejected": 0,
        "rows": [
            {"row": 2, "vin": "1HGCM82633A004352", "result": "created", "vehicle": civic.pk, "errors": {}},
            {"row": 3, "vin": "1M8GDM9AXKP042788", "result": "updated", "vehicle": existing.pk, "errors": {}},
        ],
    }
    assert civic.dealer == dealer
    existing.refresh_from_db()
    assert (existing.price, existing.currency, existing.price_cad, existing.status) == (
        Decimal("30000.00"),
        "USD",
        Decimal("41850.00"),  # USD 30,000 at the test rate 1.395
        VehicleStatus.AVAILABLE,
    )


def test_one_bad_row_imports_nothing_and_says_why(client_for):
    dealer = DealerFactory()
    taken = VehicleFactory().vin  # another dealer's live listing
    bad_vin = CIVIC.replace("1HGCM82633A004352", "1HGCM82643A004352")
    other_dealers = CIVIC.replace("1HGCM82633A004352", taken)
    response = send(client_for(dealer), HEADER + MUSTANG + bad_vin + other_dealers + MUSTANG)
    assert response.status_code == 400
    body = response.json()
    assert (body["status"], body["code"]) == (400, "import_rejected")
    assert body["detail"] == "3 of 4 rows were rejected; nothing was imported."
    assert [(row["row"], row["result"], row["errors"]) for row in body["report"]["rows"]] == [
        (2, "created", {}),
        (3, "rejected", {"vin": ["The check digit (9th character) of this VIN should be 3, not 4."]}),
        (4, "rejected", {"vin": ["Another dealer has a live listing with this VIN."]}),
        (5, "rejected", {"vin": ["This VIN is already on line 2 of the file."]}),
    ]
    assert Vehicle.objects.filter(dealer=dealer).count() == 0


def test_import_reports_field_errors_of_a_row(client_for):
    row = CIVIC.replace("used_good", "like_new").replace(",2020,", ",year,")
    response = send(client_for(DealerFactory()), HEADER + row)
    assert response.status_code == 400
    assert response.json()["report"]["rows"][0]["errors"] == {
        "year": ["A valid integer is required."],
        "condition": ['"like_new" is not a valid choice.'],
    }


def test_import_refuses_a_file_without_the_required_columns(client_for):
    response = send(client_for(DealerFactory()), "vin,make\n1HGCM82633A004352,Honda\n")
    assert response.status_code == 400
    assert response.json()["fields"]["file"][0].startswith("Missing columns: city, condition, mileage_km, model,")


def test_import_is_for_dealers(client_for):
    assert send(client_for(BuyerFactory()), HEADER + CIVIC).status_code == 403
    assert Vehicle.objects.count() == 0


def test_import_cannot_turn_a_sold_car_into_another(client_for):
    dealer = DealerFactory()
    VehicleFactory(
        dealer=dealer, vin="1M8GDM9AXKP042788", make="Ford", model="Focus", year=2018, status=VehicleStatus.RESERVED
    )
    response = send(client_for(dealer), HEADER + MUSTANG.replace(",,", ",reserved,").replace(",\n", ",reserved\n"))
    assert response.status_code == 400
    assert response.json()["report"]["rows"][0]["errors"] == {
        "model": ["A reserved vehicle cannot become a different car."]
    }


def test_export_is_the_dealers_own_inventory_as_csv(client_for):
    dealer = DealerFactory()
    mine = VehicleFactory(dealer=dealer, description="=HYPERLINK(evil)")
    VehicleFactory()
    response = client_for(dealer).get("/api/v1/vehicles/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["id"], row["vin"], row["price"], row["description"]) for row in rows] == [
        (str(mine.pk), mine.vin, "18500.00", "'=HYPERLINK(evil)")
    ]
    record = AuditLog.objects.get(action="vehicle.export")
    assert (record.user, record.changes) == (dealer, {"format": "csv", "filters": {"dealer": dealer.pk}, "rows": 1})


def test_export_round_trips_through_import_unchanged(client_for):
    """Sold cars included: their rows are the cars as they are (a row of one was refused, and before that it
    listed the sold car again)."""
    dealer = DealerFactory()
    VehicleFactory(dealer=dealer)
    VehicleFactory(dealer=dealer, vin="1M8GDM9AXKP042788", status=VehicleStatus.SOLD)
    client = client_for(dealer)
    exported = b"".join(client.get("/api/v1/vehicles/export/").streaming_content).decode()
    response = send(client, exported)
    assert response.status_code == 200, response.json()
    assert (response.json()["unchanged"], response.json()["created"]) == (2, 0)
    assert Vehicle.objects.filter(dealer=dealer).count() == 2


def test_import_with_a_blank_status_keeps_a_reserved_cars_status(client_for):
    dealer = DealerFactory()
    reserved = VehicleFactory(
        dealer=dealer, vin="1M8GDM9AXKP042788", make="Ford", model="Mustang", year=2018, status=VehicleStatus.RESERVED
    )
    response = send(client_for(dealer), HEADER + MUSTANG)
    assert response.status_code == 200, response.json()
    reserved.refresh_from_db()
    assert (reserved.status, reserved.price) == (VehicleStatus.RESERVED, Decimal("30000.00"))


def test_import_refuses_rows_a_listing_cannot_have(client_for):
    dealer = DealerFactory()
    sold = CIVIC.replace(",available\n", ",sold\n")
    francs = MUSTANG.replace(",30000,usd,", ",16500000.50,XOF,")
    free = MUSTANG.replace(",30000,", ",0,")
    response = send(client_for(dealer), HEADER + sold + francs)
    assert response.status_code == 400
    assert [(row["row"], row["result"], row["errors"]) for row in response.json()["report"]["rows"]] == [
        (
            2,
            "rejected",
            {
                "status": [
                    "Reserved and sold follow the vehicle's deal: a deal reserves the car, its payment sells it and "
                    "its cancellation makes it available again."
                ]
            },
        ),
        (3, "rejected", {"price": ["16500000.50 has more decimals than XOF allows."]}),
    ]
    assert send(client_for(dealer), HEADER + free).json()["report"]["rows"][0]["errors"] == {
        "price": ["The amount must be positive."]
    }
    assert not Vehicle.objects.exists()
