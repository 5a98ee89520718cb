"""A deal runs from a buyer's inquiry to completion through the API, as its people would drive it:
documents uploaded and verified, paid through the sandbox gateway, shipped and tracked to delivery."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from deals.models import Deal
from documents.tests.samples import pdf_bytes
from leads.models import LeadStatus
from vehicles.models import VehicleStatus
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


def upload_and_verify(*, uploader, staff, deal, document_types):
    for document_type in document_types:
        upload = uploader.post(
            "/api/v1/documents/",
            {"deal": deal["id"], "document_type": document_type,
             "file": SimpleUploadedFile(f"{document_type}.pdf", pdf_bytes(), content_type="application/pdf")},
            format="multipart",
        )  # fmt: skip
        assert upload.status_code == 201, upload.json()
        review = staff.post(f"/api/v1/documents/{upload.json()['id']}/review/", {"decision": "verified", "note": ""})
        assert review.status_code == 200, review.json()


def in_days(days: int) -> str:
    return (timezone.now() + timedelta(days=days)).isoformat()


def test_a_deal_runs_from_an_inquiry_to_completed(client_for):
    vehicle = VehicleFactory(year=2023, price="21000.00")
    buyer = BuyerFactory(email="kouame@example.ci", country="CI", date_joined=timezone.now() - timedelta(days=120))
    dealer, staff = client_for(vehicle.dealer), client_for(StaffFactory())
    buyer_client = client_for(buyer)

    inquiry = buyer_client.post(
        "/api/v1/leads/",
        {"vehicle": vehicle.pk, "full_name": "Kouamé Yao", "email": "kouame@example.ci", "phone": "+2250701020304",
         "message": "Is it still available?", "destination_country": "CI", "source": "website"},
        format="json",
    )  # fmt: skip
    assert inquiry.status_code == 201, inquiry.json()
    lead_id = inquiry.json()["id"]
    assert dealer.patch(f"/api/v1/leads/{lead_id}/", {"status": "qualified"}, format="json").status_code == 200

    converted = dealer.post(
        f"/api/v1/leads/{lead_id}/convert/",
        {"agreed_price": "20000.00", "currency": "CAD", "destination_port": "CIABJ", "incoterm": "CIF"},
        format="json",
    )
    assert converted.status_code == 201, converted.json()
    deal = converted.json()

    def move(client, to, expected=200):
        response = client.post(f"/api/v1/deals/{deal['id']}/transition/", {"to": to}, format="json")
        assert response.status_code == expected, response.json()
        return response.json()

    move(dealer, "pending_documents")
    refused = move(dealer, "pending_payment", expected=400)
    before_payment = ["bill_of_sale", "vehicle_title", "lien_search", "commercial_invoice"]
    assert refused["detail"] == (
        "Documents due before payment are not verified yet: "
        "Bill of sale, Vehicle title (ownership), Lien search, Commercial invoice."
    )
    upload_and_verify(uploader=dealer, staff=staff, deal=deal, document_types=before_payment)
    move(dealer, "pending_payment")

    paid = buyer_client.post(
        "/api/v1/payments/",
        {"deal": deal["id"], "amount": "20000.00", "currency": "CAD", "method": "sandbox"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="journey-payment-1",
    )
    assert paid.status_code == 201, paid.json()
    assert buyer_client.get(f"/api/v1/deals/{deal['id']}/").json()["status"] == "paid"
    vehicle.refresh_from_db()
    assert vehicle.status == VehicleStatus.SOLD

    shipment = dealer.post(
        "/api/v1/shipments/",
        {"deal": deal["id"], "carrier": "Grimaldi", "vessel": "Grande Abidjan", "voyage": "GAB0426",
         "booking_number": "BK-2026-114", "is_roro": True, "origin_port": "CAHAL",
         "etd": in_days(2), "eta": in_days(20)},
        format="json",
    )  # fmt: skip
    assert shipment.status_code == 201, shipment.json()
    shipment_id = shipment.json()["id"]

    def shipment_event(status):
        occurred_at = timezone.now().isoformat()  # each event after the one before, as they happen
        response = dealer.post(
            f"/api/v1/shipments/{shipment_id}/events/",
            {"status": status, "location": "Halifax", "occurred_at": occurred_at},
            format="json",
        )
        assert response.status_code == 201, response.json()

    shipment_event("at_origin_port")
    shipment_event("departed")
    blocked = move(dealer, "in_transit", expected=400)
    assert "Export declaration (CBSA CERS)" in blocked["detail"]
    upload_and_verify(uploader=dealer, staff=staff, deal=deal,
                      document_types=["export_declaration", "bsc_cargo_tracking_note", "fdi_import_declaration",
                                      "ci_insurance_certificate"])  # fmt: skip
    move(dealer, "in_transit")
    for status in ["in_transit", "arrived", "customs_cleared", "delivered"]:
        shipment_event(status)
    assert buyer_client.get(f"/api/v1/deals/{deal['id']}/").json()["status"] == "delivered"

    completed = move(buyer_client, "completed")
    assert completed["status"] == "completed"
    timeline = [row["to_status"] for row in buyer_client.get(f"/api/v1/deals/{deal['id']}/timeline/").json()]
    assert timeline == ["draft", "pending_documents", "pending_payment", "paid", "in_transit", "delivered", "completed"]
    assert Deal.objects.get(pk=deal["id"]).lead.status == LeadStatus.CONVERTED
