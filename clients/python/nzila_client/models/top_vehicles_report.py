from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.period import Period
    from ..models.top_vehicle import TopVehicle


T = TypeVar("T", bound="TopVehiclesReport")


@_attrs_define
class TopVehiclesReport:
    """
    Attributes:
        period (Period):
        cached (bool): Answered from the cache
        limit (int):
        rows (list[TopVehicle]):
    """

    period: Period
    cached: bool
    limit: int
    rows: list[TopVehicle]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        cached = self.cached

        limit = self.limit

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "cached": cached,
                "limit": limit,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.period import Period
        from ..models.top_vehicle import TopVehicle

        d = dict(src_dict)
        period = Period.from_dict(d.pop("period"))

        cached = d.pop("cached")

        limit = d.pop("limit")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = TopVehicle.from_dict(rows_item_data)

            rows.append(rows_item)

        top_vehicles_report = cls(
            period=period,
            cached=cached,
            limit=limit,
            rows=rows,
        )

        top_vehicles_report.additional_properties = d
        return top_vehicles_report

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
