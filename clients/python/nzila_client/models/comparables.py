from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.level_enum import LevelEnum

T = TypeVar("T", bound="Comparables")


@_attrs_define
class Comparables:
    """
    Attributes:
        level (LevelEnum): * `make_model_year` - make_model_year
            * `make` - make
            * `all` - all
        count (int): How many published listings, the car's own left out.
        low (float | None): Their 10th percentile of price in CAD.
        median (float | None): Their median price in CAD.
        high (float | None): Their 90th percentile of price in CAD.
    """

    level: LevelEnum
    count: int
    low: float | None
    median: float | None
    high: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        level = self.level.value

        count = self.count

        low: float | None
        low = self.low

        median: float | None
        median = self.median

        high: float | None
        high = self.high

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "level": level,
                "count": count,
                "low": low,
                "median": median,
                "high": high,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        level = LevelEnum(d.pop("level"))

        count = d.pop("count")

        def _parse_low(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        low = _parse_low(d.pop("low"))

        def _parse_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median = _parse_median(d.pop("median"))

        def _parse_high(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        high = _parse_high(d.pop("high"))

        comparables = cls(
            level=level,
            count=count,
            low=low,
            median=median,
            high=high,
        )

        comparables.additional_properties = d
        return comparables

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
