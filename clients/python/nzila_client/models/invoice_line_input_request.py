from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_line_kind_enum import InvoiceLineKindEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceLineInputRequest")


@_attrs_define
class InvoiceLineInputRequest:
    """
    Attributes:
        kind (InvoiceLineKindEnum): * `vehicle` - Vehicle
            * `inland_transport` - Inland transport to the port
            * `ocean_freight` - Ocean freight
            * `insurance` - Marine insurance
            * `documentation_fee` - Documentation fee
            * `platform_fee` - Platform fee
            * `payment` - Payment received
            * `credit` - Credit
        description (str):
        unit_price (str): In the invoice's currency, with at most its decimals (none for XOF)
        quantity (str | Unset):  Default: '1.000'.
    """

    kind: InvoiceLineKindEnum
    description: str
    unit_price: str
    quantity: str | Unset = "1.000"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        description = self.description

        unit_price = self.unit_price

        quantity = self.quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "description": description,
                "unit_price": unit_price,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = InvoiceLineKindEnum(d.pop("kind"))

        description = d.pop("description")

        unit_price = d.pop("unit_price")

        quantity = d.pop("quantity", UNSET)

        invoice_line_input_request = cls(
            kind=kind,
            description=description,
            unit_price=unit_price,
            quantity=quantity,
        )

        invoice_line_input_request.additional_properties = d
        return invoice_line_input_request

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
