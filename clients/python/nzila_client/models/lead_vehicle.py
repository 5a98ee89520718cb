from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.body_type_enum import BodyTypeEnum
from ..models.vehicle_status_enum import VehicleStatusEnum

T = TypeVar("T", bound="LeadVehicle")


@_attrs_define
class LeadVehicle:
    """
    Attributes:
        id (int):
        make (str):
        model (str):
        trim (str):
        year (int):
        body_type (BodyTypeEnum): * `sedan` - Sedan
            * `suv` - SUV
            * `pickup` - Pickup truck
            * `hatchback` - Hatchback
            * `coupe` - Coupe
            * `convertible` - Convertible
            * `wagon` - Wagon
            * `minivan` - Minivan
            * `van` - Van
            * `truck` - Truck
        price (str):
        currency (str):
        price_cad (str): The price in CAD, kept by the service.
        status (VehicleStatusEnum): * `draft` - Draft
            * `available` - Available
            * `reserved` - Reserved
            * `sold` - Sold
            * `archived` - Archived
    """

    id: int
    make: str
    model: str
    trim: str
    year: int
    body_type: BodyTypeEnum
    price: str
    currency: str
    price_cad: str
    status: VehicleStatusEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        make = self.make

        model = self.model

        trim = self.trim

        year = self.year

        body_type = self.body_type.value

        price = self.price

        currency = self.currency

        price_cad = self.price_cad

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "make": make,
                "model": model,
                "trim": trim,
                "year": year,
                "body_type": body_type,
                "price": price,
                "currency": currency,
                "price_cad": price_cad,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        make = d.pop("make")

        model = d.pop("model")

        trim = d.pop("trim")

        year = d.pop("year")

        body_type = BodyTypeEnum(d.pop("body_type"))

        price = d.pop("price")

        currency = d.pop("currency")

        price_cad = d.pop("price_cad")

        status = VehicleStatusEnum(d.pop("status"))

        lead_vehicle = cls(
            id=id,
            make=make,
            model=model,
            trim=trim,
            year=year,
            body_type=body_type,
            price=price,
            currency=currency,
            price_cad=price_cad,
            status=status,
        )

        lead_vehicle.additional_properties = d
        return lead_vehicle

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
