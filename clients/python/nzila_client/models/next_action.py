from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NextAction")


@_attrs_define
class NextAction:
    """
    Attributes:
        action (str): A stable code: none, first_contact, offer_eligible_alternatives, follow_up, qualify, send_offer,
            close_deal.
        reason (str):
        due_within_hours (int | None):
    """

    action: str
    reason: str
    due_within_hours: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        reason = self.reason

        due_within_hours: int | None
        due_within_hours = self.due_within_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "reason": reason,
                "due_within_hours": due_within_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = d.pop("action")

        reason = d.pop("reason")

        def _parse_due_within_hours(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        due_within_hours = _parse_due_within_hours(d.pop("due_within_hours"))

        next_action = cls(
            action=action,
            reason=reason,
            due_within_hours=due_within_hours,
        )

        next_action.additional_properties = d
        return next_action

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
