from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.demo import demo_users_seed
from accounts.models import User
from deals.models import DealStatus
from documents.demo import demo_documents_seed
from documents.models import Document
from documents.requirements import deal_documents_missing
from shipments.demo import demo_shipments_seed
from shipments.models import Shipment
from shipments.services import shipment_create
from shipments.tests.factories import DealFactory
from vehicles.tests.factories import VehicleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("destination_rules")]


def test_demo_deals_get_their_documents_and_shipments_once():
    demo_users_seed()
    dealer = User.objects.get(username="dealer_halifax")
    deals = {
        status: DealFactory(vehicle=VehicleFactory(dealer=dealer), status=status, destination_country="SN",
                            destination_port="SNDKR")
        for status in [DealStatus.PENDING_DOCUMENTS, DealStatus.PAID, DealStatus.IN_TRANSIT, DealStatus.DELIVERED]
    }  # fmt: skip
    assert demo_documents_seed() == "documents: 24 uploaded, 18 verified"
    assert demo_documents_seed() == "documents: 0 uploaded, 0 verified"
    assert deal_documents_missing(deal=deals[DealStatus.PENDING_DOCUMENTS], stage="before_payment") == [
        "bill_of_sale",
        "vehicle_title",
        "lien_search",
        "commercial_invoice",
    ]  # on file, waiting for review
    assert deal_documents_missing(deal=deals[DealStatus.IN_TRANSIT], stage="after_loading") == []
    assert Document.objects.filter(deal=deals[DealStatus.PENDING_DOCUMENTS]).count() == 4

    assert demo_shipments_seed() == "shipments: 3 booked"
    assert demo_shipments_seed() == "shipments: 0 booked"
    statuses = {
        deal_status: Shipment.objects.get(deal=deals[deal_status]).status
        for deal_status in deals
        if deal_status != DealStatus.PENDING_DOCUMENTS
    }
    assert statuses == {
        DealStatus.PAID: "at_origin_port",
        DealStatus.IN_TRANSIT: "in_transit",
        DealStatus.DELIVERED: "delivered",
    }


def test_a_booking_recorded_late_can_say_when_it_was_made():
    deal = DealFactory(status=DealStatus.PAID)
    now = timezone.now()
    shipment = shipment_create(
        deal=deal,
        user=deal.dealer,
        carrier="CMA CGM",
        booking_number="B1",
        is_roro=True,
        origin_port="CAMTR",
        etd=now + timedelta(days=1),
        eta=now + timedelta(days=20),
        booked_at=now - timedelta(days=9),
    )
    assert shipment.events.get().occurred_at == now - timedelta(days=9)
