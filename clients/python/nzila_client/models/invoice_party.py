from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceParty")


@_attrs_define
class InvoiceParty:
    """A party as the invoice prints it: taken when it is issued, so empty on a draft.

    Attributes:
        name (str | Unset):
        business_number (str | Unset):
        address (str | Unset):
        country (str | Unset): ISO 3166-1 alpha-2
        email (str | Unset):
    """

    name: str | Unset = UNSET
    business_number: str | Unset = UNSET
    address: str | Unset = UNSET
    country: str | Unset = UNSET
    email: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        business_number = self.business_number

        address = self.address

        country = self.country

        email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if business_number is not UNSET:
            field_dict["business_number"] = business_number
        if address is not UNSET:
            field_dict["address"] = address
        if country is not UNSET:
            field_dict["country"] = country
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        business_number = d.pop("business_number", UNSET)

        address = d.pop("address", UNSET)

        country = d.pop("country", UNSET)

        email = d.pop("email", UNSET)

        invoice_party = cls(
            name=name,
            business_number=business_number,
            address=address,
            country=country,
            email=email,
        )

        invoice_party.additional_properties = d
        return invoice_party

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
