from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticket_status_enum import TicketStatusEnum

T = TypeVar("T", bound="TicketStatusRequest")


@_attrs_define
class TicketStatusRequest:
    """
    Attributes:
        status (TicketStatusEnum): * `open` - Open
            * `in_progress` - In progress
            * `waiting_on_customer` - Waiting on customer
            * `resolved` - Resolved
            * `closed` - Closed
    """

    status: TicketStatusEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = TicketStatusEnum(d.pop("status"))

        ticket_status_request = cls(
            status=status,
        )

        ticket_status_request.additional_properties = d
        return ticket_status_request

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
