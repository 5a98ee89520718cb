from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incoterm_enum import IncotermEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="DealTermsRequest")


@_attrs_define
class DealTermsRequest:
    """The terms every new deal needs, whether opened directly or from a lead.

    Attributes:
        agreed_price (str):
        currency (str):
        destination_port (str): UN/LOCODE, e.g. CIABJ
        incoterm (IncotermEnum | Unset): * `FOB` - FOB: free on board at the Canadian port
            * `CIF` - CIF: cost, insurance and freight to the destination port Default: IncotermEnum.CIF.
        notes (str | Unset):  Default: ''.
        destination_override_reason (str | Unset): Staff only: why the destination's rules are overridden Default: ''.
    """

    agreed_price: str
    currency: str
    destination_port: str
    incoterm: IncotermEnum | Unset = IncotermEnum.CIF
    notes: str | Unset = ""
    destination_override_reason: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreed_price = self.agreed_price

        currency = self.currency

        destination_port = self.destination_port

        incoterm: str | Unset = UNSET
        if not isinstance(self.incoterm, Unset):
            incoterm = self.incoterm.value

        notes = self.notes

        destination_override_reason = self.destination_override_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreed_price": agreed_price,
                "currency": currency,
                "destination_port": destination_port,
            }
        )
        if incoterm is not UNSET:
            field_dict["incoterm"] = incoterm
        if notes is not UNSET:
            field_dict["notes"] = notes
        if destination_override_reason is not UNSET:
            field_dict["destination_override_reason"] = destination_override_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agreed_price = d.pop("agreed_price")

        currency = d.pop("currency")

        destination_port = d.pop("destination_port")

        _incoterm = d.pop("incoterm", UNSET)
        incoterm: IncotermEnum | Unset
        if isinstance(_incoterm, Unset):
            incoterm = UNSET
        else:
            incoterm = IncotermEnum(_incoterm)

        notes = d.pop("notes", UNSET)

        destination_override_reason = d.pop("destination_override_reason", UNSET)

        deal_terms_request = cls(
            agreed_price=agreed_price,
            currency=currency,
            destination_port=destination_port,
            incoterm=incoterm,
            notes=notes,
            destination_override_reason=destination_override_reason,
        )

        deal_terms_request.additional_properties = d
        return deal_terms_request

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
