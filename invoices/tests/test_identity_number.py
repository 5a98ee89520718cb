"""The buyer's identity number, encrypted at rest, printed in clear on its invoice and commercial invoice for
customs: the invoices are a service that decrypts it."""

from decimal import Decimal

import pytest

from deals.models import Incoterm
from invoices.services.pdf import invoice_html
from invoices.tests.test_pdf import issued_and_rendered, stored_text
from payments.tests.factories import PayableDealFactory

pytestmark = pytest.mark.django_db


def deal_of_buyer(**buyer):
    return PayableDealFactory(
        incoterm=Incoterm.CIF, agreed_price=Decimal("18000.00"), destination_country="GH", destination_port="GHTEM",
        buyer__preferred_language="en", buyer__company_name="Gold Coast Autos Ltd",
        buyer__address="14 Harbour Road, Tema", buyer__country="GH", vehicle__dealer__company_name="Harbour Auto",
        **{f"buyer__{name}": value for name, value in buyer.items()},
    )  # fmt: skip


def test_the_invoice_prints_the_buyers_identity_number_in_clear():
    invoice = issued_and_rendered(deal_of_buyer(identity_number="GHA-712345678-9"))

    printed = stored_text(invoice.pdf)
    assert "Gold Coast Autos Ltd 14 Harbour Road, Tema Ghana Identity number: GHA-712345678-9" in printed
    commercial = invoice_html(invoice=invoice, commercial=True)
    assert "Consignee" in commercial
    assert "Identity number: GHA-712345678-9" in commercial
    assert "712345678" not in str(invoice.buyer)  # not copied into the invoice's row, which is not encrypted


def test_an_invoice_without_an_identity_number_prints_no_line_for_it():
    invoice = issued_and_rendered(deal_of_buyer())

    assert "Identity number" not in stored_text(invoice.pdf)
