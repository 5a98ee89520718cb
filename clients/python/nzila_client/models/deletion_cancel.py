from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_request_status_enum import DataRequestStatusEnum

T = TypeVar("T", bound="DeletionCancel")


@_attrs_define
class DeletionCancel:
    """
    Attributes:
        request (int):
        status (DataRequestStatusEnum): * `received` - Received
            * `completed` - Completed
            * `cancelled` - Cancelled
        erase_after (datetime.datetime):
        detail (str):
    """

    request: int
    status: DataRequestStatusEnum
    erase_after: datetime.datetime
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request = self.request

        status = self.status.value

        erase_after = self.erase_after.isoformat()

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request": request,
                "status": status,
                "erase_after": erase_after,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        request = d.pop("request")

        status = DataRequestStatusEnum(d.pop("status"))

        erase_after = datetime.datetime.fromisoformat(d.pop("erase_after"))

        detail = d.pop("detail")

        deletion_cancel = cls(
            request=request,
            status=status,
            erase_after=erase_after,
            detail=detail,
        )

        deletion_cancel.additional_properties = d
        return deletion_cancel

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
