from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_line_kind_enum import InvoiceLineKindEnum

T = TypeVar("T", bound="InvoiceLine")


@_attrs_define
class InvoiceLine:
    """Amounts are shown with exactly their currency's number of decimals: "100.13" CAD, "5000" XOF.

    Attributes:
        position (int):
        kind (InvoiceLineKindEnum): * `vehicle` - Vehicle
            * `inland_transport` - Inland transport to the port
            * `ocean_freight` - Ocean freight
            * `insurance` - Marine insurance
            * `documentation_fee` - Documentation fee
            * `platform_fee` - Platform fee
            * `payment` - Payment received
            * `credit` - Credit
        description (str):
        quantity (str):
        unit_price (str):
        amount (str):
    """

    position: int
    kind: InvoiceLineKindEnum
    description: str
    quantity: str
    unit_price: str
    amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position = self.position

        kind = self.kind.value

        description = self.description

        quantity = self.quantity

        unit_price = self.unit_price

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position": position,
                "kind": kind,
                "description": description,
                "quantity": quantity,
                "unit_price": unit_price,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        position = d.pop("position")

        kind = InvoiceLineKindEnum(d.pop("kind"))

        description = d.pop("description")

        quantity = d.pop("quantity")

        unit_price = d.pop("unit_price")

        amount = d.pop("amount")

        invoice_line = cls(
            position=position,
            kind=kind,
            description=description,
            quantity=quantity,
            unit_price=unit_price,
            amount=amount,
        )

        invoice_line.additional_properties = d
        return invoice_line

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
