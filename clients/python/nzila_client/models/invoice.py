from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_kind_enum import InvoiceKindEnum
from ..models.invoice_status_enum import InvoiceStatusEnum

T = TypeVar("T", bound="Invoice")


@_attrs_define
class Invoice:
    """An invoice, credit note or receipt as the list shows it.

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
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        invoice = cls(
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
        )

        invoice.additional_properties = d
        return invoice

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
