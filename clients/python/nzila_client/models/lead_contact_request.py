from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lead_contact_channel_enum import LeadContactChannelEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="LeadContactRequest")


@_attrs_define
class LeadContactRequest:
    """
    Attributes:
        channel (LeadContactChannelEnum): * `phone` - Phone
            * `email` - E-mail
            * `whatsapp` - WhatsApp
            * `sms` - SMS
            * `in_person` - In person
            * `other` - Other
        note (str):
        contacted_at (datetime.datetime | Unset): When the contact happened; default now.
    """

    channel: LeadContactChannelEnum
    note: str
    contacted_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        note = self.note

        contacted_at: str | Unset = UNSET
        if not isinstance(self.contacted_at, Unset):
            contacted_at = self.contacted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "note": note,
            }
        )
        if contacted_at is not UNSET:
            field_dict["contacted_at"] = contacted_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel = LeadContactChannelEnum(d.pop("channel"))

        note = d.pop("note")

        _contacted_at = d.pop("contacted_at", UNSET)
        contacted_at: datetime.datetime | Unset
        if isinstance(_contacted_at, Unset):
            contacted_at = UNSET
        else:
            contacted_at = datetime.datetime.fromisoformat(_contacted_at)

        lead_contact_request = cls(
            channel=channel,
            note=note,
            contacted_at=contacted_at,
        )

        lead_contact_request.additional_properties = d
        return lead_contact_request

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
