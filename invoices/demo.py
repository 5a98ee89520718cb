"""Demo invoices for `seed_demo`: every demo deal has its draft (drafted when it opened); the dealer of
the deal furthest along issues its invoice, so that a new developer finds an issued invoice, its PDF
(once the worker has run) and its commercial invoice among the deal's documents. Idempotent."""

from django.db import transaction

from deals.models import DealStatus
from invoices.models import Invoice, InvoiceKind, InvoiceStatus
from invoices.services.issuing import invoice_issue
from vehicles.demo import DEMO_DEALERS


@transaction.atomic
def demo_invoices_seed() -> str:
    demo_invoices = Invoice.objects.filter(kind=InvoiceKind.INVOICE, deal__dealer__username__in=DEMO_DEALERS)
    if not demo_invoices.exclude(status=InvoiceStatus.DRAFT).exists():
        draft = (
            demo_invoices.filter(status=InvoiceStatus.DRAFT, deal__status=DealStatus.PENDING_DOCUMENTS)
            .select_related("deal__dealer")
            .first()
        )
        if draft is not None:
            invoice_issue(invoice=draft, user=draft.deal.dealer)
    issued = demo_invoices.exclude(status=InvoiceStatus.DRAFT).count()
    return f"{demo_invoices.count()} demo invoices ({issued} issued)"
