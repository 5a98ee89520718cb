from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MarketDemand")


@_attrs_define
class MarketDemand:
    """
    Attributes:
        days (int): The window, ending now.
        listings (int): Listings of the make and model on the market in the window.
        views (int): Their detail views in the window.
        inquiries (int): Their inquiries (leads) in the window.
        views_per_listing (float):
        inquiries_per_listing (float):
    """

    days: int
    listings: int
    views: int
    inquiries: int
    views_per_listing: float
    inquiries_per_listing: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        days = self.days

        listings = self.listings

        views = self.views

        inquiries = self.inquiries

        views_per_listing = self.views_per_listing

        inquiries_per_listing = self.inquiries_per_listing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "days": days,
                "listings": listings,
                "views": views,
                "inquiries": inquiries,
                "views_per_listing": views_per_listing,
                "inquiries_per_listing": inquiries_per_listing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        days = d.pop("days")

        listings = d.pop("listings")

        views = d.pop("views")

        inquiries = d.pop("inquiries")

        views_per_listing = d.pop("views_per_listing")

        inquiries_per_listing = d.pop("inquiries_per_listing")

        market_demand = cls(
            days=days,
            listings=listings,
            views=views,
            inquiries=inquiries,
            views_per_listing=views_per_listing,
            inquiries_per_listing=inquiries_per_listing,
        )

        market_demand.additional_properties = d
        return market_demand

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
