from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Route")


@_attrs_define
class Route:
    """
    Attributes:
        origin_port (str):
        destination_port (str):
        shipments (int):
        on_time (int):
        late (int):
        overdue (int): Not arrived, ETA passed
        on_the_way (int): Not arrived, ETA to come
        on_time_rate (None | str): on_time / (arrived + overdue); three decimals, null when nothing to divide
    """

    origin_port: str
    destination_port: str
    shipments: int
    on_time: int
    late: int
    overdue: int
    on_the_way: int
    on_time_rate: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        origin_port = self.origin_port

        destination_port = self.destination_port

        shipments = self.shipments

        on_time = self.on_time

        late = self.late

        overdue = self.overdue

        on_the_way = self.on_the_way

        on_time_rate: None | str
        on_time_rate = self.on_time_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "origin_port": origin_port,
                "destination_port": destination_port,
                "shipments": shipments,
                "on_time": on_time,
                "late": late,
                "overdue": overdue,
                "on_the_way": on_the_way,
                "on_time_rate": on_time_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        origin_port = d.pop("origin_port")

        destination_port = d.pop("destination_port")

        shipments = d.pop("shipments")

        on_time = d.pop("on_time")

        late = d.pop("late")

        overdue = d.pop("overdue")

        on_the_way = d.pop("on_the_way")

        def _parse_on_time_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate"))

        route = cls(
            origin_port=origin_port,
            destination_port=destination_port,
            shipments=shipments,
            on_time=on_time,
            late=late,
            overdue=overdue,
            on_the_way=on_the_way,
            on_time_rate=on_time_rate,
        )

        route.additional_properties = d
        return route

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
