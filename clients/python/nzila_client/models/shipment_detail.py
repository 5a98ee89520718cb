from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shipment_status_enum import ShipmentStatusEnum

if TYPE_CHECKING:
    from ..models.shipment_event import ShipmentEvent


T = TypeVar("T", bound="ShipmentDetail")


@_attrs_define
class ShipmentDetail:
    """
    Attributes:
        id (int):
        deal (int):
        is_active (bool):  Default: True.
        carrier (str):
        vessel (str):
        voyage (str):
        booking_number (str):
        bill_of_lading_number (str):
        is_roro (bool): Roll-on/roll-off: no container.
        container_number (str): ISO 6346; blank for RoRo.
        origin_port (str): UN/LOCODE
        origin_port_name (str):
        destination_port (str): UN/LOCODE
        destination_port_name (str):
        etd (datetime.datetime):
        eta (datetime.datetime):
        status (ShipmentStatusEnum): * `booked` - Booked
            * `at_origin_port` - At the port of origin
            * `departed` - Departed
            * `in_transit` - In transit
            * `arrived` - Arrived at the destination port
            * `customs_cleared` - Cleared customs
            * `delivered` - Delivered
        delay_flagged_for_eta (datetime.datetime | None): The ETA the last delay was flagged for: each ETA missed is
            flagged once.
        created_at (datetime.datetime):
        events (list[ShipmentEvent]):
    """

    id: int
    deal: int
    carrier: str
    vessel: str
    voyage: str
    booking_number: str
    bill_of_lading_number: str
    is_roro: bool
    container_number: str
    origin_port: str
    origin_port_name: str
    destination_port: str
    destination_port_name: str
    etd: datetime.datetime
    eta: datetime.datetime
    status: ShipmentStatusEnum
    delay_flagged_for_eta: datetime.datetime | None
    created_at: datetime.datetime
    events: list[ShipmentEvent]
    is_active: bool = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        deal = self.deal

        is_active = self.is_active

        carrier = self.carrier

        vessel = self.vessel

        voyage = self.voyage

        booking_number = self.booking_number

        bill_of_lading_number = self.bill_of_lading_number

        is_roro = self.is_roro

        container_number = self.container_number

        origin_port = self.origin_port

        origin_port_name = self.origin_port_name

        destination_port = self.destination_port

        destination_port_name = self.destination_port_name

        etd = self.etd.isoformat()

        eta = self.eta.isoformat()

        status = self.status.value

        delay_flagged_for_eta: None | str
        if isinstance(self.delay_flagged_for_eta, datetime.datetime):
            delay_flagged_for_eta = self.delay_flagged_for_eta.isoformat()
        else:
            delay_flagged_for_eta = self.delay_flagged_for_eta

        created_at = self.created_at.isoformat()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deal": deal,
                "is_active": is_active,
                "carrier": carrier,
                "vessel": vessel,
                "voyage": voyage,
                "booking_number": booking_number,
                "bill_of_lading_number": bill_of_lading_number,
                "is_roro": is_roro,
                "container_number": container_number,
                "origin_port": origin_port,
                "origin_port_name": origin_port_name,
                "destination_port": destination_port,
                "destination_port_name": destination_port_name,
                "etd": etd,
                "eta": eta,
                "status": status,
                "delay_flagged_for_eta": delay_flagged_for_eta,
                "created_at": created_at,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.shipment_event import ShipmentEvent

        d = dict(src_dict)
        id = d.pop("id")

        deal = d.pop("deal")

        is_active = d.pop("is_active")

        carrier = d.pop("carrier")

        vessel = d.pop("vessel")

        voyage = d.pop("voyage")

        booking_number = d.pop("booking_number")

        bill_of_lading_number = d.pop("bill_of_lading_number")

        is_roro = d.pop("is_roro")

        container_number = d.pop("container_number")

        origin_port = d.pop("origin_port")

        origin_port_name = d.pop("origin_port_name")

        destination_port = d.pop("destination_port")

        destination_port_name = d.pop("destination_port_name")

        etd = datetime.datetime.fromisoformat(d.pop("etd"))

        eta = datetime.datetime.fromisoformat(d.pop("eta"))

        status = ShipmentStatusEnum(d.pop("status"))

        def _parse_delay_flagged_for_eta(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delay_flagged_for_eta_type_0 = datetime.datetime.fromisoformat(data)

                return delay_flagged_for_eta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delay_flagged_for_eta = _parse_delay_flagged_for_eta(
            d.pop("delay_flagged_for_eta")
        )

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = ShipmentEvent.from_dict(events_item_data)

            events.append(events_item)

        shipment_detail = cls(
            id=id,
            deal=deal,
            is_active=is_active,
            carrier=carrier,
            vessel=vessel,
            voyage=voyage,
            booking_number=booking_number,
            bill_of_lading_number=bill_of_lading_number,
            is_roro=is_roro,
            container_number=container_number,
            origin_port=origin_port,
            origin_port_name=origin_port_name,
            destination_port=destination_port,
            destination_port_name=destination_port_name,
            etd=etd,
            eta=eta,
            status=status,
            delay_flagged_for_eta=delay_flagged_for_eta,
            created_at=created_at,
            events=events,
        )

        shipment_detail.additional_properties = d
        return shipment_detail

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
