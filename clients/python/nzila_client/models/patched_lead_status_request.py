from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lead_status_enum import LeadStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedLeadStatusRequest")


@_attrs_define
class PatchedLeadStatusRequest:
    """
    Attributes:
        status (LeadStatusEnum | Unset): * `new` - New
            * `contacted` - Contacted
            * `qualified` - Qualified
            * `negotiating` - Negotiating
            * `converted` - Converted
            * `lost` - Lost
        lost_reason (str | Unset):
    """

    status: LeadStatusEnum | Unset = UNSET
    lost_reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        lost_reason = self.lost_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if lost_reason is not UNSET:
            field_dict["lost_reason"] = lost_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: LeadStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = LeadStatusEnum(_status)

        lost_reason = d.pop("lost_reason", UNSET)

        patched_lead_status_request = cls(
            status=status,
            lost_reason=lost_reason,
        )

        patched_lead_status_request.additional_properties = d
        return patched_lead_status_request

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
