from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelineLeadConversion")


@_attrs_define
class PipelineLeadConversion:
    """
    Attributes:
        leads (int):
        converted (int):
        rate (None | str): converted / leads; three decimals, null when nothing to divide
    """

    leads: int
    converted: int
    rate: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        leads = self.leads

        converted = self.converted

        rate: None | str
        rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "leads": leads,
                "converted": converted,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        leads = d.pop("leads")

        converted = d.pop("converted")

        def _parse_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rate = _parse_rate(d.pop("rate"))

        pipeline_lead_conversion = cls(
            leads=leads,
            converted=converted,
            rate=rate,
        )

        pipeline_lead_conversion.additional_properties = d
        return pipeline_lead_conversion

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
