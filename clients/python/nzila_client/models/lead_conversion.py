from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.conversion_factor import ConversionFactor


T = TypeVar("T", bound="LeadConversion")


@_attrs_define
class LeadConversion:
    """
    Attributes:
        probability (float): 0-1: the chance the lead ends in a deal.
        source (str): model: the active learned model (open leads); rule: the lead score's conversion_probability.
        model_version (int | None): The model's version; null for the rule.
        factors (list[ConversionFactor]): The model's top factors, largest first; none for the rule.
    """

    probability: float
    source: str
    model_version: int | None
    factors: list[ConversionFactor]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        probability = self.probability

        source = self.source

        model_version: int | None
        model_version = self.model_version

        factors = []
        for factors_item_data in self.factors:
            factors_item = factors_item_data.to_dict()
            factors.append(factors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "probability": probability,
                "source": source,
                "model_version": model_version,
                "factors": factors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.conversion_factor import ConversionFactor

        d = dict(src_dict)
        probability = d.pop("probability")

        source = d.pop("source")

        def _parse_model_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        model_version = _parse_model_version(d.pop("model_version"))

        factors = []
        _factors = d.pop("factors")
        for factors_item_data in _factors:
            factors_item = ConversionFactor.from_dict(factors_item_data)

            factors.append(factors_item)

        lead_conversion = cls(
            probability=probability,
            source=source,
            model_version=model_version,
            factors=factors,
        )

        lead_conversion.additional_properties = d
        return lead_conversion

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
