from decimal import Decimal

import pytest

from accounts.tests.factories import BuyerFactory
from documents.models import DocumentStatus
from documents.requirements import deal_checklist, deal_documents_missing
from documents.tests.factories import DealFactory, DocumentFactory
from vehicles.tests.factories import VehicleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("destination_rules")]

CANADIAN_BEFORE_PAYMENT = ["bill_of_sale", "vehicle_title", "lien_search", "commercial_invoice"]


def rows(deal):
    return [(item.document_type, item.stage, item.status) for item in deal_checklist(deal=deal)]


def test_a_cote_divoire_deal_needs_the_canadian_file_the_bsc_fdi_and_insurance():
    deal = DealFactory(destination_country="CI", agreed_price=Decimal("18000"))
    assert rows(deal) == [
        *[(document_type, "before_payment", "missing") for document_type in CANADIAN_BEFORE_PAYMENT],
        ("export_declaration", "before_departure", "missing"),
        ("bsc_cargo_tracking_note", "before_departure", "missing"),
        ("fdi_import_declaration", "before_departure", "missing"),
        ("ci_insurance_certificate", "before_departure", "missing"),
        ("bill_of_lading", "after_loading", "missing"),
    ]
    reasons = {item.document_type: item.reason for item in deal_checklist(deal=deal)}
    assert reasons["fdi_import_declaration"] == "Required by Côte d'Ivoire"
    assert reasons["export_declaration"] == "CBSA export declaration: goods worth CAD 18,000.00, CAD 2,000 or more"


def test_a_kenya_deal_needs_the_roadworthiness_certificate():
    deal = DealFactory(destination_country="KE", destination_port="KEMBA")
    assert [document_type for document_type, stage, _ in rows(deal) if stage == "before_departure"] == [
        "export_declaration",
        "roadworthiness_certificate_origin",
    ]


@pytest.mark.parametrize(
    ("price", "currency", "needed"),
    [
        ("1999.99", "CAD", False),
        ("2000.00", "CAD", True),
        ("800000", "XOF", False),  # 1,969.64 CAD at the test rates
        ("900000", "XOF", True),  # 2,215.85 CAD
        ("1500", "USD", True),  # 2,092.50 CAD
    ],
)
@pytest.mark.usefixtures("todays_rates")
def test_the_export_declaration_is_needed_from_cad_2000(price, currency, needed):
    deal = DealFactory(agreed_price=Decimal(price), currency=currency, destination_country="ML")
    assert ("export_declaration" in [row[0] for row in rows(deal)]) is needed


def test_a_currency_with_no_rate_falls_back_to_the_listing_price_in_cad():
    cheap = DealFactory(
        vehicle=VehicleFactory(price=Decimal("1500"), price_cad=Decimal("1500")),
        agreed_price=Decimal("100000"),
        currency="JPY",
    )
    assert "export_declaration" not in [row[0] for row in rows(cheap)]


def test_the_status_is_the_verified_copy_else_the_newest():
    deal = DealFactory(buyer=BuyerFactory())
    DocumentFactory(deal=deal, document_type="bill_of_sale", status=DocumentStatus.REJECTED)
    DocumentFactory(deal=deal, document_type="bill_of_sale", status=DocumentStatus.PENDING_REVIEW)
    verified = DocumentFactory(deal=deal, document_type="vehicle_title", status=DocumentStatus.VERIFIED)
    DocumentFactory(deal=deal, document_type="vehicle_title", status=DocumentStatus.REJECTED)
    items = {item.document_type: item for item in deal_checklist(deal=deal)}
    assert items["bill_of_sale"].status == "pending_review"
    assert (items["vehicle_title"].status, items["vehicle_title"].document_id) == ("verified", verified.pk)


def test_missing_documents_by_stage_include_the_earlier_stages():
    deal = DealFactory(destination_country="SN", destination_port="SNDKR")
    for document_type in ["bill_of_sale", "vehicle_title", "lien_search"]:
        DocumentFactory(deal=deal, document_type=document_type, status=DocumentStatus.VERIFIED)
    DocumentFactory(deal=deal, document_type="commercial_invoice", status=DocumentStatus.PENDING_REVIEW)
    assert deal_documents_missing(deal=deal, stage="before_payment") == ["commercial_invoice"]
    assert deal_documents_missing(deal=deal, stage="before_departure") == [
        "commercial_invoice",
        "export_declaration",
        "bsc_cargo_tracking_note",
    ]
    assert deal_documents_missing(deal=deal, stage="after_loading")[-1] == "bill_of_lading"
    with pytest.raises(ValueError, match="Unknown document stage"):
        deal_documents_missing(deal=deal, stage="whenever")


def test_the_checklist_endpoint_is_for_the_deals_parties(client_for):
    deal = DealFactory()
    DocumentFactory(deal=deal, document_type="lien_search", status=DocumentStatus.VERIFIED)
    response = client_for(deal.buyer).get(f"/api/v1/deals/{deal.pk}/checklist/")
    assert response.status_code == 200
    body = response.json()
    assert body["deal"] == deal.pk
    lien = next(item for item in body["items"] if item["document_type"] == "lien_search")
    assert lien == {
        "document_type": "lien_search",
        "label": "Lien search",
        "stage": "before_payment",
        "reason": "Canadian side of every export",
        "status": "verified",
        "document_id": lien["document_id"],
    }
    assert client_for(BuyerFactory()).get(f"/api/v1/deals/{deal.pk}/checklist/").status_code == 404
