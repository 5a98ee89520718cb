"""Drafting an invoice: the draft a deal gets when it opens, the lines staff correct before it is issued,
and the taxes and totals that follow from the lines.

The lines of a deal's invoice break down the price the deal agreed (the Incoterm price): the vehicle,
inland transport, ocean freight and insurance under CIF, documentation and platform fees. They must add
up to the agreed price, because the deal's payments are measured against it: an invoice asking for
another sum could never be settled by them.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from audit.services import audit_record
from currencies.money import money_precision_refusal, money_round
from deals.models import CLOSED_STATUSES, Deal, Incoterm
from invoices.models import EXPORT_REGIME, Invoice, InvoiceKind, InvoiceLine, InvoiceStatus, InvoiceTax, LineKind
from invoices.selectors import tax_rates_in_force
from nzila_export.exceptions import Conflict, DomainError

CIF_ONLY_LINES = {LineKind.OCEAN_FREIGHT, LineKind.INSURANCE}
DEAL_INVOICE_LINES = [
    LineKind.VEHICLE, LineKind.INLAND_TRANSPORT, LineKind.OCEAN_FREIGHT, LineKind.INSURANCE,
    LineKind.DOCUMENTATION_FEE, LineKind.PLATFORM_FEE,
]  # fmt: skip


class InvoiceNotEditable(Conflict):
    code = "invoice_not_editable"


@dataclass(frozen=True)
class LineInput:
    kind: str
    description: str
    unit_price: Decimal
    quantity: Decimal = Decimal(1)


def vehicle_description(deal: Deal) -> str:
    vehicle = deal.vehicle
    return f"{vehicle.year} {vehicle.make} {vehicle.model}, VIN {vehicle.vin}"


def invoice_draft_for_deal(*, deal: Deal, user=None) -> Invoice:
    """The draft invoice of a newly opened deal: one vehicle line at the agreed price, in the deal's
    currency and the buyer's language, export zero-rated. Idempotent: a deal keeps its one live invoice."""
    existing = Invoice.objects.filter(deal=deal, kind=InvoiceKind.INVOICE).exclude(status=InvoiceStatus.VOID).first()
    if existing is not None:
        return existing
    invoice = Invoice.objects.create(
        kind=InvoiceKind.INVOICE, deal=deal, status=InvoiceStatus.DRAFT, status_changed_at=timezone.now(),
        language=deal.buyer.preferred_language, currency=deal.currency, tax_regime=EXPORT_REGIME,
    )  # fmt: skip
    invoice_lines_replace(
        invoice=invoice,
        lines=[LineInput(kind=LineKind.VEHICLE, description=vehicle_description(deal), unit_price=deal.agreed_price)],
        on=timezone.localdate(),
    )
    audit_record(
        action="invoice.draft", instance=invoice, user=user, changes={"deal": deal.pk, "total": str(invoice.total)}
    )
    return invoice


def invoice_lines_replace(*, invoice: Invoice, lines: list[LineInput], on: date) -> Invoice:
    """Write `lines` (in order) in place of the invoice's lines, then its taxes and totals as of `on`."""
    for line in lines:
        if refusal := money_precision_refusal(line.unit_price, invoice.currency):
            raise DomainError(refusal, field="lines")
    invoice.lines.all().delete()
    InvoiceLine.objects.bulk_create(
        InvoiceLine(
            invoice=invoice, position=position, kind=line.kind, description=line.description,
            quantity=line.quantity, unit_price=line.unit_price,
            amount=money_round(line.quantity * line.unit_price, invoice.currency),
        )
        for position, line in enumerate(lines, start=1)
    )  # fmt: skip
    return invoice_totals_compute(invoice=invoice, on=on)


