from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incoterm_enum import IncotermEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="DealCreateRequest")


@_attrs_define
class DealCreateRequest:
    """The terms every new deal needs, whether opened directly or from a lead.

    Attributes:
        agreed_price (str):
        currency (str):
        destination_port (str): UN/LOCODE, e.g. CIABJ
        vehicle (int):
        buyer (int):
        destination_country (str):
        incoterm (IncotermEnum | Unset): * `FOB` - FOB: free on board at the Canadian port
            * `CIF` - CIF: cost, insurance and freight to the destination port Default: IncotermEnum.CIF.
        notes (str | Unset):  Default: ''.
        destination_override_reason (str | Unset): Staff only: why the destination's rules are overridden Default: ''.
        broker (int | None | Unset):
        referring_broker (int | None | Unset): The broker who brought the buyer, when another broker closes the deal
    """

    agreed_price: str
    currency: str
    destination_port: str
    vehicle: int
    buyer: int
    destination_country: str
    incoterm: IncotermEnum | Unset = IncotermEnum.CIF
    notes: str | Unset = ""
    destination_override_reason: str | Unset = ""
    broker: int | None | Unset = UNSET
    referring_broker: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreed_price = self.agreed_price

        currency = self.currency

        destination_port = self.destination_port

        vehicle = self.vehicle

        buyer = self.buyer

        destination_country = self.destination_country

        incoterm: str | Unset = UNSET
        if not isinstance(self.incoterm, Unset):
            incoterm = self.incoterm.value

        notes = self.notes

        destination_override_reason = self.destination_override_reason

        broker: int | None | Unset
        if isinstance(self.broker, Unset):
            broker = UNSET
        else:
            broker = self.broker

        referring_broker: int | None | Unset
        if isinstance(self.referring_broker, Unset):
            referring_broker = UNSET
        else:
            referring_broker = self.referring_broker

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreed_price": agreed_price,
                "currency": currency,
                "destination_port": destination_port,
                "vehicle": vehicle,
                "buyer": buyer,
                "destination_country": destination_country,
            }
        )
        if incoterm is not UNSET:
            field_dict["incoterm"] = incoterm
        if notes is not UNSET:
            field_dict["notes"] = notes
        if destination_override_reason is not UNSET:
            field_dict["destination_override_reason"] = destination_override_reason
        if broker is not UNSET:
            field_dict["broker"] = broker
        if referring_broker is not UNSET:
            field_dict["referring_broker"] = referring_broker

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agreed_price = d.pop("agreed_price")

        currency = d.pop("currency")

        destination_port = d.pop("destination_port")

        vehicle = d.pop("vehicle")

        buyer = d.pop("buyer")

        destination_country = d.pop("destination_country")

        _incoterm = d.pop("incoterm", UNSET)
        incoterm: IncotermEnum | Unset
        if isinstance(_incoterm, Unset):
            incoterm = UNSET
        else:
            incoterm = IncotermEnum(_incoterm)

        notes = d.pop("notes", UNSET)

        destination_override_reason = d.pop("destination_override_reason", UNSET)

        def _parse_broker(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        broker = _parse_broker(d.pop("broker", UNSET))

        def _parse_referring_broker(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        referring_broker = _parse_referring_broker(d.pop("referring_broker", UNSET))

        deal_create_request = cls(
            agreed_price=agreed_price,
            currency=currency,
            destination_port=destination_port,
            vehicle=vehicle,
            buyer=buyer,
            destination_country=destination_country,
            incoterm=incoterm,
            notes=notes,
            destination_override_reason=destination_override_reason,
            broker=broker,
            referring_broker=referring_broker,
        )

        deal_create_request.additional_properties = d
        return deal_create_request

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
