from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_code_enum import PlanCodeEnum

T = TypeVar("T", bound="Usage")


@_attrs_define
class Usage:
    """
    Attributes:
        dealer (int):
        plan (PlanCodeEnum): * `starter` - Starter
            * `professional` - Professional
            * `enterprise` - Enterprise
        listings (int): Listings on the market (available or reserved).
        listing_limit (int | None): null: unlimited.
        api_calls_this_hour (int): This clock hour's API requests (the rate limit's count).
        api_requests_per_hour (int):
        api_calls_this_month (int): API requests this calendar month (UTC).
        leads_this_month (int): Inquiries received this calendar month (UTC).
    """

    dealer: int
    plan: PlanCodeEnum
    listings: int
    listing_limit: int | None
    api_calls_this_hour: int
    api_requests_per_hour: int
    api_calls_this_month: int
    leads_this_month: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dealer = self.dealer

        plan = self.plan.value

        listings = self.listings

        listing_limit: int | None
        listing_limit = self.listing_limit

        api_calls_this_hour = self.api_calls_this_hour

        api_requests_per_hour = self.api_requests_per_hour

        api_calls_this_month = self.api_calls_this_month

        leads_this_month = self.leads_this_month

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dealer": dealer,
                "plan": plan,
                "listings": listings,
                "listing_limit": listing_limit,
                "api_calls_this_hour": api_calls_this_hour,
                "api_requests_per_hour": api_requests_per_hour,
                "api_calls_this_month": api_calls_this_month,
                "leads_this_month": leads_this_month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dealer = d.pop("dealer")

        plan = PlanCodeEnum(d.pop("plan"))

        listings = d.pop("listings")

        def _parse_listing_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        listing_limit = _parse_listing_limit(d.pop("listing_limit"))

        api_calls_this_hour = d.pop("api_calls_this_hour")

        api_requests_per_hour = d.pop("api_requests_per_hour")

        api_calls_this_month = d.pop("api_calls_this_month")

        leads_this_month = d.pop("leads_this_month")

        usage = cls(
            dealer=dealer,
            plan=plan,
            listings=listings,
            listing_limit=listing_limit,
            api_calls_this_hour=api_calls_this_hour,
            api_requests_per_hour=api_requests_per_hour,
            api_calls_this_month=api_calls_this_month,
            leads_this_month=leads_this_month,
        )

        usage.additional_properties = d
        return usage

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
