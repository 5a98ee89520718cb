from decimal import Decimal

import pytest

from deals.models import Incoterm
from invoices.models import TaxRate
from invoices.services.drafting import invoice_draft_for_deal
from invoices.tax_rates import tax_rates_load
from payments.tests.factories import PayableDealFactory


@pytest.fixture(autouse=True)
def tax_rates(db):
    """The shipped tax rates: the migration loads them, but a transactional test elsewhere flushes them."""
    if not TaxRate.objects.exists():
        tax_rates_load(model=TaxRate)


@pytest.fixture
def payable_deal():
    """A CIF deal of CAD 18,000 to Abidjan waiting for payment, its buyer writing in French."""
    return PayableDealFactory(
        incoterm=Incoterm.CIF, agreed_price=Decimal("18000.00"), buyer__preferred_language="fr",
        buyer__company_name="Sahel Motors SARL", buyer__address="Rue du Commerce 12, Plateau, Abidjan",
        buyer__country="CI", vehicle__dealer__company_name="Harbour Auto Halifax",
    )  # fmt: skip


@pytest.fixture
def draft_invoice(payable_deal):
    """The draft the deal got when it opened (PayableDealFactory stores the deal without opening it)."""
    return invoice_draft_for_deal(deal=payable_deal)
