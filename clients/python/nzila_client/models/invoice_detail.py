from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_kind_enum import InvoiceKindEnum
from ..models.invoice_status_enum import InvoiceStatusEnum
from ..models.tax_regime_enum import TaxRegimeEnum

if TYPE_CHECKING:
    from ..models.invoice_export_details import InvoiceExportDetails
    from ..models.invoice_line import InvoiceLine
    from ..models.invoice_party import InvoiceParty
    from ..models.invoice_tax import InvoiceTax


T = TypeVar("T", bound="InvoiceDetail")


@_attrs_define
class InvoiceDetail:
    """Everything the document says, its taxes in the caller's language, and what is paid and left on an
    invoice (derived from the ledger and the credit notes, never stored).

        Attributes:
            id (int):
            number (str):
            kind (InvoiceKindEnum): * `invoice` - Invoice
                * `credit_note` - Credit note
                * `receipt` - Receipt
                * `platform` - Platform invoice Default: InvoiceKindEnum.INVOICE.
            status (InvoiceStatusEnum): * `draft` - Draft
                * `issued` - Issued
                * `partially_paid` - Partially paid
                * `paid` - Paid
                * `overdue` - Overdue
                * `void` - Void Default: InvoiceStatusEnum.DRAFT.
            status_changed_at (datetime.datetime):
            deal (int | None):
            invoice (int | None): For a credit note or receipt: the invoice it is about.
            invoice_number (None | str): For a credit note or receipt: the number of the invoice it is about
            currency (str):
            language (str): The buyer's language: the PDF's language.
            subtotal (str):
            tax_total (str):
            total (str):
            due_on (datetime.date | None):
            issued_on (datetime.date | None):
            pdf_ready (bool): Whether the PDF is rendered: then ask pdf/ for a link
            created_at (datetime.datetime):
            tax_regime (TaxRegimeEnum): * `EXPORT` - Export (zero-rated)
                * `AB` - Alberta
                * `BC` - British Columbia
                * `MB` - Manitoba
                * `NB` - New Brunswick
                * `NL` - Newfoundland and Labrador
                * `NS` - Nova Scotia
                * `NT` - Northwest Territories
                * `NU` - Nunavut
                * `ON` - Ontario
                * `PE` - Prince Edward Island
                * `QC` - Quebec
                * `SK` - Saskatchewan
                * `YT` - Yukon
            seller (InvoiceParty): A party as the invoice prints it: taken when it is issued, so empty on a draft.
            buyer (InvoiceParty): A party as the invoice prints it: taken when it is issued, so empty on a draft.
            export_details (InvoiceExportDetails): What the commercial invoice declares: taken when it is issued, so empty
                on a draft.
            lines (list[InvoiceLine]):
            taxes (list[InvoiceTax]):
            paid (None | str): The deal's net payments; null on credit notes and receipts
            credited (None | str): Credit notes issued against it; null on the others
            balance (None | str): Still due: total - credited - paid; null on the others
            exchange_rate (None | str):
            exchange_rate_date (datetime.date | None):
            exchange_rate_source (str):
            reason (str): Why a credit note was issued
            issued_at (datetime.datetime | None):
            content_sha256 (str):
    """

    id: int
    number: str
    status_changed_at: datetime.datetime
    deal: int | None
    invoice: int | None
    invoice_number: None | str
    currency: str
    language: str
    subtotal: str
    tax_total: str
    total: str
    due_on: datetime.date | None
    issued_on: datetime.date | None
    pdf_ready: bool
    created_at: datetime.datetime
    tax_regime: TaxRegimeEnum
    seller: InvoiceParty
    buyer: InvoiceParty
    export_details: InvoiceExportDetails
    lines: list[InvoiceLine]
    taxes: list[InvoiceTax]
    paid: None | str
    credited: None | str
    balance: None | str
    exchange_rate: None | str
    exchange_rate_date: datetime.date | None
    exchange_rate_source: str
    reason: str
    issued_at: datetime.datetime | None
    content_sha256: str
    kind: InvoiceKindEnum = InvoiceKindEnum.INVOICE
    status: InvoiceStatusEnum = InvoiceStatusEnum.DRAFT
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        kind = self.kind.value

        status = self.status.value

        status_changed_at = self.status_changed_at.isoformat()

        deal: int | None
        deal = self.deal

        invoice: int | None
        invoice = self.invoice

        invoice_number: None | str
        invoice_number = self.invoice_number

        currency = self.currency

        language = self.language

        subtotal = self.subtotal

        tax_total = self.tax_total

        total = self.total

        due_on: None | str
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        issued_on: None | str
        if isinstance(self.issued_on, datetime.date):
            issued_on = self.issued_on.isoformat()
        else:
            issued_on = self.issued_on

        pdf_ready = self.pdf_ready

        created_at = self.created_at.isoformat()

        tax_regime = self.tax_regime.value

        seller = self.seller.to_dict()

        buyer = self.buyer.to_dict()

        export_details = self.export_details.to_dict()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        taxes = []
        for taxes_item_data in self.taxes:
            taxes_item = taxes_item_data.to_dict()
            taxes.append(taxes_item)

        paid: None | str
        paid = self.paid

        credited: None | str
        credited = self.credited

        balance: None | str
        balance = self.balance

        exchange_rate: None | str
        exchange_rate = self.exchange_rate

        exchange_rate_date: None | str
        if isinstance(self.exchange_rate_date, datetime.date):
            exchange_rate_date = self.exchange_rate_date.isoformat()
        else:
            exchange_rate_date = self.exchange_rate_date

        exchange_rate_source = self.exchange_rate_source

        reason = self.reason

        issued_at: None | str
        if isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        content_sha256 = self.content_sha256

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "kind": kind,
                "status": status,
                "status_changed_at": status_changed_at,
                "deal": deal,
                "invoice": invoice,
                "invoice_number": invoice_number,
                "currency": currency,
                "language": language,
                "subtotal": subtotal,
                "tax_total": tax_total,
                "total": total,
                "due_on": due_on,
                "issued_on": issued_on,
                "pdf_ready": pdf_ready,
                "created_at": created_at,
                "tax_regime": tax_regime,
                "seller": seller,
                "buyer": buyer,
                "export_details": export_details,
                "lines": lines,
                "taxes": taxes,
                "paid": paid,
                "credited": credited,
                "balance": balance,
                "exchange_rate": exchange_rate,
                "exchange_rate_date": exchange_rate_date,
                "exchange_rate_source": exchange_rate_source,
                "reason": reason,
                "issued_at": issued_at,
                "content_sha256": content_sha256,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.invoice_export_details import InvoiceExportDetails
        from ..models.invoice_line import InvoiceLine
        from ..models.invoice_party import InvoiceParty
        from ..models.invoice_tax import InvoiceTax

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        kind = InvoiceKindEnum(d.pop("kind"))

        status = InvoiceStatusEnum(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        def _parse_deal(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        deal = _parse_deal(d.pop("deal"))

        def _parse_invoice(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        invoice = _parse_invoice(d.pop("invoice"))

        def _parse_invoice_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invoice_number = _parse_invoice_number(d.pop("invoice_number"))

        currency = d.pop("currency")

        language = d.pop("language")

        subtotal = d.pop("subtotal")

        tax_total = d.pop("tax_total")

        total = d.pop("total")

        def _parse_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on = _parse_due_on(d.pop("due_on"))

        def _parse_issued_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_on_type_0 = datetime.date.fromisoformat(data)

                return issued_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        issued_on = _parse_issued_on(d.pop("issued_on"))

        pdf_ready = d.pop("pdf_ready")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        tax_regime = TaxRegimeEnum(d.pop("tax_regime"))

        seller = InvoiceParty.from_dict(d.pop("seller"))

        buyer = InvoiceParty.from_dict(d.pop("buyer"))

        export_details = InvoiceExportDetails.from_dict(d.pop("export_details"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = InvoiceLine.from_dict(lines_item_data)

            lines.append(lines_item)

        taxes = []
        _taxes = d.pop("taxes")
        for taxes_item_data in _taxes:
            taxes_item = InvoiceTax.from_dict(taxes_item_data)

            taxes.append(taxes_item)

        def _parse_paid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paid = _parse_paid(d.pop("paid"))

        def _parse_credited(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credited = _parse_credited(d.pop("credited"))

        def _parse_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        balance = _parse_balance(d.pop("balance"))

        def _parse_exchange_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        exchange_rate = _parse_exchange_rate(d.pop("exchange_rate"))

        def _parse_exchange_rate_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exchange_rate_date_type_0 = datetime.date.fromisoformat(data)

                return exchange_rate_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        exchange_rate_date = _parse_exchange_rate_date(d.pop("exchange_rate_date"))

        exchange_rate_source = d.pop("exchange_rate_source")

        reason = d.pop("reason")

        def _parse_issued_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)

                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        issued_at = _parse_issued_at(d.pop("issued_at"))

        content_sha256 = d.pop("content_sha256")

        invoice_detail = cls(
            id=id,
            number=number,
            kind=kind,
            status=status,
            status_changed_at=status_changed_at,
            deal=deal,
            invoice=invoice,
            invoice_number=invoice_number,
            currency=currency,
            language=language,
            subtotal=subtotal,
            tax_total=tax_total,
            total=total,
            due_on=due_on,
            issued_on=issued_on,
            pdf_ready=pdf_ready,
            created_at=created_at,
            tax_regime=tax_regime,
            seller=seller,
            buyer=buyer,
            export_details=export_details,
            lines=lines,
            taxes=taxes,
            paid=paid,
            credited=credited,
            balance=balance,
            exchange_rate=exchange_rate,
            exchange_rate_date=exchange_rate_date,
            exchange_rate_source=exchange_rate_source,
            reason=reason,
            issued_at=issued_at,
            content_sha256=content_sha256,
        )

        invoice_detail.additional_properties = d
        return invoice_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
