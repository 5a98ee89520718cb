from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticket_message_via_enum import TicketMessageViaEnum

T = TypeVar("T", bound="TicketMessage")


@_attrs_define
class TicketMessage:
    """
    Attributes:
        id (int):
        author (int | None):
        author_name (str):
        body (str):
        is_internal (bool): Seen by staff only.
        via (TicketMessageViaEnum): * `app` - In the app
            * `email` - E-mail
            * `whatsapp` - WhatsApp
        created_at (datetime.datetime):
    """

    id: int
    author: int | None
    author_name: str
    body: str
    is_internal: bool
    via: TicketMessageViaEnum
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        author: int | None
        author = self.author

        author_name = self.author_name

        body = self.body

        is_internal = self.is_internal

        via = self.via.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "author": author,
                "author_name": author_name,
                "body": body,
                "is_internal": is_internal,
                "via": via,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_author(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        author = _parse_author(d.pop("author"))

        author_name = d.pop("author_name")

        body = d.pop("body")

        is_internal = d.pop("is_internal")

        via = TicketMessageViaEnum(d.pop("via"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ticket_message = cls(
            id=id,
            author=author,
            author_name=author_name,
            body=body,
            is_internal=is_internal,
            via=via,
            created_at=created_at,
        )

        ticket_message.additional_properties = d
        return ticket_message

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
