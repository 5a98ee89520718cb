"""Platform invoices: what the platform itself sells to a customer (a dealer's plan, each period), with no
deal. Issued at once and paid at once (the provider collected the money before it is called), numbered in
their own series (NZP-2026-000001), chained, rendered and delivered to the customer like every other
document.

The amount is what the provider collected, printed as one line; no tax is added on top of it (an amount
charged must be the amount invoiced), so the invoice carries no tax lines: sales taxes on subscriptions
are to be collected by the provider (Stripe Tax) before they can be printed here.
"""

from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from currencies.money import money_round
from invoices.models import EXPORT_REGIME, Invoice, InvoiceKind, InvoiceLine, InvoiceStatus, LineKind
from invoices.services.issuing import invoice_publish_after_commit, invoice_seal, party_of
from invoices.services.pdf import company_details
from invoices.services.status import invoice_status_set


def platform_invoice_issue(
    *, customer: User, currency: str, amount: Decimal, description: str, reference: str, user: User | None = None
) -> Invoice:
    """Issue, inside the caller's transaction, a paid platform invoice of one line (`description`, `amount`
    in `currency`) to `customer`; `reference` is the provider's (its invoice id), kept in the audit record.
    The PDF and the delivery follow the commit."""
    amount = money_round(amount, currency)
    invoice = Invoice.objects.create(
        kind=InvoiceKind.PLATFORM, customer=customer, status=InvoiceStatus.ISSUED, status_changed_at=timezone.now(),
        language=customer.preferred_language, currency=currency, tax_regime=EXPORT_REGIME,
        seller={**company_details(), "country": "CA"}, buyer=party_of(customer),
        subtotal=amount, tax_total=Decimal(0), total=amount,
    )  # fmt: skip
    InvoiceLine.objects.create(
        invoice=invoice, position=1, kind=LineKind.PLATFORM_FEE, description=description[:255],
        quantity=Decimal(1), unit_price=amount, amount=amount,
    )  # fmt: skip
    invoice_seal(document=invoice, user=user)
    audit_record(
        action="invoice.platform", instance=invoice, user=user,
        changes={
            "number": invoice.number, "total": str(invoice.total), "customer": customer.pk, "reference": reference,
        },
    )  # fmt: skip
    invoice_status_set(invoice=invoice, to=InvoiceStatus.PAID, action="invoice.settle", user=user,
                       changes={"reference": reference})  # fmt: skip
    invoice_publish_after_commit(invoice)
    return invoice
