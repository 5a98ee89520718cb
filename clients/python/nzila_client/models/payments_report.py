from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.country_success import CountrySuccess
    from ..models.period import Period
    from ..models.rail_success import RailSuccess


T = TypeVar("T", bound="PaymentsReport")


@_attrs_define
class PaymentsReport:
    """
    Attributes:
        period (Period):
        cached (bool): Answered from the cache
        by_rail (list[RailSuccess]):
        by_country (list[CountrySuccess]):
    """

    period: Period
    cached: bool
    by_rail: list[RailSuccess]
    by_country: list[CountrySuccess]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        cached = self.cached

        by_rail = []
        for by_rail_item_data in self.by_rail:
            by_rail_item = by_rail_item_data.to_dict()
            by_rail.append(by_rail_item)

        by_country = []
        for by_country_item_data in self.by_country:
            by_country_item = by_country_item_data.to_dict()
            by_country.append(by_country_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "cached": cached,
                "by_rail": by_rail,
                "by_country": by_country,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.country_success import CountrySuccess
        from ..models.period import Period
        from ..models.rail_success import RailSuccess

        d = dict(src_dict)
        period = Period.from_dict(d.pop("period"))

        cached = d.pop("cached")

        by_rail = []
        _by_rail = d.pop("by_rail")
        for by_rail_item_data in _by_rail:
            by_rail_item = RailSuccess.from_dict(by_rail_item_data)

            by_rail.append(by_rail_item)

        by_country = []
        _by_country = d.pop("by_country")
        for by_country_item_data in _by_country:
            by_country_item = CountrySuccess.from_dict(by_country_item_data)

            by_country.append(by_country_item)

        payments_report = cls(
            period=period,
            cached=cached,
            by_rail=by_rail,
            by_country=by_country,
        )

        payments_report.additional_properties = d
        return payments_report

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
