"""Every non-trivial read of invoices: the tax rates of a day, who sees which invoice, and what was paid
on an invoice and what is left, always derived from the ledger and the credit notes, never stored."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from invoices.models import Invoice, InvoiceKind, TaxRate
from payments.selectors import deal_amount_paid


def tax_rates_in_force(*, regime: str, on: date) -> list[TaxRate]:
    return list(
        TaxRate.objects.filter(regime=regime, valid_from__lte=on)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .order_by("code")
    )


def invoice_list_for_user(*, user) -> QuerySet[Invoice]:
    """Staff see every invoice; a dealer, buyer or broker those of its deals, and never a draft unless it
    is the deal's dealer (a draft is the dealer's work in progress); a platform invoice's customer sees it."""
    invoices = Invoice.objects.select_related("deal", "invoice", "issued_by")
    if user.is_platform_staff:
        return invoices
    parties = Q(deal__buyer=user) | Q(deal__dealer=user) | Q(deal__broker=user) | Q(customer=user)
    return invoices.filter(parties).exclude(Q(status="draft") & ~Q(deal__dealer=user))


@dataclass(frozen=True)
class InvoiceBalance:
    total: Decimal
    credited: Decimal  # credit notes issued against the invoice
    paid: Decimal  # the deal's net payments in the ledger, in the invoice's currency
    balance: Decimal  # what is still due: total - credited - paid (negative: paid more)


def invoice_credited(*, invoice: Invoice) -> Decimal:
    credited = Invoice.objects.filter(invoice=invoice, kind=InvoiceKind.CREDIT_NOTE).aggregate(total=Sum("total"))
    return credited["total"] or Decimal(0)


def invoice_balance(*, invoice: Invoice) -> InvoiceBalance:
    """The deal's payments settle its one live invoice (both in the deal's currency). A refund is paid back
    and credited at once, so it leaves the balance as it was; a lost dispute takes money back uncredited."""
    credited = invoice_credited(invoice=invoice)
    paid = deal_amount_paid(deal=invoice.deal) if invoice.kind == InvoiceKind.INVOICE else Decimal(0)
    if invoice.kind == InvoiceKind.PLATFORM:  # issued once the provider collected it
        paid = invoice.total
    return InvoiceBalance(total=invoice.total, credited=credited, paid=paid, balance=invoice.total - credited - paid)
