from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.facet_value import FacetValue
    from ..models.price_band import PriceBand


T = TypeVar("T", bound="Facets")


@_attrs_define
class Facets:
    """
    Attributes:
        make (list[FacetValue]):
        model (list[FacetValue]):
        year (list[FacetValue]):
        condition (list[FacetValue]):
        body_type (list[FacetValue]):
        fuel_type (list[FacetValue]):
        price_cad (list[PriceBand]):
    """

    make: list[FacetValue]
    model: list[FacetValue]
    year: list[FacetValue]
    condition: list[FacetValue]
    body_type: list[FacetValue]
    fuel_type: list[FacetValue]
    price_cad: list[PriceBand]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        make = []
        for make_item_data in self.make:
            make_item = make_item_data.to_dict()
            make.append(make_item)

        model = []
        for model_item_data in self.model:
            model_item = model_item_data.to_dict()
            model.append(model_item)

        year = []
        for year_item_data in self.year:
            year_item = year_item_data.to_dict()
            year.append(year_item)

        condition = []
        for condition_item_data in self.condition:
            condition_item = condition_item_data.to_dict()
            condition.append(condition_item)

        body_type = []
        for body_type_item_data in self.body_type:
            body_type_item = body_type_item_data.to_dict()
            body_type.append(body_type_item)

        fuel_type = []
        for fuel_type_item_data in self.fuel_type:
            fuel_type_item = fuel_type_item_data.to_dict()
            fuel_type.append(fuel_type_item)

        price_cad = []
        for price_cad_item_data in self.price_cad:
            price_cad_item = price_cad_item_data.to_dict()
            price_cad.append(price_cad_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "make": make,
                "model": model,
                "year": year,
                "condition": condition,
                "body_type": body_type,
                "fuel_type": fuel_type,
                "price_cad": price_cad,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.facet_value import FacetValue
        from ..models.price_band import PriceBand

        d = dict(src_dict)
        make = []
        _make = d.pop("make")
        for make_item_data in _make:
            make_item = FacetValue.from_dict(make_item_data)

            make.append(make_item)

        model = []
        _model = d.pop("model")
        for model_item_data in _model:
            model_item = FacetValue.from_dict(model_item_data)

            model.append(model_item)

        year = []
        _year = d.pop("year")
        for year_item_data in _year:
            year_item = FacetValue.from_dict(year_item_data)

            year.append(year_item)

        condition = []
        _condition = d.pop("condition")
        for condition_item_data in _condition:
            condition_item = FacetValue.from_dict(condition_item_data)

            condition.append(condition_item)

        body_type = []
        _body_type = d.pop("body_type")
        for body_type_item_data in _body_type:
            body_type_item = FacetValue.from_dict(body_type_item_data)

            body_type.append(body_type_item)

        fuel_type = []
        _fuel_type = d.pop("fuel_type")
        for fuel_type_item_data in _fuel_type:
            fuel_type_item = FacetValue.from_dict(fuel_type_item_data)

            fuel_type.append(fuel_type_item)

        price_cad = []
        _price_cad = d.pop("price_cad")
        for price_cad_item_data in _price_cad:
            price_cad_item = PriceBand.from_dict(price_cad_item_data)

            price_cad.append(price_cad_item)

        facets = cls(
            make=make,
            model=model,
            year=year,
            condition=condition,
            body_type=body_type,
            fuel_type=fuel_type,
            price_cad=price_cad,
        )

        facets.additional_properties = d
        return facets

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
