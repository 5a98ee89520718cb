from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedConsentUpdateRequest")


@_attrs_define
class PatchedConsentUpdateRequest:
    """The consents to change, each true (given) or false (withdrawn); those left out stay as they are.

    Attributes:
        marketing_email (bool | Unset):
        marketing_whatsapp (bool | Unset):
        marketing_sms (bool | Unset):
        analytics (bool | Unset):
        profiling (bool | Unset):
    """

    marketing_email: bool | Unset = UNSET
    marketing_whatsapp: bool | Unset = UNSET
    marketing_sms: bool | Unset = UNSET
    analytics: bool | Unset = UNSET
    profiling: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        marketing_email = self.marketing_email

        marketing_whatsapp = self.marketing_whatsapp

        marketing_sms = self.marketing_sms

        analytics = self.analytics

        profiling = self.profiling

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if marketing_email is not UNSET:
            field_dict["marketing_email"] = marketing_email
        if marketing_whatsapp is not UNSET:
            field_dict["marketing_whatsapp"] = marketing_whatsapp
        if marketing_sms is not UNSET:
            field_dict["marketing_sms"] = marketing_sms
        if analytics is not UNSET:
            field_dict["analytics"] = analytics
        if profiling is not UNSET:
            field_dict["profiling"] = profiling

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        marketing_email = d.pop("marketing_email", UNSET)

        marketing_whatsapp = d.pop("marketing_whatsapp", UNSET)

        marketing_sms = d.pop("marketing_sms", UNSET)

        analytics = d.pop("analytics", UNSET)

        profiling = d.pop("profiling", UNSET)

        patched_consent_update_request = cls(
            marketing_email=marketing_email,
            marketing_whatsapp=marketing_whatsapp,
            marketing_sms=marketing_sms,
            analytics=analytics,
            profiling=profiling,
        )

        patched_consent_update_request.additional_properties = d
        return patched_consent_update_request

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
