from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sign_in_user import SignInUser


T = TypeVar("T", bound="TokenPairResponse")


@_attrs_define
class TokenPairResponse:
    """
    Attributes:
        access (str):
        refresh (str):
        user (SignInUser):
    """

    access: str
    refresh: str
    user: SignInUser
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access = self.access

        refresh = self.refresh

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access": access,
                "refresh": refresh,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sign_in_user import SignInUser

        d = dict(src_dict)
        access = d.pop("access")

        refresh = d.pop("refresh")

        user = SignInUser.from_dict(d.pop("user"))

        token_pair_response = cls(
            access=access,
            refresh=refresh,
            user=user,
        )

        token_pair_response.additional_properties = d
        return token_pair_response

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
