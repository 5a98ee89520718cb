from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TicketAttachment")


@_attrs_define
class TicketAttachment:
    """
    Attributes:
        id (int):
        original_name (str):
        content_type (str):
        size_bytes (int):
        uploaded_by (int | None):
        created_at (datetime.datetime):
        download_url (str): A link to the file, valid for 5 minutes.
    """

    id: int
    original_name: str
    content_type: str
    size_bytes: int
    uploaded_by: int | None
    created_at: datetime.datetime
    download_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        original_name = self.original_name

        content_type = self.content_type

        size_bytes = self.size_bytes

        uploaded_by: int | None
        uploaded_by = self.uploaded_by

        created_at = self.created_at.isoformat()

        download_url = self.download_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "original_name": original_name,
                "content_type": content_type,
                "size_bytes": size_bytes,
                "uploaded_by": uploaded_by,
                "created_at": created_at,
                "download_url": download_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        original_name = d.pop("original_name")

        content_type = d.pop("content_type")

        size_bytes = d.pop("size_bytes")

        def _parse_uploaded_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        uploaded_by = _parse_uploaded_by(d.pop("uploaded_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        download_url = d.pop("download_url")

        ticket_attachment = cls(
            id=id,
            original_name=original_name,
            content_type=content_type,
            size_bytes=size_bytes,
            uploaded_by=uploaded_by,
            created_at=created_at,
            download_url=download_url,
        )

        ticket_attachment.additional_properties = d
        return ticket_attachment

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
