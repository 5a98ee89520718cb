from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionInvoice")


@_attrs_define
class SubscriptionInvoice:
    """A period of a dealer's plan as charged, with the platform invoice that records it.

    Attributes:
        provider_reference (str):
        plan (str):
        amount (str):
        currency (str):
        paid_at (datetime.datetime):
        invoice (int | None): The platform invoice's id.
        period_start (datetime.datetime | None | Unset):
        period_end (datetime.datetime | None | Unset):
        invoice_number (None | str | Unset):  Default: ''.
    """

    provider_reference: str
    plan: str
    amount: str
    currency: str
    paid_at: datetime.datetime
    invoice: int | None
    period_start: datetime.datetime | None | Unset = UNSET
    period_end: datetime.datetime | None | Unset = UNSET
    invoice_number: None | str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_reference = self.provider_reference

        plan = self.plan

        amount = self.amount

        currency = self.currency

        paid_at = self.paid_at.isoformat()

        invoice: int | None
        invoice = self.invoice

        period_start: None | str | Unset
        if isinstance(self.period_start, Unset):
            period_start = UNSET
        elif isinstance(self.period_start, datetime.datetime):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        period_end: None | str | Unset
        if isinstance(self.period_end, Unset):
            period_end = UNSET
        elif isinstance(self.period_end, datetime.datetime):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        invoice_number: None | str | Unset
        if isinstance(self.invoice_number, Unset):
            invoice_number = UNSET
        else:
            invoice_number = self.invoice_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider_reference": provider_reference,
                "plan": plan,
                "amount": amount,
                "currency": currency,
                "paid_at": paid_at,
                "invoice": invoice,
            }
        )
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if invoice_number is not UNSET:
            field_dict["invoice_number"] = invoice_number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        provider_reference = d.pop("provider_reference")

        plan = d.pop("plan")

        amount = d.pop("amount")

        currency = d.pop("currency")

        paid_at = datetime.datetime.fromisoformat(d.pop("paid_at"))

        def _parse_invoice(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        invoice = _parse_invoice(d.pop("invoice"))

        def _parse_period_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.datetime.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        period_start = _parse_period_start(d.pop("period_start", UNSET))

        def _parse_period_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.datetime.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        period_end = _parse_period_end(d.pop("period_end", UNSET))

        def _parse_invoice_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_number = _parse_invoice_number(d.pop("invoice_number", UNSET))

        subscription_invoice = cls(
            provider_reference=provider_reference,
            plan=plan,
            amount=amount,
            currency=currency,
            paid_at=paid_at,
            invoice=invoice,
            period_start=period_start,
            period_end=period_end,
            invoice_number=invoice_number,
        )

        subscription_invoice.additional_properties = d
        return subscription_invoice

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
