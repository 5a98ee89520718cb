from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShipmentCreateRequest")


@_attrs_define
class ShipmentCreateRequest:
    """Field checks (UN/LOCODE format, Canadian origin, ISO 6346 check digit) come from the model's
    validators; the rules across fields and the deal are the service's.

        Attributes:
            deal (int):
            carrier (str):
            booking_number (str):
            origin_port (str): UN/LOCODE
            etd (datetime.datetime):
            eta (datetime.datetime):
            vessel (str | Unset):
            voyage (str | Unset):
            bill_of_lading_number (str | Unset):
            is_roro (bool | Unset): Roll-on/roll-off: no container.
            container_number (str | Unset): ISO 6346; blank for RoRo.
            destination_port (str | Unset): UN/LOCODE; the deal's destination port when left out.
            booked_at (datetime.datetime | Unset): When the booking was made, for a shipment recorded late; by default now,
                or the ETD if past.
    """

    deal: int
    carrier: str
    booking_number: str
    origin_port: str
    etd: datetime.datetime
    eta: datetime.datetime
    vessel: str | Unset = UNSET
    voyage: str | Unset = UNSET
    bill_of_lading_number: str | Unset = UNSET
    is_roro: bool | Unset = UNSET
    container_number: str | Unset = UNSET
    destination_port: str | Unset = UNSET
    booked_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deal = self.deal

        carrier = self.carrier

        booking_number = self.booking_number

        origin_port = self.origin_port

        etd = self.etd.isoformat()

        eta = self.eta.isoformat()

        vessel = self.vessel

        voyage = self.voyage

        bill_of_lading_number = self.bill_of_lading_number

        is_roro = self.is_roro

        container_number = self.container_number

        destination_port = self.destination_port

        booked_at: str | Unset = UNSET
        if not isinstance(self.booked_at, Unset):
            booked_at = self.booked_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deal": deal,
                "carrier": carrier,
                "booking_number": booking_number,
                "origin_port": origin_port,
                "etd": etd,
                "eta": eta,
            }
        )
        if vessel is not UNSET:
            field_dict["vessel"] = vessel
        if voyage is not UNSET:
            field_dict["voyage"] = voyage
        if bill_of_lading_number is not UNSET:
            field_dict["bill_of_lading_number"] = bill_of_lading_number
        if is_roro is not UNSET:
            field_dict["is_roro"] = is_roro
        if container_number is not UNSET:
            field_dict["container_number"] = container_number
        if destination_port is not UNSET:
            field_dict["destination_port"] = destination_port
        if booked_at is not UNSET:
            field_dict["booked_at"] = booked_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deal = d.pop("deal")

        carrier = d.pop("carrier")

        booking_number = d.pop("booking_number")

        origin_port = d.pop("origin_port")

        etd = datetime.datetime.fromisoformat(d.pop("etd"))

        eta = datetime.datetime.fromisoformat(d.pop("eta"))

        vessel = d.pop("vessel", UNSET)

        voyage = d.pop("voyage", UNSET)

        bill_of_lading_number = d.pop("bill_of_lading_number", UNSET)

        is_roro = d.pop("is_roro", UNSET)

        container_number = d.pop("container_number", UNSET)

        destination_port = d.pop("destination_port", UNSET)

        _booked_at = d.pop("booked_at", UNSET)
        booked_at: datetime.datetime | Unset
        if isinstance(_booked_at, Unset):
            booked_at = UNSET
        else:
            booked_at = datetime.datetime.fromisoformat(_booked_at)

        shipment_create_request = cls(
            deal=deal,
            carrier=carrier,
            booking_number=booking_number,
            origin_port=origin_port,
            etd=etd,
            eta=eta,
            vessel=vessel,
            voyage=voyage,
            bill_of_lading_number=bill_of_lading_number,
            is_roro=is_roro,
            container_number=container_number,
            destination_port=destination_port,
            booked_at=booked_at,
        )

        shipment_create_request.additional_properties = d
        return shipment_create_request

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
