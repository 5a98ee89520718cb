import pytest
from django.core.management import call_command

from accounts.tests.factories import StaffFactory
from vehicles.models import Vehicle, VehicleStatus
from vehicles.tests.factories import VehicleFactory
from vehicles.validators import validate_vin

pytestmark = pytest.mark.django_db


def test_seed_demo_lists_realistic_vehicles_once():
    call_command("seed_demo")
    vehicles = Vehicle.objects.filter(dealer__username__in=["dealer_halifax", "dealer_montreal"])
    assert vehicles.count() == 300
    call_command("seed_demo")
    assert vehicles.count() == 300
    for vehicle in vehicles:
        validate_vin(vehicle.vin)
        assert 1_000 <= vehicle.price_cad <= 200_000
        assert vehicle.price_changes.count() == 1
    assert vehicles.filter(status=VehicleStatus.AVAILABLE).count() > 200
    assert set(vehicles.values_list("province", flat=True)) <= {"NS", "NB", "QC", "ON"}


def test_admin_lists_vehicles_and_archives_in_bulk(client):
    staff = StaffFactory(is_superuser=True)
    client.force_login(staff)
    available, sold = VehicleFactory(), VehicleFactory(status=VehicleStatus.SOLD)
    assert client.get("/admin/vehicles/vehicle/").status_code == 200
    assert client.get(f"/admin/vehicles/vehicle/{available.pk}/change/").status_code == 200
    response = client.post(
        "/admin/vehicles/vehicle/",
        {"action": "archive_selected", "_selected_action": [available.pk, sold.pk]},
    )
    assert response.status_code == 302
    available.refresh_from_db()
    sold.refresh_from_db()
    assert (available.status, sold.status) == (VehicleStatus.ARCHIVED, VehicleStatus.SOLD)
