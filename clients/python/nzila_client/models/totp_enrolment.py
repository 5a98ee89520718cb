from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TotpEnrolment")


@_attrs_define
class TotpEnrolment:
    """
    Attributes:
        otpauth_uri (str): The provisioning URI, for the authenticator app (as a QR code).
        secret (str): The same secret in base32, to type in by hand.
        recovery_codes (list[str]): Single-use codes for when the app is lost; shown once.
    """

    otpauth_uri: str
    secret: str
    recovery_codes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        otpauth_uri = self.otpauth_uri

        secret = self.secret

        recovery_codes = self.recovery_codes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "otpauth_uri": otpauth_uri,
                "secret": secret,
                "recovery_codes": recovery_codes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        otpauth_uri = d.pop("otpauth_uri")

        secret = d.pop("secret")

        recovery_codes = cast(list[str], d.pop("recovery_codes"))

        totp_enrolment = cls(
            otpauth_uri=otpauth_uri,
            secret=secret,
            recovery_codes=recovery_codes,
        )

        totp_enrolment.additional_properties = d
        return totp_enrolment

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
