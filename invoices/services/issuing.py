"""Issuing: a deal's dealer or staff issue its draft invoice; credit notes and receipts are issued the
moment they are made. Issuing takes the parties, the export details, the taxes and the exchange rate of
the day, takes the series' next number, seals the document into its chain, and, once the transaction
commits, renders the PDF and delivers it (invoices.tasks.invoice_publish)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from audit.services import audit_record
from currencies.conversion import convert, exchange_rate_on
from currencies.money import REFERENCE_CURRENCY
from deals.models import Deal, DealStatus
from invoices.models import Invoice, InvoiceStatus
from invoices.services.drafting import (
    LineInput,
    deal_invoice_lines_check,
    invoice_lines_replace,
    invoice_totals_compute,
)
from invoices.services.numbering import invoice_digest, number_take, previous_digest
from invoices.services.status import invoice_settle, invoice_status_set
from invoices.tasks import invoice_publish
from nzila_export.exceptions import Conflict, DomainError, Forbidden
from shipments.ports import port_of_loading_for
from vehicles.models import BodyType
from vehicles.validators import vin_country_of_origin

# Harmonized System headings (WCO; Canada's Customs Tariff, chapter 87): 8704 is motor vehicles for the
# transport of goods, which is what pickups and trucks are declared as; every other car is 8703.
HS_GOODS_VEHICLES = "8704"
HS_PASSENGER_CARS = "8703"
GOODS_BODY_TYPES = {BodyType.PICKUP, BodyType.TRUCK}


class InvoiceAlreadyIssued(Conflict):
    code = "invoice_already_issued"


def party_of(user: User) -> dict:
    """What an invoice prints about a party, as it stands today."""
    return {
        "name": user.company_name or user.get_full_name() or user.username,
        "business_number": user.business_number,
        "address": user.address,
        "country": str(user.country or ""),
        "email": user.email,
    }


def export_details_of(deal: Deal) -> dict:
    """What the commercial invoice declares: HS heading, country of origin, Incoterm and ports."""
    vehicle = deal.vehicle
    shipment = deal.shipments.order_by("-created_at").first()
    return {
        "hs_code": HS_GOODS_VEHICLES if vehicle.body_type in GOODS_BODY_TYPES else HS_PASSENGER_CARS,
        "country_of_origin": vin_country_of_origin(vehicle.vin),
        "incoterm": deal.incoterm,
        "port_of_loading": shipment.origin_port if shipment else port_of_loading_for(province=vehicle.province),
        "port_of_discharge": deal.destination_port,
        "destination_country": str(deal.destination_country),
    }


def _exchange_rate_fields(*, currency: str, on) -> dict:
    """The rate an invoice in another currency than CAD states: units per CAD, its date and its source."""
    if currency == REFERENCE_CURRENCY:
        return {"exchange_rate": None, "exchange_rate_date": None, "exchange_rate_source": ""}
    conversion = convert(amount=1, from_currency=REFERENCE_CURRENCY, to_currency=currency, on=on)
    rate = exchange_rate_on(currency=currency, on=on)
    return {
        "exchange_rate": conversion.rate,
        "exchange_rate_date": conversion.rate_date,
        "exchange_rate_source": rate.source if rate else "",
    }


def invoice_seal(*, document: Invoice, user: User | None) -> Invoice:
    """Number the document in its series, chain it to the previous one and store its hash. Call inside
    the issuing transaction, once everything the document prints is saved."""
    today = timezone.localdate()
    number = number_take(kind=document.kind, on=today)
    document.series, document.sequence_number, document.number = number.series, number.sequence_number, number.number
    document.issued_on, document.issued_at, document.issued_by = today, timezone.now(), user
    document.previous_sha256 = previous_digest(series=number.series, sequence_number=number.sequence_number)
    document.save()
    document.content_sha256 = invoice_digest(document)
    document.save(update_fields=["content_sha256", "updated_at"])
    return document


def invoice_publish_after_commit(document: Invoice) -> None:
    transaction.on_commit(lambda: invoice_publish.delay(document.pk))


@transaction.atomic
def invoice_issue(*, invoice: Invoice, user: User) -> Invoice:
    """Issue a deal's draft invoice (its dealer or staff): it becomes immutable, numbered and chained;
    payments already made settle it at once; the PDF, the commercial invoice and the delivery follow."""
    invoice = (
        Invoice.objects.select_for_update(of=("self",))
        .select_related("deal__vehicle", "deal__dealer", "deal__buyer")
        .get(pk=invoice.pk)
    )
    deal = invoice.deal
    if not (user.is_platform_staff or user.pk == deal.dealer_id):
        raise Forbidden(gettext("Only the deal's dealer or staff issue its invoice."))
    if invoice.status != InvoiceStatus.DRAFT:
        raise InvoiceAlreadyIssued(
            gettext("This invoice was already issued as %(number)s.") % {"number": invoice.number}
        )
    if deal.status == DealStatus.CANCELLED:
        raise Conflict(gettext("The deal is cancelled; its invoice cannot be issued."))
    lines = [LineInput(line.kind, line.description, line.unit_price, line.quantity) for line in invoice.lines.all()]
    deal_invoice_lines_check(deal=deal, lines=lines)
    today = timezone.localdate()
    due_on = invoice.due_on or today + timedelta(days=settings.INVOICE_PAYMENT_TERMS_DAYS)
    if due_on < today:
        raise DomainError(gettext("The due date has passed; set a new one before issuing."), field="due_on")
    invoice.seller, invoice.buyer = party_of(deal.dealer), party_of(deal.buyer)
    invoice.language, invoice.due_on = deal.buyer.preferred_language, due_on
    invoice.export_details = export_details_of(deal)
    for name, value in _exchange_rate_fields(currency=invoice.currency, on=today).items():
        setattr(invoice, name, value)
    invoice.save()
    invoice_totals_compute(invoice=invoice, on=today)
    invoice_seal(document=invoice, user=user)
    invoice_status_set(
        invoice=invoice, to=InvoiceStatus.ISSUED, action="invoice.issue", user=user,
        changes={"number": invoice.number, "total": str(invoice.total), "sha256": invoice.content_sha256},
    )  # fmt: skip
    invoice = invoice_settle(invoice=invoice)
    invoice_publish_after_commit(invoice)
    return invoice


def document_issue_now(
    *, kind: str, deal: Deal, currency: str, lines: list[LineInput], user: User | None = None, **references
) -> Invoice:
    """Make and issue a credit note or receipt at once (inside the caller's transaction): parties of
    today, the deal's invoice's tax regime, numbered and chained, then rendered and delivered."""
    invoice = references.get("invoice")
    document = Invoice.objects.create(
        kind=kind, deal=deal, status=InvoiceStatus.ISSUED, status_changed_at=timezone.now(),
        language=deal.buyer.preferred_language, currency=currency, seller=party_of(deal.dealer),
        buyer=party_of(deal.buyer), **({"tax_regime": invoice.tax_regime} if invoice else {}), **references,
    )  # fmt: skip
    invoice_lines_replace(invoice=document, lines=lines, on=timezone.localdate())
    invoice_seal(document=document, user=user)
    audit_record(
        action=f"invoice.{kind}",
        instance=document,
        user=user,
        changes={"number": document.number, "total": str(document.total), "invoice": invoice.number if invoice else ""},
    )
    invoice_publish_after_commit(document)
    return document
