from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shipment_status_enum import ShipmentStatusEnum

if TYPE_CHECKING:
    from ..models.moment import Moment
    from ..models.port import Port
    from ..models.track_event import TrackEvent


T = TypeVar("T", bound="Track")


@_attrs_define
class Track:
    """
    Attributes:
        shipment (int):
        deal (int):
        language (str):
        timezone (str):
        status (ShipmentStatusEnum): * `booked` - Booked
            * `at_origin_port` - At the port of origin
            * `departed` - Departed
            * `in_transit` - In transit
            * `arrived` - Arrived at the destination port
            * `customs_cleared` - Cleared customs
            * `delivered` - Delivered
        status_label (str):
        carrier (str):
        vessel (str):
        voyage (str):
        container_number (str):
        is_roro (bool):
        origin_port (Port):
        destination_port (Port):
        etd (Moment):
        eta (Moment):
        is_delayed (bool):
        timeline (list[TrackEvent]):
    """

    shipment: int
    deal: int
    language: str
    timezone: str
    status: ShipmentStatusEnum
    status_label: str
    carrier: str
    vessel: str
    voyage: str
    container_number: str
    is_roro: bool
    origin_port: Port
    destination_port: Port
    etd: Moment
    eta: Moment
    is_delayed: bool
    timeline: list[TrackEvent]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        shipment = self.shipment

        deal = self.deal

        language = self.language

        timezone = self.timezone

        status = self.status.value

        status_label = self.status_label

        carrier = self.carrier

        vessel = self.vessel

        voyage = self.voyage

        container_number = self.container_number

        is_roro = self.is_roro

        origin_port = self.origin_port.to_dict()

        destination_port = self.destination_port.to_dict()

        etd = self.etd.to_dict()

        eta = self.eta.to_dict()

        is_delayed = self.is_delayed

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "shipment": shipment,
                "deal": deal,
                "language": language,
                "timezone": timezone,
                "status": status,
                "status_label": status_label,
                "carrier": carrier,
                "vessel": vessel,
                "voyage": voyage,
                "container_number": container_number,
                "is_roro": is_roro,
                "origin_port": origin_port,
                "destination_port": destination_port,
                "etd": etd,
                "eta": eta,
                "is_delayed": is_delayed,
                "timeline": timeline,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.moment import Moment
        from ..models.port import Port
        from ..models.track_event import TrackEvent

        d = dict(src_dict)
        shipment = d.pop("shipment")

        deal = d.pop("deal")

        language = d.pop("language")

        timezone = d.pop("timezone")

        status = ShipmentStatusEnum(d.pop("status"))

        status_label = d.pop("status_label")

        carrier = d.pop("carrier")

        vessel = d.pop("vessel")

        voyage = d.pop("voyage")

        container_number = d.pop("container_number")

        is_roro = d.pop("is_roro")

        origin_port = Port.from_dict(d.pop("origin_port"))

        destination_port = Port.from_dict(d.pop("destination_port"))

        etd = Moment.from_dict(d.pop("etd"))

        eta = Moment.from_dict(d.pop("eta"))

        is_delayed = d.pop("is_delayed")

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = TrackEvent.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        track = cls(
            shipment=shipment,
            deal=deal,
            language=language,
            timezone=timezone,
            status=status,
            status_label=status_label,
            carrier=carrier,
            vessel=vessel,
            voyage=voyage,
            container_number=container_number,
            is_roro=is_roro,
            origin_port=origin_port,
            destination_port=destination_port,
            etd=etd,
            eta=eta,
            is_delayed=is_delayed,
            timeline=timeline,
        )

        track.additional_properties = d
        return track

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
