from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VehiclePriceChange")


@_attrs_define
class VehiclePriceChange:
    """A price the dealer set, with the one it replaced (null on the first) and both in CAD.

    Attributes:
        id (int):
        old_price (None | str):
        old_currency (str):
        new_price (str):
        new_currency (str):
        old_price_cad (None | str):
        new_price_cad (str):
        changed_at (datetime.datetime):
    """

    id: int
    old_price: None | str
    old_currency: str
    new_price: str
    new_currency: str
    old_price_cad: None | str
    new_price_cad: str
    changed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        old_price: None | str
        old_price = self.old_price

        old_currency = self.old_currency

        new_price = self.new_price

        new_currency = self.new_currency

        old_price_cad: None | str
        old_price_cad = self.old_price_cad

        new_price_cad = self.new_price_cad

        changed_at = self.changed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "old_price": old_price,
                "old_currency": old_currency,
                "new_price": new_price,
                "new_currency": new_currency,
                "old_price_cad": old_price_cad,
                "new_price_cad": new_price_cad,
                "changed_at": changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_old_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        old_price = _parse_old_price(d.pop("old_price"))

        old_currency = d.pop("old_currency")

        new_price = d.pop("new_price")

        new_currency = d.pop("new_currency")

        def _parse_old_price_cad(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        old_price_cad = _parse_old_price_cad(d.pop("old_price_cad"))

        new_price_cad = d.pop("new_price_cad")

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        vehicle_price_change = cls(
            id=id,
            old_price=old_price,
            old_currency=old_currency,
            new_price=new_price,
            new_currency=new_currency,
            old_price_cad=old_price_cad,
            new_price_cad=new_price_cad,
            changed_at=changed_at,
        )

        vehicle_price_change.additional_properties = d
        return vehicle_price_change

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
