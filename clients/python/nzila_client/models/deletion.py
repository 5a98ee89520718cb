from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_request_status_enum import DataRequestStatusEnum

if TYPE_CHECKING:
    from ..models.erased import Erased
    from ..models.kept import Kept


T = TypeVar("T", bound="Deletion")


@_attrs_define
class Deletion:
    """
    Attributes:
        request (int): The deletion request in the privacy register
        status (DataRequestStatusEnum): * `received` - Received
            * `completed` - Completed
            * `cancelled` - Cancelled
        erase_after (datetime.datetime): The end of the grace period: until then the e-mailed link cancels the deletion
        detail (str):
        erased (list[Erased]):
        kept (list[Kept]):
    """

    request: int
    status: DataRequestStatusEnum
    erase_after: datetime.datetime
    detail: str
    erased: list[Erased]
    kept: list[Kept]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request = self.request

        status = self.status.value

        erase_after = self.erase_after.isoformat()

        detail = self.detail

        erased = []
        for erased_item_data in self.erased:
            erased_item = erased_item_data.to_dict()
            erased.append(erased_item)

        kept = []
        for kept_item_data in self.kept:
            kept_item = kept_item_data.to_dict()
            kept.append(kept_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request": request,
                "status": status,
                "erase_after": erase_after,
                "detail": detail,
                "erased": erased,
                "kept": kept,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.erased import Erased
        from ..models.kept import Kept

        d = dict(src_dict)
        request = d.pop("request")

        status = DataRequestStatusEnum(d.pop("status"))

        erase_after = datetime.datetime.fromisoformat(d.pop("erase_after"))

        detail = d.pop("detail")

        erased = []
        _erased = d.pop("erased")
        for erased_item_data in _erased:
            erased_item = Erased.from_dict(erased_item_data)

            erased.append(erased_item)

        kept = []
        _kept = d.pop("kept")
        for kept_item_data in _kept:
            kept_item = Kept.from_dict(kept_item_data)

            kept.append(kept_item)

        deletion = cls(
            request=request,
            status=status,
            erase_after=erase_after,
            detail=detail,
            erased=erased,
            kept=kept,
        )

        deletion.additional_properties = d
        return deletion

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
