from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DealerPerformance")


@_attrs_define
class DealerPerformance:
    """
    Attributes:
        dealer (int):
        dealer_name (str):
        leads (int):
        answered (int):
        average_response_days (None | str): Average days to the first contact
        converted (int):
        conversion_rate (None | str): converted / leads; three decimals, null when nothing to divide
        deals_opened (int):
        deals_completed (int):
    """

    dealer: int
    dealer_name: str
    leads: int
    answered: int
    average_response_days: None | str
    converted: int
    conversion_rate: None | str
    deals_opened: int
    deals_completed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dealer = self.dealer

        dealer_name = self.dealer_name

        leads = self.leads

        answered = self.answered

        average_response_days: None | str
        average_response_days = self.average_response_days

        converted = self.converted

        conversion_rate: None | str
        conversion_rate = self.conversion_rate

        deals_opened = self.deals_opened

        deals_completed = self.deals_completed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dealer": dealer,
                "dealer_name": dealer_name,
                "leads": leads,
                "answered": answered,
                "average_response_days": average_response_days,
                "converted": converted,
                "conversion_rate": conversion_rate,
                "deals_opened": deals_opened,
                "deals_completed": deals_completed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dealer = d.pop("dealer")

        dealer_name = d.pop("dealer_name")

        leads = d.pop("leads")

        answered = d.pop("answered")

        def _parse_average_response_days(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        average_response_days = _parse_average_response_days(
            d.pop("average_response_days")
        )

        converted = d.pop("converted")

        def _parse_conversion_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        conversion_rate = _parse_conversion_rate(d.pop("conversion_rate"))

        deals_opened = d.pop("deals_opened")

        deals_completed = d.pop("deals_completed")

        dealer_performance = cls(
            dealer=dealer,
            dealer_name=dealer_name,
            leads=leads,
            answered=answered,
            average_response_days=average_response_days,
            converted=converted,
            conversion_rate=conversion_rate,
            deals_opened=deals_opened,
            deals_completed=deals_completed,
        )

        dealer_performance.additional_properties = d
        return dealer_performance

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
