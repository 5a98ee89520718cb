"""The deal's moves that documents and shipments gate, driven through the API as the parties would."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.tests.factories import StaffFactory
from deals.models import DealStatus
from documents.models import DocumentStatus
from documents.tests.factories import DocumentFactory
from documents.tests.samples import pdf_bytes
from shipments.tests.factories import DealFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("destination_rules")]


def move(client, deal, to):
    return client.post(f"/api/v1/deals/{deal.pk}/transition/", {"to": to})


def test_documents_verified_open_the_way_to_payment(client_for):
    deal = DealFactory(status=DealStatus.PENDING_DOCUMENTS)
    dealer, staff = client_for(deal.dealer), client_for(StaffFactory())
    refused = move(dealer, deal, "pending_payment")
    assert refused.status_code == 400
    assert refused.json()["detail"] == (
        "Documents due before payment are not verified yet: "
        "Bill of sale, Vehicle title (ownership), Lien search, Commercial invoice."
    )
    for document_type in ["bill_of_sale", "vehicle_title", "lien_search", "commercial_invoice"]:
        uploaded = dealer.post(
            "/api/v1/documents/",
            {
                "deal": deal.pk,
                "document_type": document_type,
                "file": SimpleUploadedFile(f"{document_type}.pdf", pdf_bytes()),
            },
            format="multipart",
        )
        assert uploaded.status_code == 201
        staff.post(f"/api/v1/documents/{uploaded.json()['id']}/review/", {"decision": "verified"})
    assert move(dealer, deal, "pending_payment").status_code == 200


def test_a_departed_shipment_and_departure_documents_open_the_way_to_transit_and_delivery_follows(client_for):
    deal = DealFactory(status=DealStatus.PAID, destination_country="SN", destination_port="SNDKR")
    for document_type in ["bill_of_sale", "vehicle_title", "lien_search", "commercial_invoice", "export_declaration"]:
        DocumentFactory(deal=deal, document_type=document_type, status=DocumentStatus.VERIFIED)
    dealer = client_for(deal.dealer)
    now = timezone.now()
    booked = dealer.post(
        "/api/v1/shipments/",
        {
            "deal": deal.pk,
            "carrier": "Grimaldi",
            "booking_number": "HFX-1",
            "is_roro": True,
            "origin_port": "CAHAL",
            "etd": (now - timedelta(days=3)).isoformat(),
            "eta": (now + timedelta(days=10)).isoformat(),
        },
    )
    assert booked.status_code == 201, booked.json()
    shipment_id = booked.json()["id"]
    assert booked.json()["destination_port"] == "SNDKR"

    refused = move(dealer, deal, "in_transit")
    assert refused.status_code == 400
    assert refused.json()["detail"] == (
        "No shipment of this deal has departed yet. "
        "Documents due before departure are not verified yet: BSC cargo tracking note."
    )
    DocumentFactory(deal=deal, document_type="bsc_cargo_tracking_note", status=DocumentStatus.VERIFIED)

    def event(status, hours_ago):
        at = (now - timedelta(hours=hours_ago)).isoformat()
        response = dealer.post(f"/api/v1/shipments/{shipment_id}/events/", {"status": status, "occurred_at": at})
        assert response.status_code == 201, response.json()

    event("departed", 40)
    assert move(dealer, deal, "in_transit").status_code == 200
    event("arrived", 3)
    event("customs_cleared", 2)
    event("delivered", 1)
    deal.refresh_from_db()
    assert deal.status == DealStatus.DELIVERED
