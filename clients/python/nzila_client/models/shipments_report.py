from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.period import Period
    from ..models.route import Route


T = TypeVar("T", bound="ShipmentsReport")


@_attrs_define
class ShipmentsReport:
    """
    Attributes:
        period (Period):
        cached (bool): Answered from the cache
        routes (list[Route]):
    """

    period: Period
    cached: bool
    routes: list[Route]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        cached = self.cached

        routes = []
        for routes_item_data in self.routes:
            routes_item = routes_item_data.to_dict()
            routes.append(routes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "cached": cached,
                "routes": routes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.period import Period
        from ..models.route import Route

        d = dict(src_dict)
        period = Period.from_dict(d.pop("period"))

        cached = d.pop("cached")

        routes = []
        _routes = d.pop("routes")
        for routes_item_data in _routes:
            routes_item = Route.from_dict(routes_item_data)

            routes.append(routes_item)

        shipments_report = cls(
            period=period,
            cached=cached,
            routes=routes,
        )

        shipments_report.additional_properties = d
        return shipments_report

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
