from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language_enum import LanguageEnum
from ..models.role_enum import RoleEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="SignInUser")


@_attrs_define
class SignInUser:
    """
    Attributes:
        id (int):
        username (str): Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.
        email (str):
        role (RoleEnum | Unset): * `dealer` - Dealer
            * `buyer` - Buyer
            * `broker` - Broker
            * `staff` - Staff
        company_name (str | Unset):
        preferred_language (LanguageEnum | Unset): * `en` - English
            * `fr` - Français
    """

    id: int
    username: str
    email: str
    role: RoleEnum | Unset = UNSET
    company_name: str | Unset = UNSET
    preferred_language: LanguageEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        email = self.email

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        company_name = self.company_name

        preferred_language: str | Unset = UNSET
        if not isinstance(self.preferred_language, Unset):
            preferred_language = self.preferred_language.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "email": email,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if preferred_language is not UNSET:
            field_dict["preferred_language"] = preferred_language

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        email = d.pop("email")

        _role = d.pop("role", UNSET)
        role: RoleEnum | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = RoleEnum(_role)

        company_name = d.pop("company_name", UNSET)

        _preferred_language = d.pop("preferred_language", UNSET)
        preferred_language: LanguageEnum | Unset
        if isinstance(_preferred_language, Unset):
            preferred_language = UNSET
        else:
            preferred_language = LanguageEnum(_preferred_language)

        sign_in_user = cls(
            id=id,
            username=username,
            email=email,
            role=role,
            company_name=company_name,
            preferred_language=preferred_language,
        )

        sign_in_user.additional_properties = d
        return sign_in_user

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
