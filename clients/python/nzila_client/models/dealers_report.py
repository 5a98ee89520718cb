from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dealer_performance import DealerPerformance
    from ..models.period import Period


T = TypeVar("T", bound="DealersReport")


@_attrs_define
class DealersReport:
    """
    Attributes:
        period (Period):
        cached (bool): Answered from the cache
        dealers (list[DealerPerformance]):
    """

    period: Period
    cached: bool
    dealers: list[DealerPerformance]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        cached = self.cached

        dealers = []
        for dealers_item_data in self.dealers:
            dealers_item = dealers_item_data.to_dict()
            dealers.append(dealers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "cached": cached,
                "dealers": dealers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dealer_performance import DealerPerformance
        from ..models.period import Period

        d = dict(src_dict)
        period = Period.from_dict(d.pop("period"))

        cached = d.pop("cached")

        dealers = []
        _dealers = d.pop("dealers")
        for dealers_item_data in _dealers:
            dealers_item = DealerPerformance.from_dict(dealers_item_data)

            dealers.append(dealers_item)

        dealers_report = cls(
            period=period,
            cached=cached,
            dealers=dealers,
        )

        dealers_report.additional_properties = d
        return dealers_report

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
