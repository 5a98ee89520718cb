import io
import re
import zipfile

import pytest
from django.utils import timezone

from deals.models import DealStatus
from deals.tests.factories import DealFactory
from invoices.models import Invoice, InvoiceKind, InvoiceStatus
from payments.models import LedgerEntry, LedgerEntryKind, PaymentStatus
from payments.tests.factories import StripePaymentFactory


def zip_of(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def link_in(text: str) -> str:
    """The path of the first API link in a message."""
    return re.search(r"https?://[^/\s]+(/api/v1/\S+/)", text).group(1)


def invoice_of(deal, *, status: str = InvoiceStatus.PAID, number: str = "NZ-2026-000001") -> Invoice:
    """An issued invoice of the deal, as stored (issuing is invoices' to test)."""
    return Invoice.objects.create(
        kind=InvoiceKind.INVOICE, deal=deal, status=status, status_changed_at=timezone.now(), language="en",
        currency="CAD", total=deal.agreed_price, number=number, issued_on=timezone.localdate(),
        buyer={"name": deal.buyer.get_full_name(), "email": deal.buyer.email},
    )  # fmt: skip


@pytest.fixture
def completed_deal():
    """A completed, paid and invoiced deal: its buyer may delete its account; its records stay."""
    deal = DealFactory(status=DealStatus.COMPLETED, buyer__first_name="Awa", buyer__last_name="Kone",
                       buyer__phone="+2250701020304", buyer__address="Rue du Commerce 12, Abidjan")  # fmt: skip
    payment = StripePaymentFactory(deal=deal, payer=deal.buyer, created_by=deal.buyer, status=PaymentStatus.SUCCEEDED)
    LedgerEntry.objects.create(
        kind=LedgerEntryKind.CHARGE, payment=payment, deal=deal, amount=payment.amount, currency="CAD",
        deal_amount=payment.amount, deal_currency="CAD", amount_cad=payment.amount,
    )  # fmt: skip
    invoice_of(deal)
    return deal
