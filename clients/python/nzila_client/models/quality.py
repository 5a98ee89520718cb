from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recommendation_enum import RecommendationEnum

T = TypeVar("T", bound="Quality")


@_attrs_define
class Quality:
    """
    Attributes:
        score (int):
        issues (list[str]):
        recommendation (RecommendationEnum): * `accept` - Looks fine: verify after reading it
            * `review` - Review carefully
            * `request_better_copy` - Ask for a better copy
    """

    score: int
    issues: list[str]
    recommendation: RecommendationEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score = self.score

        issues = self.issues

        recommendation = self.recommendation.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "score": score,
                "issues": issues,
                "recommendation": recommendation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        score = d.pop("score")

        issues = cast(list[str], d.pop("issues"))

        recommendation = RecommendationEnum(d.pop("recommendation"))

        quality = cls(
            score=score,
            issues=issues,
            recommendation=recommendation,
        )

        quality.additional_properties = d
        return quality

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
