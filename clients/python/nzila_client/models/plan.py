from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.features_enum import FeaturesEnum
from ..models.plan_code_enum import PlanCodeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="Plan")


@_attrs_define
class Plan:
    """A dealer plan: its monthly price, limits and features.

    Attributes:
        code (PlanCodeEnum): * `starter` - Starter
            * `professional` - Professional
            * `enterprise` - Enterprise
        name (str): The plan's name in the caller's language.
        price_per_month (str):
        listing_limit (int | None): Listings on the market at once (available or reserved); null: unlimited.
        api_requests_per_hour (int):
        features (list[FeaturesEnum]): The features the plan includes.
        currency (str | Unset):
    """

    code: PlanCodeEnum
    name: str
    price_per_month: str
    listing_limit: int | None
    api_requests_per_hour: int
    features: list[FeaturesEnum]
    currency: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        name = self.name

        price_per_month = self.price_per_month

        listing_limit: int | None
        listing_limit = self.listing_limit

        api_requests_per_hour = self.api_requests_per_hour

        features = []
        for features_item_data in self.features:
            features_item = features_item_data.value
            features.append(features_item)

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "price_per_month": price_per_month,
                "listing_limit": listing_limit,
                "api_requests_per_hour": api_requests_per_hour,
                "features": features,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = PlanCodeEnum(d.pop("code"))

        name = d.pop("name")

        price_per_month = d.pop("price_per_month")

        def _parse_listing_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        listing_limit = _parse_listing_limit(d.pop("listing_limit"))

        api_requests_per_hour = d.pop("api_requests_per_hour")

        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = FeaturesEnum(features_item_data)

            features.append(features_item)

        currency = d.pop("currency", UNSET)

        plan = cls(
            code=code,
            name=name,
            price_per_month=price_per_month,
            listing_limit=listing_limit,
            api_requests_per_hour=api_requests_per_hour,
            features=features,
            currency=currency,
        )

        plan.additional_properties = d
        return plan

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