def invoice_totals_compute(*, invoice: Invoice, on: date) -> Invoice:
    """Taxes of the invoice's regime in force on `on`, each on the subtotal, and the totals."""
    subtotal = sum((line.amount for line in invoice.lines.all()), Decimal(0))
    invoice.taxes.all().delete()
    taxes = [
        InvoiceTax(
            invoice=invoice, code=rate.code, name_en=rate.name_en, name_fr=rate.name_fr, percent=rate.percent,
            legal_basis_en=rate.legal_basis_en, legal_basis_fr=rate.legal_basis_fr, taxable_amount=subtotal,
            amount=money_round(subtotal * rate.percent / 100, invoice.currency),
        )
        for rate in tax_rates_in_force(regime=invoice.tax_regime, on=on)
    ]  # fmt: skip
    InvoiceTax.objects.bulk_create(taxes)
    invoice.subtotal = subtotal
    invoice.tax_total = sum((tax.amount for tax in taxes), Decimal(0))
    invoice.total = invoice.subtotal + invoice.tax_total
    invoice.save(update_fields=["subtotal", "tax_total", "total", "updated_at"])
    return invoice


@transaction.atomic
def invoice_draft_update(
    *, invoice: Invoice, user, lines: list[LineInput] | None = None, due_on: date | None = None
) -> Invoice:
    """Staff correct a draft: its lines (all of them, in order) and its due date. An issued invoice never
    changes: a correction is a credit note."""
    invoice = Invoice.objects.select_for_update(of=("self",)).select_related("deal__vehicle").get(pk=invoice.pk)
    if invoice.status != InvoiceStatus.DRAFT:
        raise InvoiceNotEditable(
            gettext("Invoice %(number)s is issued and cannot change; issue a credit note to correct it.")
            % {"number": invoice.number}
        )
    if invoice.deal.status in CLOSED_STATUSES:
        raise InvoiceNotEditable(gettext("The deal is closed; its invoice can no longer change."))
    changes = {}
    if due_on is not None:
        if due_on < timezone.localdate():
            raise DomainError(gettext("The due date cannot be in the past."), field="due_on")
        invoice.due_on = due_on
        invoice.save(update_fields=["due_on", "updated_at"])
        changes["due_on"] = due_on.isoformat()
    if lines is not None:
        deal_invoice_lines_check(deal=invoice.deal, lines=lines)
        invoice_lines_replace(invoice=invoice, lines=lines, on=timezone.localdate())
        changes["lines"] = [[line.kind, line.description, str(line.quantity), str(line.unit_price)] for line in lines]
        changes["total"] = str(invoice.total)
    audit_record(action="invoice.update", instance=invoice, user=user, changes=changes)
    return invoice


def deal_invoice_lines_check(*, deal: Deal, lines: list[LineInput]) -> None:
    """A deal's invoice has one vehicle line, freight and insurance only under CIF, and lines that add
    up to the agreed price."""
    if [line.kind for line in lines].count(LineKind.VEHICLE) != 1:
        raise DomainError(gettext("A deal's invoice has exactly one vehicle line."), field="lines")
    for line in lines:
        if line.kind not in DEAL_INVOICE_LINES:
            raise DomainError(
                gettext("A deal's invoice has no %(kind)s line.") % {"kind": LineKind(line.kind).label.lower()},
                field="lines",
            )
        if line.kind in CIF_ONLY_LINES and deal.incoterm != Incoterm.CIF:
            raise DomainError(
                gettext("Under %(incoterm)s the buyer arranges the freight and insurance: no %(kind)s line.")
                % {"incoterm": deal.incoterm, "kind": LineKind(line.kind).label.lower()},
                field="lines",
            )
        if line.unit_price < 0 or line.quantity <= 0:
            raise DomainError(gettext("Line amounts and quantities must be positive."), field="lines")
    total = sum((money_round(line.quantity * line.unit_price, deal.currency) for line in lines), Decimal(0))
    if total != deal.agreed_price:
        raise DomainError(
            gettext("The lines add up to %(total)s %(currency)s but the deal agreed %(price)s %(currency)s.")
            % {"total": total, "price": deal.agreed_price, "currency": deal.currency},
            field="lines",
        )
