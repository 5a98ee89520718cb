from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shipment_status_enum import ShipmentStatusEnum

T = TypeVar("T", bound="ShipmentEvent")


@_attrs_define
class ShipmentEvent:
    """
    Attributes:
        id (int):
        status (ShipmentStatusEnum): * `booked` - Booked
            * `at_origin_port` - At the port of origin
            * `departed` - Departed
            * `in_transit` - In transit
            * `arrived` - Arrived at the destination port
            * `customs_cleared` - Cleared customs
            * `delivered` - Delivered
        location (str):
        occurred_at (datetime.datetime):
        note (str):
        created_at (datetime.datetime):
        notified_at (datetime.datetime | None): When the buyer was told of this event (send_shipment_updates).
    """

    id: int
    status: ShipmentStatusEnum
    location: str
    occurred_at: datetime.datetime
    note: str
    created_at: datetime.datetime
    notified_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        location = self.location

        occurred_at = self.occurred_at.isoformat()

        note = self.note

        created_at = self.created_at.isoformat()

        notified_at: None | str
        if isinstance(self.notified_at, datetime.datetime):
            notified_at = self.notified_at.isoformat()
        else:
            notified_at = self.notified_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "location": location,
                "occurred_at": occurred_at,
                "note": note,
                "created_at": created_at,
                "notified_at": notified_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = ShipmentStatusEnum(d.pop("status"))

        location = d.pop("location")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        note = d.pop("note")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_notified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notified_at_type_0 = datetime.datetime.fromisoformat(data)

                return notified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        notified_at = _parse_notified_at(d.pop("notified_at"))

        shipment_event = cls(
            id=id,
            status=status,
            location=location,
            occurred_at=occurred_at,
            note=note,
            created_at=created_at,
            notified_at=notified_at,
        )

        shipment_event.additional_properties = d
        return shipment_event

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
