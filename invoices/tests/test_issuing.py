from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from audit.models import AuditLog
from invoices.models import InvoiceStatus
from invoices.services.issuing import invoice_issue
from invoices.services.numbering import invoice_chain_verify

pytestmark = pytest.mark.django_db


def test_issuing_numbers_seals_and_takes_the_parties_and_export_details(draft_invoice):
    deal = draft_invoice.deal
    invoice = invoice_issue(invoice=draft_invoice, user=deal.dealer)

    year = timezone.localdate().year
    assert invoice.number == f"NZ-{year}-000001"
    assert invoice.status == InvoiceStatus.ISSUED
    assert invoice.due_on == timezone.localdate() + timedelta(days=14)
    assert invoice.total == Decimal("18000.000")
    assert invoice.seller["name"] == "Harbour Auto Halifax"
    assert invoice.buyer == {
        "name": "Sahel Motors SARL", "business_number": "", "address": "Rue du Commerce 12, Plateau, Abidjan",
        "country": "CI", "email": deal.buyer.email,
    }  # fmt: skip
    assert invoice.export_details["hs_code"] == "8703"
    assert invoice.export_details["port_of_loading"] == "CAHAL"  # a Nova Scotia car
    assert invoice.export_details["port_of_discharge"] == "CIABJ"
    assert [tax.code for tax in invoice.taxes.all()] == ["ZERO"]
    assert len(invoice.content_sha256) == 64
    assert invoice.previous_sha256 == ""
    assert invoice_chain_verify().holds
    assert AuditLog.objects.filter(action="invoice.issue", object_id=str(invoice.pk)).exists()
