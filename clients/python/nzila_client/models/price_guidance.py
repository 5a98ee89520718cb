from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.comparables import Comparables
    from ..models.market_demand import MarketDemand
    from ..models.price_factor import PriceFactor
    from ..models.sold_vehicle import SoldVehicle


T = TypeVar("T", bound="PriceGuidance")


@_attrs_define
class PriceGuidance:
    """
    Attributes:
        vehicle_id (int):
        currency (str): CAD: every amount here is in Canadian dollars.
        suggested_price (str): What the market would pay for the car listed today, in hundreds of CAD.
        low (str): The range's low end.
        high (str): The range's high end.
        coverage (float): The share of such cars' prices the range is meant to hold (0.8).
        source (str): `model`: the active learned model; `rule`: the comparables' median, when no model is active.
        model_version (int | None): The model's version; null for the rule.
        source_description (str): Where the price comes from, in the caller's language.
        listing_price (str): The listing's own price in CAD, to compare.
        comparables (Comparables):
        factors (list[PriceFactor]): What moves this car's price most against its comparables (model only), largest
            first.
        demand (MarketDemand):
        similar_sold (list[SoldVehicle]): Up to 5 cars of the same make and model within 2 model years that sold.
    """

    vehicle_id: int
    currency: str
    suggested_price: str
    low: str
    high: str
    coverage: float
    source: str
    model_version: int | None
    source_description: str
    listing_price: str
    comparables: Comparables
    factors: list[PriceFactor]
    demand: MarketDemand
    similar_sold: list[SoldVehicle]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vehicle_id = self.vehicle_id

        currency = self.currency

        suggested_price = self.suggested_price

        low = self.low

        high = self.high

        coverage = self.coverage

        source = self.source

        model_version: int | None
        model_version = self.model_version

        source_description = self.source_description

        listing_price = self.listing_price

        comparables = self.comparables.to_dict()

        factors = []
        for factors_item_data in self.factors:
            factors_item = factors_item_data.to_dict()
            factors.append(factors_item)

        demand = self.demand.to_dict()

        similar_sold = []
        for similar_sold_item_data in self.similar_sold:
            similar_sold_item = similar_sold_item_data.to_dict()
            similar_sold.append(similar_sold_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vehicle_id": vehicle_id,
                "currency": currency,
                "suggested_price": suggested_price,
                "low": low,
                "high": high,
                "coverage": coverage,
                "source": source,
                "model_version": model_version,
                "source_description": source_description,
                "listing_price": listing_price,
                "comparables": comparables,
                "factors": factors,
                "demand": demand,
                "similar_sold": similar_sold,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.comparables import Comparables
        from ..models.market_demand import MarketDemand
        from ..models.price_factor import PriceFactor
        from ..models.sold_vehicle import SoldVehicle

        d = dict(src_dict)
        vehicle_id = d.pop("vehicle_id")

        currency = d.pop("currency")

        suggested_price = d.pop("suggested_price")

        low = d.pop("low")

        high = d.pop("high")

        coverage = d.pop("coverage")

        source = d.pop("source")

        def _parse_model_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        model_version = _parse_model_version(d.pop("model_version"))

        source_description = d.pop("source_description")

        listing_price = d.pop("listing_price")

        comparables = Comparables.from_dict(d.pop("comparables"))

        factors = []
        _factors = d.pop("factors")
        for factors_item_data in _factors:
            factors_item = PriceFactor.from_dict(factors_item_data)

            factors.append(factors_item)

        demand = MarketDemand.from_dict(d.pop("demand"))

        similar_sold = []
        _similar_sold = d.pop("similar_sold")
        for similar_sold_item_data in _similar_sold:
            similar_sold_item = SoldVehicle.from_dict(similar_sold_item_data)

            similar_sold.append(similar_sold_item)

        price_guidance = cls(
            vehicle_id=vehicle_id,
            currency=currency,
            suggested_price=suggested_price,
            low=low,
            high=high,
            coverage=coverage,
            source=source,
            model_version=model_version,
            source_description=source_description,
            listing_price=listing_price,
            comparables=comparables,
            factors=factors,
            demand=demand,
            similar_sold=similar_sold,
        )

        price_guidance.additional_properties = d
        return price_guidance

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
