from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TargetMetrics")


@_attrs_define
class TargetMetrics:
    """
    Attributes:
        measured (int): Tickets answered (or resolved) so far.
        median_hours (float | None):
        p90_hours (float | None):
        within_target (int):
        missed_target (int): Late, or still waiting past the target.
        within_target_share (float | None): within / (within + missed).
    """

    measured: int
    median_hours: float | None
    p90_hours: float | None
    within_target: int
    missed_target: int
    within_target_share: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measured = self.measured

        median_hours: float | None
        median_hours = self.median_hours

        p90_hours: float | None
        p90_hours = self.p90_hours

        within_target = self.within_target

        missed_target = self.missed_target

        within_target_share: float | None
        within_target_share = self.within_target_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measured": measured,
                "median_hours": median_hours,
                "p90_hours": p90_hours,
                "within_target": within_target,
                "missed_target": missed_target,
                "within_target_share": within_target_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        measured = d.pop("measured")

        def _parse_median_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_hours = _parse_median_hours(d.pop("median_hours"))

        def _parse_p90_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p90_hours = _parse_p90_hours(d.pop("p90_hours"))

        within_target = d.pop("within_target")

        missed_target = d.pop("missed_target")

        def _parse_within_target_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        within_target_share = _parse_within_target_share(d.pop("within_target_share"))

        target_metrics = cls(
            measured=measured,
            median_hours=median_hours,
            p90_hours=p90_hours,
            within_target=within_target,
            missed_target=missed_target,
            within_target_share=within_target_share,
        )

        target_metrics.additional_properties = d
        return target_metrics

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
