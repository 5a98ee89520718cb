from decimal import Decimal

import pytest
from django.core.management import call_command

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
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


def test_admin_lists_vehicles_and_archives_in_bulk(client, admin_login):
    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    available, sold = VehicleFactory(), VehicleFactory(status=VehicleStatus.SOLD)
    assert client.get("/admin/vehicles/vehicle/").status_code == 200
    assert client.get(f"/admin/vehicles/vehicle/{available.pk}/change/").status_code == 200
    # Archived, never erased: deals point at listings, and only the services tell the catalogue's cache.
    assert client.post(f"/admin/vehicles/vehicle/{available.pk}/delete/", {"post": "yes"}).status_code == 403
    response = client.post(
        "/admin/vehicles/vehicle/",
        {"action": "archive_selected", "_selected_action": [available.pk, sold.pk]},
    )
    assert response.status_code == 302
    available.refresh_from_db()
    sold.refresh_from_db()
    assert (available.status, sold.status) == (VehicleStatus.ARCHIVED, VehicleStatus.SOLD)


def admin_form_data(page, **values) -> dict:
    """What the admin page's form would post as shown, management forms included, with `values` changed."""
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management[name].html_name: management[name].value() for name in management.fields})
    return {**data, **values}


def test_staff_list_and_edit_vehicles_in_the_admin_through_the_services_audited_as_staff(client, admin_login):
    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    vehicle = VehicleFactory(price=Decimal("18500.00"))
    change = f"/admin/vehicles/vehicle/{vehicle.pk}/change/"
    assert client.post(change, admin_form_data(client.get(change), price="17250.00")).status_code == 302
    vehicle.refresh_from_db()
    assert vehicle.price == Decimal("17250.00")
    edit = AuditLog.objects.get(action="vehicle.update")
    assert (edit.user, edit.object_id, edit.changes) == (staff, str(vehicle.pk), {"price": ["18500.00", "17250.00"]})

    listed = admin_form_data(client.get(change), vin="1HGCM82633A004352", status="draft")
    assert client.post("/admin/vehicles/vehicle/add/", listed).status_code == 302
    created = AuditLog.objects.get(action="vehicle.create")
    assert (created.user, created.object_id) == (staff, str(Vehicle.objects.get(vin="1HGCM82633A004352").pk))


def test_a_listing_the_services_refuse_is_an_error_on_the_admin_page_not_a_500(client, settings, admin_login):
    admin_login(client, StaffFactory(is_superuser=True))
    full = VehicleFactory(status=VehicleStatus.AVAILABLE)  # a dealer on Starter: 10 listings on the market
    VehicleFactory.create_batch(9, dealer=full.dealer, status=VehicleStatus.AVAILABLE)
    change = f"/admin/vehicles/vehicle/{full.pk}/change/"
    listed = admin_form_data(client.get(change), vin="1HGCM82633A004352", status="available")

    refused = client.post("/admin/vehicles/vehicle/add/", listed, follow=True)

    assert refused.status_code == 200
    assert "allows 10 listings on the market at once" in refused.content.decode()
    assert not Vehicle.all_objects.filter(vin="1HGCM82633A004352").exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "sold"}, "Reserved and sold follow the vehicle"),
        ({"price": "5500000.50", "currency": "XOF"}, "5500000.50 has more decimals than XOF allows."),
        ({"price": "0"}, "The amount must be positive."),
    ],
)
def test_staff_cannot_add_what_the_services_refuse_in_the_admin(client, admin_login, fields, message):
    admin_login(client, StaffFactory(is_superuser=True))
    change = f"/admin/vehicles/vehicle/{VehicleFactory().pk}/change/"
    listed = admin_form_data(client.get(change), vin="1HGCM82633A004352", **{"status": "draft", **fields})

    refused = client.post("/admin/vehicles/vehicle/add/", listed, follow=True)

    assert refused.status_code == 200
    assert message in refused.content.decode()
    assert not Vehicle.all_objects.filter(vin="1HGCM82633A004352").exists()
