from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from audit.models import AuditLog
from deals.models import Incoterm
from deals.services import deal_create
from invoices.models import Invoice, InvoiceStatus, LineKind
from invoices.selectors import tax_rates_in_force
from invoices.services.drafting import LineInput, invoice_draft_update, invoice_totals_compute
from invoices.services.issuing import invoice_issue
from nzila_export.exceptions import DomainError
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db

CIF_LINES = [
    LineInput(LineKind.VEHICLE, "2019 Toyota RAV4", Decimal("15500.00")),
    LineInput(LineKind.INLAND_TRANSPORT, "Truck to Halifax", Decimal("450.00")),
    LineInput(LineKind.OCEAN_FREIGHT, "RoRo Halifax to Abidjan", Decimal("1600.00")),
    LineInput(LineKind.INSURANCE, "Marine insurance, 110 % CIF", Decimal("200.00")),
    LineInput(LineKind.DOCUMENTATION_FEE, "Export file", Decimal("150.00")),
    LineInput(LineKind.PLATFORM_FEE, "Nzila platform fee", Decimal("100.00")),
]


def test_opening_a_deal_drafts_its_invoice_in_the_buyers_language_and_currency(destination_rules):
    vehicle = VehicleFactory(year=2024, make="Toyota", model="RAV4")
    buyer = BuyerFactory(preferred_language="fr")

    deal = deal_create(
        vehicle=vehicle, buyer=buyer, created_by=vehicle.dealer, agreed_price=Decimal("18000.00"), currency="CAD",
        destination_country="CI", destination_port="CIABJ", incoterm=Incoterm.CIF,
    )  # fmt: skip

    invoice = Invoice.objects.get(deal=deal)
    assert (invoice.status, invoice.language, invoice.currency) == (InvoiceStatus.DRAFT, "fr", "CAD")
    line = invoice.lines.get()
    assert (line.kind, line.amount) == (LineKind.VEHICLE, Decimal("18000.000"))
    assert line.description == f"2024 Toyota RAV4, VIN {vehicle.vin}"
    assert invoice.number == ""
    assert invoice.total == Decimal("18000.000")


def test_staff_break_the_agreed_price_into_cif_lines(draft_invoice, admin_user):
    due_on = timezone.localdate() + timedelta(days=30)

    invoice = invoice_draft_update(invoice=draft_invoice, user=admin_user, lines=CIF_LINES, due_on=due_on)

    assert [line.kind for line in invoice.lines.all()] == [line.kind for line in CIF_LINES]
    assert (invoice.total, invoice.due_on) == (Decimal("18000.000"), due_on)
    assert AuditLog.objects.filter(action="invoice.update", object_id=str(invoice.pk)).exists()


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (CIF_LINES[1:], "exactly one vehicle line"),
        ([*CIF_LINES[:-1], LineInput(LineKind.PLATFORM_FEE, "Fee", Decimal("99.00"))], "add up to 17999.00"),
    ],
)
def test_lines_that_do_not_make_the_deals_invoice_are_refused_and_nothing_changes(
    draft_invoice, admin_user, lines, message
):
    with pytest.raises(DomainError) as refused:
        invoice_draft_update(invoice=draft_invoice, user=admin_user, lines=lines)

    assert refused.value.field == "lines"
    assert message in refused.value.message
    assert draft_invoice.lines.count() == 1


def test_freight_and_insurance_lines_are_refused_under_fob(draft_invoice, admin_user):
    deal = draft_invoice.deal
    deal.incoterm = Incoterm.FOB
    deal.save()

    with pytest.raises(DomainError) as refused:
        invoice_draft_update(invoice=draft_invoice, user=admin_user, lines=CIF_LINES)

    assert "FOB" in refused.value.message


def test_an_issued_invoice_cannot_be_edited(draft_invoice, admin_user):
    invoice_issue(invoice=draft_invoice, user=admin_user)

    with pytest.raises(DomainError) as refused:
        invoice_draft_update(invoice=draft_invoice, user=admin_user, due_on=timezone.localdate())

    assert refused.value.code == "invoice_not_editable"


def test_a_whole_franc_currency_refuses_centimes(admin_user):
    from invoices.services.drafting import invoice_draft_for_deal
    from payments.tests.factories import PayableDealFactory

    draft = invoice_draft_for_deal(deal=PayableDealFactory(currency="XOF", agreed_price=Decimal("9000000")))

    with pytest.raises(DomainError) as refused:
        invoice_draft_update(
            invoice=draft, user=admin_user, lines=[LineInput(LineKind.VEHICLE, "Car", Decimal("9000000.50"))]
        )
    assert "XOF" in refused.value.message


def test_a_domestic_supply_in_quebec_carries_gst_and_qst_and_nova_scotias_hst_follows_its_date(draft_invoice):
    draft_invoice.tax_regime = "QC"
    draft_invoice.save()

    invoice = invoice_totals_compute(invoice=draft_invoice, on=timezone.localdate())

    assert {tax.code: tax.amount for tax in invoice.taxes.all()} == {
        "GST": Decimal("900.000"), "QST": Decimal("1795.500"),
    }  # fmt: skip
    assert invoice.total == Decimal("20695.500")
    assert [rate.percent for rate in tax_rates_in_force(regime="NS", on=timezone.datetime(2025, 3, 31).date())] == [
        Decimal("15.000")
    ]
    assert [rate.percent for rate in tax_rates_in_force(regime="NS", on=timezone.datetime(2025, 4, 1).date())] == [
        Decimal("14.000")
    ]
