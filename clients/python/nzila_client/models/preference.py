from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.preference_category_enum import PreferenceCategoryEnum
from ..models.preference_channel_enum import PreferenceChannelEnum

T = TypeVar("T", bound="Preference")


@_attrs_define
class Preference:
    """
    Attributes:
        channel (PreferenceChannelEnum): * `in_app` - In-app
            * `email` - E-mail
            * `whatsapp` - WhatsApp
            * `sms` - SMS
        category (PreferenceCategoryEnum): * `transactional` - Transactional
            * `marketing` - Marketing
        enabled (bool):
        locked (bool):
        consented_at (datetime.datetime | None):
    """

    channel: PreferenceChannelEnum
    category: PreferenceCategoryEnum
    enabled: bool
    locked: bool
    consented_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        category = self.category.value

        enabled = self.enabled

        locked = self.locked

        consented_at: None | str
        if isinstance(self.consented_at, datetime.datetime):
            consented_at = self.consented_at.isoformat()
        else:
            consented_at = self.consented_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "category": category,
                "enabled": enabled,
                "locked": locked,
                "consented_at": consented_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel = PreferenceChannelEnum(d.pop("channel"))

        category = PreferenceCategoryEnum(d.pop("category"))

        enabled = d.pop("enabled")

        locked = d.pop("locked")

        def _parse_consented_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consented_at_type_0 = datetime.datetime.fromisoformat(data)

                return consented_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        consented_at = _parse_consented_at(d.pop("consented_at"))

        preference = cls(
            channel=channel,
            category=category,
            enabled=enabled,
            locked=locked,
            consented_at=consented_at,
        )

        preference.additional_properties = d
        return preference

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
