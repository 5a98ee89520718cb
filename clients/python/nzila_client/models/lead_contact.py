from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lead_contact_channel_enum import LeadContactChannelEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="LeadContact")


@_attrs_define
class LeadContact:
    """
    Attributes:
        id (int):
        channel (LeadContactChannelEnum): * `phone` - Phone
            * `email` - E-mail
            * `whatsapp` - WhatsApp
            * `sms` - SMS
            * `in_person` - In person
            * `other` - Other
        note (str):
        contacted_by (int | None):
        created_at (datetime.datetime):
        contacted_at (datetime.datetime | Unset): When the contact happened; default now.
    """

    id: int
    channel: LeadContactChannelEnum
    note: str
    contacted_by: int | None
    created_at: datetime.datetime
    contacted_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        channel = self.channel.value

        note = self.note

        contacted_by: int | None
        contacted_by = self.contacted_by

        created_at = self.created_at.isoformat()

        contacted_at: str | Unset = UNSET
        if not isinstance(self.contacted_at, Unset):
            contacted_at = self.contacted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "channel": channel,
                "note": note,
                "contacted_by": contacted_by,
                "created_at": created_at,
            }
        )
        if contacted_at is not UNSET:
            field_dict["contacted_at"] = contacted_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        channel = LeadContactChannelEnum(d.pop("channel"))

        note = d.pop("note")

        def _parse_contacted_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        contacted_by = _parse_contacted_by(d.pop("contacted_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _contacted_at = d.pop("contacted_at", UNSET)
        contacted_at: datetime.datetime | Unset
        if isinstance(_contacted_at, Unset):
            contacted_at = UNSET
        else:
            contacted_at = datetime.datetime.fromisoformat(_contacted_at)

        lead_contact = cls(
            id=id,
            channel=channel,
            note=note,
            contacted_by=contacted_by,
            created_at=created_at,
            contacted_at=contacted_at,
        )

        lead_contact.additional_properties = d
        return lead_contact

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
