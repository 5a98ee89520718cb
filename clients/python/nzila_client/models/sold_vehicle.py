from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.condition_enum import ConditionEnum
from ..models.province_enum import ProvinceEnum

T = TypeVar("T", bound="SoldVehicle")


@_attrs_define
class SoldVehicle:
    """
    Attributes:
        year (int):
        make (str):
        model (str):
        mileage_km (int):
        condition (ConditionEnum): * `new` - New
            * `used_excellent` - Used, excellent
            * `used_good` - Used, good
            * `used_fair` - Used, fair
            * `salvage` - Salvage
        province (ProvinceEnum): * `AB` - Alberta
            * `BC` - British Columbia
            * `MB` - Manitoba
            * `NB` - New Brunswick
            * `NL` - Newfoundland and Labrador
            * `NS` - Nova Scotia
            * `NT` - Northwest Territories
            * `NU` - Nunavut
            * `ON` - Ontario
            * `PE` - Prince Edward Island
            * `QC` - Quebec
            * `SK` - Saskatchewan
            * `YT` - Yukon
        price_cad (str): Its asking price in CAD.
        listed_on (datetime.date):
        sold_on (datetime.date): The day its deal opened: the buyer agreed to buy.
        days_to_sell (int): From its publication to its deal.
    """

    year: int
    make: str
    model: str
    mileage_km: int
    condition: ConditionEnum
    province: ProvinceEnum
    price_cad: str
    listed_on: datetime.date
    sold_on: datetime.date
    days_to_sell: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        make = self.make

        model = self.model

        mileage_km = self.mileage_km

        condition = self.condition.value

        province = self.province.value

        price_cad = self.price_cad

        listed_on = self.listed_on.isoformat()

        sold_on = self.sold_on.isoformat()

        days_to_sell = self.days_to_sell

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "make": make,
                "model": model,
                "mileage_km": mileage_km,
                "condition": condition,
                "province": province,
                "price_cad": price_cad,
                "listed_on": listed_on,
                "sold_on": sold_on,
                "days_to_sell": days_to_sell,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        year = d.pop("year")

        make = d.pop("make")

        model = d.pop("model")

        mileage_km = d.pop("mileage_km")

        condition = ConditionEnum(d.pop("condition"))

        province = ProvinceEnum(d.pop("province"))

        price_cad = d.pop("price_cad")

        listed_on = datetime.date.fromisoformat(d.pop("listed_on"))

        sold_on = datetime.date.fromisoformat(d.pop("sold_on"))

        days_to_sell = d.pop("days_to_sell")

        sold_vehicle = cls(
            year=year,
            make=make,
            model=model,
            mileage_km=mileage_km,
            condition=condition,
            province=province,
            price_cad=price_cad,
            listed_on=listed_on,
            sold_on=sold_on,
            days_to_sell=days_to_sell,
        )

        sold_vehicle.additional_properties = d
        return sold_vehicle

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
