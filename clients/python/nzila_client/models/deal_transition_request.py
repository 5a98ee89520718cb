from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deal_status_enum import DealStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="DealTransitionRequest")


@_attrs_define
class DealTransitionRequest:
    """
    Attributes:
        to (DealStatusEnum): * `draft` - Draft
            * `pending_documents` - Pending documents
            * `pending_payment` - Pending payment
            * `paid` - Paid
            * `in_transit` - In transit
            * `delivered` - Delivered
            * `completed` - Completed
            * `cancelled` - Cancelled
        reason (str | Unset):  Default: ''.
    """

    to: DealStatusEnum
    reason: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to = DealStatusEnum(d.pop("to"))

        reason = d.pop("reason", UNSET)

        deal_transition_request = cls(
            to=to,
            reason=reason,
        )

        deal_transition_request.additional_properties = d
        return deal_transition_request

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
