import pytest

from accounts.tests.factories import StaffFactory
from shipments.tests.factories import ShipmentEventFactory, ShipmentFactory

pytestmark = pytest.mark.django_db


def test_staff_see_shipments_with_their_timeline(client, admin_login):
    admin_login(client, StaffFactory(is_superuser=True))
    event = ShipmentEventFactory(location="Port of Halifax")
    listing = client.get("/admin/shipments/shipment/", {"status__exact": "booked"})
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 1
    page = client.get(f"/admin/shipments/shipment/{event.shipment_id}/change/")
    assert page.status_code == 200
    assert b"Port of Halifax" in page.content
    assert client.get("/admin/shipments/shipment/add/").status_code == 403


def test_a_search_by_container_number(client, admin_login):
    admin_login(client, StaffFactory(is_superuser=True))
    ShipmentFactory()
    ShipmentFactory(is_roro=True, container_number="")
    assert client.get("/admin/shipments/shipment/", {"q": "CSQU3054383"}).context["cl"].result_count == 1
