from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_enum import FeatureEnum

T = TypeVar("T", bound="PriceFactor")


@_attrs_define
class PriceFactor:
    """
    Attributes:
        feature (FeatureEnum): * `mileage_km` - mileage_km
            * `condition` - condition
            * `province` - province
            * `year` - year
            * `listed_days` - listed_days
        label (str): The feature's name, in the caller's language.
        value (str): The car's, for people.
        typical (str): What is typical of its comparables, for people.
        effect (str): CAD the car's price moves by from the typical value to the car's (negative: it lowers it).
    """

    feature: FeatureEnum
    label: str
    value: str
    typical: str
    effect: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feature = self.feature.value

        label = self.label

        value = self.value

        typical = self.typical

        effect = self.effect

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feature": feature,
                "label": label,
                "value": value,
                "typical": typical,
                "effect": effect,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        feature = FeatureEnum(d.pop("feature"))

        label = d.pop("label")

        value = d.pop("value")

        typical = d.pop("typical")

        effect = d.pop("effect")

        price_factor = cls(
            feature=feature,
            label=label,
            value=value,
            typical=typical,
            effect=effect,
        )

        price_factor.additional_properties = d
        return price_factor

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
