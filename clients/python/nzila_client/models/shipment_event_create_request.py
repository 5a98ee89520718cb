from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shipment_status_enum import ShipmentStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="ShipmentEventCreateRequest")


@_attrs_define
class ShipmentEventCreateRequest:
    """
    Attributes:
        status (ShipmentStatusEnum): * `booked` - Booked
            * `at_origin_port` - At the port of origin
            * `departed` - Departed
            * `in_transit` - In transit
            * `arrived` - Arrived at the destination port
            * `customs_cleared` - Cleared customs
            * `delivered` - Delivered
        occurred_at (datetime.datetime):
        location (str | Unset):  Default: ''.
        note (str | Unset):  Default: ''.
        eta (datetime.datetime | None | Unset): A new estimated arrival.
    """

    status: ShipmentStatusEnum
    occurred_at: datetime.datetime
    location: str | Unset = ""
    note: str | Unset = ""
    eta: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        occurred_at = self.occurred_at.isoformat()

        location = self.location

        note = self.note

        eta: None | str | Unset
        if isinstance(self.eta, Unset):
            eta = UNSET
        elif isinstance(self.eta, datetime.datetime):
            eta = self.eta.isoformat()
        else:
            eta = self.eta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "occurred_at": occurred_at,
            }
        )
        if location is not UNSET:
            field_dict["location"] = location
        if note is not UNSET:
            field_dict["note"] = note
        if eta is not UNSET:
            field_dict["eta"] = eta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = ShipmentStatusEnum(d.pop("status"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        location = d.pop("location", UNSET)

        note = d.pop("note", UNSET)

        def _parse_eta(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                eta_type_0 = datetime.datetime.fromisoformat(data)

                return eta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        eta = _parse_eta(d.pop("eta", UNSET))

        shipment_event_create_request = cls(
            status=status,
            occurred_at=occurred_at,
            location=location,
            note=note,
            eta=eta,
        )

        shipment_event_create_request.additional_properties = d
        return shipment_event_create_request

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
