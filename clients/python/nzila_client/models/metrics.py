from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.target_metrics import TargetMetrics


T = TypeVar("T", bound="Metrics")


@_attrs_define
class Metrics:
    """
    Attributes:
        start (datetime.datetime):
        end (datetime.datetime):
        tickets_opened (int):
        first_response (TargetMetrics):
        resolution (TargetMetrics):
    """

    start: datetime.datetime
    end: datetime.datetime
    tickets_opened: int
    first_response: TargetMetrics
    resolution: TargetMetrics
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        tickets_opened = self.tickets_opened

        first_response = self.first_response.to_dict()

        resolution = self.resolution.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
                "tickets_opened": tickets_opened,
                "first_response": first_response,
                "resolution": resolution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.target_metrics import TargetMetrics

        d = dict(src_dict)
        start = datetime.datetime.fromisoformat(d.pop("start"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        tickets_opened = d.pop("tickets_opened")

        first_response = TargetMetrics.from_dict(d.pop("first_response"))

        resolution = TargetMetrics.from_dict(d.pop("resolution"))

        metrics = cls(
            start=start,
            end=end,
            tickets_opened=tickets_opened,
            first_response=first_response,
            resolution=resolution,
        )

        metrics.additional_properties = d
        return metrics

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
