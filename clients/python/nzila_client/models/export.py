from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_request_status_enum import DataRequestStatusEnum

T = TypeVar("T", bound="Export")


@_attrs_define
class Export:
    """
    Attributes:
        request (int): The access request in the privacy register
        status (DataRequestStatusEnum): * `received` - Received
            * `completed` - Completed
            * `cancelled` - Cancelled
        url (None | str): The ZIP's signed link, valid until expires_at; null while a worker builds it (the link is then
            e-mailed)
        expires_at (datetime.datetime | None):
        detail (str):
    """

    request: int
    status: DataRequestStatusEnum
    url: None | str
    expires_at: datetime.datetime | None
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request = self.request

        status = self.status.value

        url: None | str
        url = self.url

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request": request,
                "status": status,
                "url": url,
                "expires_at": expires_at,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        request = d.pop("request")

        status = DataRequestStatusEnum(d.pop("status"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        detail = d.pop("detail")

        export = cls(
            request=request,
            status=status,
            url=url,
            expires_at=expires_at,
            detail=detail,
        )

        export.additional_properties = d
        return export

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
