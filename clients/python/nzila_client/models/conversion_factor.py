from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConversionFactor")


@_attrs_define
class ConversionFactor:
    """
    Attributes:
        feature (str): A stable code of the factor (price_vs_similar, dealer_answer, ...).
        label (str): What the factor is, in the caller's language.
        effect (float): How much this factor moves the probability for this lead against a typical lead (+ raises it).
    """

    feature: str
    label: str
    effect: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feature = self.feature

        label = self.label

        effect = self.effect

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feature": feature,
                "label": label,
                "effect": effect,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        feature = d.pop("feature")

        label = d.pop("label")

        effect = d.pop("effect")

        conversion_factor = cls(
            feature=feature,
            label=label,
            effect=effect,
        )

        conversion_factor.additional_properties = d
        return conversion_factor

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
