from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoiceTax")


@_attrs_define
class InvoiceTax:
    """Amounts are shown with exactly their currency's number of decimals: "100.13" CAD, "5000" XOF.

    Attributes:
        code (str):
        name (str): In the caller's language
        percent (str):
        legal_basis (str): In the caller's language
        taxable_amount (str):
        amount (str):
    """

    code: str
    name: str
    percent: str
    legal_basis: str
    taxable_amount: str
    amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        percent = self.percent

        legal_basis = self.legal_basis

        taxable_amount = self.taxable_amount

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "percent": percent,
                "legal_basis": legal_basis,
                "taxable_amount": taxable_amount,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        percent = d.pop("percent")

        legal_basis = d.pop("legal_basis")

        taxable_amount = d.pop("taxable_amount")

        amount = d.pop("amount")

        invoice_tax = cls(
            code=code,
            name=name,
            percent=percent,
            legal_basis=legal_basis,
            taxable_amount=taxable_amount,
            amount=amount,
        )

        invoice_tax.additional_properties = d
        return invoice_tax

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
