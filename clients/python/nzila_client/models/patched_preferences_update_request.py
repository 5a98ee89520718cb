from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preference_request import PreferenceRequest


T = TypeVar("T", bound="PatchedPreferencesUpdateRequest")


@_attrs_define
class PatchedPreferencesUpdateRequest:
    """
    Attributes:
        preferences (list[PreferenceRequest] | Unset):
    """

    preferences: list[PreferenceRequest] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        preferences: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.preferences, Unset):
            preferences = []
            for preferences_item_data in self.preferences:
                preferences_item = preferences_item_data.to_dict()
                preferences.append(preferences_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if preferences is not UNSET:
            field_dict["preferences"] = preferences

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preference_request import PreferenceRequest

        d = dict(src_dict)
        _preferences = d.pop("preferences", UNSET)
        preferences: list[PreferenceRequest] | Unset = UNSET
        if _preferences is not UNSET:
            preferences = []
            for preferences_item_data in _preferences:
                preferences_item = PreferenceRequest.from_dict(preferences_item_data)

                preferences.append(preferences_item)

        patched_preferences_update_request = cls(
            preferences=preferences,
        )

        patched_preferences_update_request.additional_properties = d
        return patched_preferences_update_request

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
