from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.purpose_enum import PurposeEnum

T = TypeVar("T", bound="Consent")


@_attrs_define
class Consent:
    """
    Attributes:
        purpose (PurposeEnum): * `marketing_email` - Marketing by e-mail
            * `marketing_whatsapp` - Marketing by WhatsApp
            * `marketing_sms` - Marketing by SMS
            * `analytics` - Analytics
            * `profiling` - Profiling for recommendations
        label (str):
        granted (bool):
        changed_at (datetime.datetime | None): Null: never given nor withdrawn (off)
    """

    purpose: PurposeEnum
    label: str
    granted: bool
    changed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purpose = self.purpose.value

        label = self.label

        granted = self.granted

        changed_at: None | str
        if isinstance(self.changed_at, datetime.datetime):
            changed_at = self.changed_at.isoformat()
        else:
            changed_at = self.changed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "purpose": purpose,
                "label": label,
                "granted": granted,
                "changed_at": changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        purpose = PurposeEnum(d.pop("purpose"))

        label = d.pop("label")

        granted = d.pop("granted")

        def _parse_changed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                changed_at_type_0 = datetime.datetime.fromisoformat(data)

                return changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        changed_at = _parse_changed_at(d.pop("changed_at"))

        consent = cls(
            purpose=purpose,
            label=label,
            granted=granted,
            changed_at=changed_at,
        )

        consent.additional_properties = d
        return consent

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
