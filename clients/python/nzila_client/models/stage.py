from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Stage")


@_attrs_define
class Stage:
    """
    Attributes:
        stage (str):
        reached (int): Deals of the period that reached this stage
        conversion (None | str): Share of the deals that reached the stage before; three decimals, null when nothing to
            divide
        left (int): Deals that moved on from it (or were cancelled in it)
        average_days (None | str): Average days in the stage of those that left it
    """

    stage: str
    reached: int
    conversion: None | str
    left: int
    average_days: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

        reached = self.reached

        conversion: None | str
        conversion = self.conversion

        left = self.left

        average_days: None | str
        average_days = self.average_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "reached": reached,
                "conversion": conversion,
                "left": left,
                "average_days": average_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        stage = d.pop("stage")

        reached = d.pop("reached")

        def _parse_conversion(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        conversion = _parse_conversion(d.pop("conversion"))

        left = d.pop("left")

        def _parse_average_days(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        average_days = _parse_average_days(d.pop("average_days"))

        stage = cls(
            stage=stage,
            reached=reached,
            conversion=conversion,
            left=left,
            average_days=average_days,
        )

        stage.additional_properties = d
        return stage

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
