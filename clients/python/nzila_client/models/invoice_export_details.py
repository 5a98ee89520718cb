from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceExportDetails")


@_attrs_define
class InvoiceExportDetails:
    """What the commercial invoice declares: taken when it is issued, so empty on a draft.

    Attributes:
        hs_code (str | Unset): Harmonized System heading: 8703 or 8704
        country_of_origin (str | Unset): From the VIN; empty when it does not say
        incoterm (str | Unset):
        port_of_loading (str | Unset): UN/LOCODE
        port_of_discharge (str | Unset): UN/LOCODE
        destination_country (str | Unset):
    """

    hs_code: str | Unset = UNSET
    country_of_origin: str | Unset = UNSET
    incoterm: str | Unset = UNSET
    port_of_loading: str | Unset = UNSET
    port_of_discharge: str | Unset = UNSET
    destination_country: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hs_code = self.hs_code

        country_of_origin = self.country_of_origin

        incoterm = self.incoterm

        port_of_loading = self.port_of_loading

        port_of_discharge = self.port_of_discharge

        destination_country = self.destination_country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if hs_code is not UNSET:
            field_dict["hs_code"] = hs_code
        if country_of_origin is not UNSET:
            field_dict["country_of_origin"] = country_of_origin
        if incoterm is not UNSET:
            field_dict["incoterm"] = incoterm
        if port_of_loading is not UNSET:
            field_dict["port_of_loading"] = port_of_loading
        if port_of_discharge is not UNSET:
            field_dict["port_of_discharge"] = port_of_discharge
        if destination_country is not UNSET:
            field_dict["destination_country"] = destination_country

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        hs_code = d.pop("hs_code", UNSET)

        country_of_origin = d.pop("country_of_origin", UNSET)

        incoterm = d.pop("incoterm", UNSET)

        port_of_loading = d.pop("port_of_loading", UNSET)

        port_of_discharge = d.pop("port_of_discharge", UNSET)

        destination_country = d.pop("destination_country", UNSET)

        invoice_export_details = cls(
            hs_code=hs_code,
            country_of_origin=country_of_origin,
            incoterm=incoterm,
            port_of_loading=port_of_loading,
            port_of_discharge=port_of_discharge,
            destination_country=destination_country,
        )

        invoice_export_details.additional_properties = d
        return invoice_export_details

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
