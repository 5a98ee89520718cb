from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blank_enum import BlankEnum
from ..models.body_type_enum import BodyTypeEnum
from ..models.condition_enum import ConditionEnum
from ..models.currency_enum import CurrencyEnum
from ..models.drive_enum import DriveEnum
from ..models.fuel_type_enum import FuelTypeEnum
from ..models.province_enum import ProvinceEnum
from ..models.transmission_enum import TransmissionEnum
from ..models.vehicle_status_enum import VehicleStatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cover_photo import CoverPhoto
    from ..models.dealer_summary import DealerSummary


T = TypeVar("T", bound="ScoredVehicle")


@_attrs_define
class ScoredVehicle:
    """A listing's card, with why it is shown and how strongly.

    Attributes:
        id (int):
        dealer (DealerSummary): Read from the vehicle's own columns and annotations
            (vehicles.selectors.vehicle_for_cards).
        make (str):
        model (str):
        year (int):
        vin (str): 17 characters; no I, O or Q; check digit verified.
        mileage_km (int):
        condition (ConditionEnum): * `new` - New
            * `used_excellent` - Used, excellent
            * `used_good` - Used, good
            * `used_fair` - Used, fair
            * `salvage` - Salvage
        price (str): Positive, with no more decimals than the currency has (none in XOF and XAF).
        city (str):
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
        price_cad (str): The price in CAD, kept by the service.
        cover_photo (CoverPhoto | None): The gallery's first photo; null without photos.
        photo_count (int):
        search_rank (float | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        reason (str): Why this listing is shown, in the caller's language.
        score (float): How strongly it is recommended, from 0 to 1; the list is ordered by it.
        trim (str | Unset):
        body_type (BlankEnum | BodyTypeEnum | Unset):
        fuel_type (BlankEnum | FuelTypeEnum | Unset):
        transmission (BlankEnum | TransmissionEnum | Unset):
        drive (BlankEnum | DriveEnum | Unset):
        exterior_color (str | Unset):
        currency (CurrencyEnum | Unset): * `CAD` - CAD
            * `EUR` - EUR
            * `GBP` - GBP
            * `GHS` - GHS
            * `KES` - KES
            * `NGN` - NGN
            * `USD` - USD
            * `XAF` - XAF
            * `XOF` - XOF
            * `ZAR` - ZAR Default: CurrencyEnum.CAD.
        description (str | Unset):
        status (VehicleStatusEnum | Unset): * `draft` - Draft
            * `available` - Available
            * `reserved` - Reserved
            * `sold` - Sold
            * `archived` - Archived
    """

    id: int
    dealer: DealerSummary
    make: str
    model: str
    year: int
    vin: str
    mileage_km: int
    condition: ConditionEnum
    price: str
    city: str
    province: ProvinceEnum
    price_cad: str
    cover_photo: CoverPhoto | None
    photo_count: int
    search_rank: float | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    reason: str
    score: float
    trim: str | Unset = UNSET
    body_type: BlankEnum | BodyTypeEnum | Unset = UNSET
    fuel_type: BlankEnum | FuelTypeEnum | Unset = UNSET
    transmission: BlankEnum | TransmissionEnum | Unset = UNSET
    drive: BlankEnum | DriveEnum | Unset = UNSET
    exterior_color: str | Unset = UNSET
    currency: CurrencyEnum | Unset = CurrencyEnum.CAD
    description: str | Unset = UNSET
    status: VehicleStatusEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cover_photo import CoverPhoto

        id = self.id

        dealer = self.dealer.to_dict()

        make = self.make

        model = self.model

        year = self.year

        vin = self.vin

        mileage_km = self.mileage_km

        condition = self.condition.value

        price = self.price

        city = self.city

        province = self.province.value

        price_cad = self.price_cad

        cover_photo: dict[str, Any] | None
        if isinstance(self.cover_photo, CoverPhoto):
            cover_photo = self.cover_photo.to_dict()
        else:
            cover_photo = self.cover_photo

        photo_count = self.photo_count

        search_rank: float | None
        search_rank = self.search_rank

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        reason = self.reason

        score = self.score

        trim = self.trim

        body_type: str | Unset
        if isinstance(self.body_type, Unset):
            body_type = UNSET
        elif isinstance(self.body_type, BodyTypeEnum):
            body_type = self.body_type.value
        else:
            body_type = self.body_type.value

        fuel_type: str | Unset
        if isinstance(self.fuel_type, Unset):
            fuel_type = UNSET
        elif isinstance(self.fuel_type, FuelTypeEnum):
            fuel_type = self.fuel_type.value
        else:
            fuel_type = self.fuel_type.value

        transmission: str | Unset
        if isinstance(self.transmission, Unset):
            transmission = UNSET
        elif isinstance(self.transmission, TransmissionEnum):
            transmission = self.transmission.value
        else:
            transmission = self.transmission.value

        drive: str | Unset
        if isinstance(self.drive, Unset):
            drive = UNSET
        elif isinstance(self.drive, DriveEnum):
            drive = self.drive.value
        else:
            drive = self.drive.value

        exterior_color = self.exterior_color

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        description = self.description

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "dealer": dealer,
                "make": make,
                "model": model,
                "year": year,
                "vin": vin,
                "mileage_km": mileage_km,
                "condition": condition,
                "price": price,
                "city": city,
                "province": province,
                "price_cad": price_cad,
                "cover_photo": cover_photo,
                "photo_count": photo_count,
                "search_rank": search_rank,
                "created_at": created_at,
                "updated_at": updated_at,
                "reason": reason,
                "score": score,
            }
        )
        if trim is not UNSET:
            field_dict["trim"] = trim
        if body_type is not UNSET:
            field_dict["body_type"] = body_type
        if fuel_type is not UNSET:
            field_dict["fuel_type"] = fuel_type
        if transmission is not UNSET:
            field_dict["transmission"] = transmission
        if drive is not UNSET:
            field_dict["drive"] = drive
        if exterior_color is not UNSET:
            field_dict["exterior_color"] = exterior_color
        if currency is not UNSET:
            field_dict["currency"] = currency
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cover_photo import CoverPhoto
        from ..models.dealer_summary import DealerSummary

        d = dict(src_dict)
        id = d.pop("id")

        dealer = DealerSummary.from_dict(d.pop("dealer"))

        make = d.pop("make")

        model = d.pop("model")

        year = d.pop("year")

        vin = d.pop("vin")

        mileage_km = d.pop("mileage_km")

        condition = ConditionEnum(d.pop("condition"))

        price = d.pop("price")

        city = d.pop("city")

        province = ProvinceEnum(d.pop("province"))

        price_cad = d.pop("price_cad")

        def _parse_cover_photo(data: object) -> CoverPhoto | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cover_photo_type_1 = CoverPhoto.from_dict(data)

                return cover_photo_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CoverPhoto | None, data)

        cover_photo = _parse_cover_photo(d.pop("cover_photo"))

        photo_count = d.pop("photo_count")

        def _parse_search_rank(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        search_rank = _parse_search_rank(d.pop("search_rank"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        reason = d.pop("reason")

        score = d.pop("score")

        trim = d.pop("trim", UNSET)

        def _parse_body_type(data: object) -> BlankEnum | BodyTypeEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                body_type_type_0 = BodyTypeEnum(data)

                return body_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            body_type_type_1 = BlankEnum(data)

            return body_type_type_1

        body_type = _parse_body_type(d.pop("body_type", UNSET))

        def _parse_fuel_type(data: object) -> BlankEnum | FuelTypeEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fuel_type_type_0 = FuelTypeEnum(data)

                return fuel_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            fuel_type_type_1 = BlankEnum(data)

            return fuel_type_type_1

        fuel_type = _parse_fuel_type(d.pop("fuel_type", UNSET))

        def _parse_transmission(data: object) -> BlankEnum | TransmissionEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                transmission_type_0 = TransmissionEnum(data)

                return transmission_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            transmission_type_1 = BlankEnum(data)

            return transmission_type_1

        transmission = _parse_transmission(d.pop("transmission", UNSET))

        def _parse_drive(data: object) -> BlankEnum | DriveEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                drive_type_0 = DriveEnum(data)

                return drive_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            drive_type_1 = BlankEnum(data)

            return drive_type_1

        drive = _parse_drive(d.pop("drive", UNSET))

        exterior_color = d.pop("exterior_color", UNSET)

        _currency = d.pop("currency", UNSET)
        currency: CurrencyEnum | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = CurrencyEnum(_currency)

        description = d.pop("description", UNSET)

        _status = d.pop("status", UNSET)
        status: VehicleStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = VehicleStatusEnum(_status)

        scored_vehicle = cls(
            id=id,
            dealer=dealer,
            make=make,
            model=model,
            year=year,
            vin=vin,
            mileage_km=mileage_km,
            condition=condition,
            price=price,
            city=city,
            province=province,
            price_cad=price_cad,
            cover_photo=cover_photo,
            photo_count=photo_count,
            search_rank=search_rank,
            created_at=created_at,
            updated_at=updated_at,
            reason=reason,
            score=score,
            trim=trim,
            body_type=body_type,
            fuel_type=fuel_type,
            transmission=transmission,
            drive=drive,
            exterior_color=exterior_color,
            currency=currency,
            description=description,
            status=status,
        )

        scored_vehicle.additional_properties = d
        return scored_vehicle

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
