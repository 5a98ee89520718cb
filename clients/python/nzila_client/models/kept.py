from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Kept")


@_attrs_define
class Kept:
    """
    Attributes:
        category (str):
        description (str):
        reason (str): The law that asks for it
        kept_until (datetime.date): The last day it is kept
    """

    category: str
    description: str
    reason: str
    kept_until: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category

        description = self.description

        reason = self.reason

        kept_until = self.kept_until.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "description": description,
                "reason": reason,
                "kept_until": kept_until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        category = d.pop("category")

        description = d.pop("description")

        reason = d.pop("reason")

        kept_until = datetime.date.fromisoformat(d.pop("kept_until"))

        kept = cls(
            category=category,
            description=description,
            reason=reason,
            kept_until=kept_until,
        )

        kept.additional_properties = d
        return kept

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
