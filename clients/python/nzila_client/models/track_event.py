from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shipment_status_enum import ShipmentStatusEnum

if TYPE_CHECKING:
    from ..models.moment import Moment


T = TypeVar("T", bound="TrackEvent")


@_attrs_define
class TrackEvent:
    """
    Attributes:
        status (ShipmentStatusEnum): * `booked` - Booked
            * `at_origin_port` - At the port of origin
            * `departed` - Departed
            * `in_transit` - In transit
            * `arrived` - Arrived at the destination port
            * `customs_cleared` - Cleared customs
            * `delivered` - Delivered
        status_label (str):
        location (str):
        note (str):
        occurred_at (Moment):
    """

    status: ShipmentStatusEnum
    status_label: str
    location: str
    note: str
    occurred_at: Moment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        status_label = self.status_label

        location = self.location

        note = self.note

        occurred_at = self.occurred_at.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "status_label": status_label,
                "location": location,
                "note": note,
                "occurred_at": occurred_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.moment import Moment

        d = dict(src_dict)
        status = ShipmentStatusEnum(d.pop("status"))

        status_label = d.pop("status_label")

        location = d.pop("location")

        note = d.pop("note")

        occurred_at = Moment.from_dict(d.pop("occurred_at"))

        track_event = cls(
            status=status,
            status_label=status_label,
            location=location,
            note=note,
            occurred_at=occurred_at,
        )

        track_event.additional_properties = d
        return track_event

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
