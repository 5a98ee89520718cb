from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Currency")


@_attrs_define
class Currency:
    """
    Attributes:
        code (str): ISO 4217 code
        name (str):
        exponent (int): Digits after the decimal point (ISO 4217): XOF 0, CAD 2
        cad_per_unit (None | str): Current value in CAD of one unit; null: no rate
        rate_date (datetime.date | None):
        rate_source (str): bank_of_canada, fallback, parity, manual, local or reference
    """

    code: str
    name: str
    exponent: int
    cad_per_unit: None | str
    rate_date: datetime.date | None
    rate_source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        exponent = self.exponent

        cad_per_unit: None | str
        cad_per_unit = self.cad_per_unit

        rate_date: None | str
        if isinstance(self.rate_date, datetime.date):
            rate_date = self.rate_date.isoformat()
        else:
            rate_date = self.rate_date

        rate_source = self.rate_source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "exponent": exponent,
                "cad_per_unit": cad_per_unit,
                "rate_date": rate_date,
                "rate_source": rate_source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        exponent = d.pop("exponent")

        def _parse_cad_per_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cad_per_unit = _parse_cad_per_unit(d.pop("cad_per_unit"))

        def _parse_rate_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rate_date_type_0 = datetime.date.fromisoformat(data)

                return rate_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        rate_date = _parse_rate_date(d.pop("rate_date"))

        rate_source = d.pop("rate_source")

        currency = cls(
            code=code,
            name=name,
            exponent=exponent,
            cad_per_unit=cad_per_unit,
            rate_date=rate_date,
            rate_source=rate_source,
        )

        currency.additional_properties = d
        return currency

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
