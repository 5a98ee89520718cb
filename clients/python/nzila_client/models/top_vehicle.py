from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TopVehicle")


@_attrs_define
class TopVehicle:
    """
    Attributes:
        destination_country (str):
        destination_name (str):
        rank (int):
        make (str):
        model (str):
        deals (int):
    """

    destination_country: str
    destination_name: str
    rank: int
    make: str
    model: str
    deals: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        destination_country = self.destination_country

        destination_name = self.destination_name

        rank = self.rank

        make = self.make

        model = self.model

        deals = self.deals

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "destination_country": destination_country,
                "destination_name": destination_name,
                "rank": rank,
                "make": make,
                "model": model,
                "deals": deals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        destination_country = d.pop("destination_country")

        destination_name = d.pop("destination_name")

        rank = d.pop("rank")

        make = d.pop("make")

        model = d.pop("model")

        deals = d.pop("deals")

        top_vehicle = cls(
            destination_country=destination_country,
            destination_name=destination_name,
            rank=rank,
            make=make,
            model=model,
            deals=deals,
        )

        top_vehicle.additional_properties = d
        return top_vehicle

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
