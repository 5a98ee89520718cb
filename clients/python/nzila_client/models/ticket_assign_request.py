from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TicketAssignRequest")


@_attrs_define
class TicketAssignRequest:
    """
    Attributes:
        assigned_to (int | None): A staff member's id, or null to unassign.
    """

    assigned_to: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assigned_to: int | None
        assigned_to = self.assigned_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assigned_to": assigned_to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_assigned_to(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to"))

        ticket_assign_request = cls(
            assigned_to=assigned_to,
        )

        ticket_assign_request.additional_properties = d
        return ticket_assign_request

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
