"""Price guidance for one listing: the price the market would pay for the car, its range, what moves it, the
demand for cars like it, and similar cars that sold.

The active version of the price model answers when there is one (ml.selectors.active_model: loaded once per
process); otherwise the comparables rule does (ml.price_guidance.comparables): the median asking price of the
car's comparables, with their 10th to 90th percentiles as its range. The car is priced as if listed today.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext

from ml.models import ModelName, ModelVersion
from ml.price_guidance.comparables import RULE_COVERAGE, Level
from ml.price_guidance.features import ListingRows
from ml.price_guidance.model import FeatureEffect, PriceModel
from ml.price_guidance.selectors import (
    Comparables,
    MarketDemand,
    SoldVehicle,
    market_demand,
    price_comparables,
    similar_sold_vehicles,
)
from ml.price_guidance.training import listed_at
from ml.selectors import active_model
from vehicles.models import Condition, Province, Vehicle

CURRENCY = "CAD"
PRICE_STEP = 100  # prices are suggested in hundreds of dollars, as dealers list them
TOP_FACTORS = 3


class Source:
    MODEL = "model"
    RULE = "rule"


@dataclass(frozen=True)
class PriceFactor:
    """One feature's effect on this car's price: what the car has, what is typical of its comparables, and how
    much the car's price moves from the second to the first (negative: it lowers the price)."""

    feature: str
    label: str
    value: str
    typical: str
    effect: Decimal


@dataclass(frozen=True)
class PriceGuidance:
    vehicle_id: int
    currency: str
    suggested_price: Decimal
    low: Decimal
    high: Decimal
    coverage: float  # the share of such cars' prices the range is meant to hold
    source: str  # Source
    model_version: int | None
    source_description: str
    listing_price: Decimal  # the listing's own price in CAD, to compare
    comparables: Comparables
    factors: list[PriceFactor]
    demand: MarketDemand
    similar_sold: list[SoldVehicle]


def _rounded(price: float) -> Decimal:
    return Decimal(round(price / PRICE_STEP) * PRICE_STEP)


def _factor_label(feature: str) -> str:
    return {
        "mileage_km": gettext("Mileage"),
        "condition": gettext("Condition"),
        "province": gettext("Province"),
        "year": gettext("Model year"),
        "listed_days": gettext("Listing date"),
    }[feature]


def _factor_value(feature: str, value) -> str:
    if feature == "mileage_km":
        return f"{number_format(int(value), force_grouping=True)} km"
    if feature == "condition":
        return str(Condition(value).label) if value in Condition.values else str(value)
    if feature == "province":
        return str(Province(value.upper()).label) if value.upper() in Province.values else str(value)
    if feature == "listed_days":
        return date_format(listed_at(value).date(), "DATE_FORMAT")
    return str(int(value))


def _comparables_description(comparables: Comparables) -> str:
    return {
        Level.MAKE_MODEL_YEAR: gettext("the same make and model, within a model year"),
        Level.MAKE: gettext("the same make"),
        Level.ALL: gettext("every listing"),
    }[comparables.level]


@dataclass(frozen=True)
class _Priced:
    """The part of the guidance that depends on who priced the car, the model or the rule."""

    suggested_price: Decimal
    low: Decimal
    high: Decimal
    coverage: float
    source: str
    model_version: int | None
    source_description: str
    factors: list[PriceFactor]


class PricePredictionEngine:
    """suggest_price(vehicle): the learned model's guidance when a version is active, else the rule's.
    `learned=False` answers with the rule whatever is active (to compare the two on the same cars)."""

    def __init__(self, *, learned: bool = True):
        self.learned = learned

    def suggest_price(self, vehicle: Vehicle) -> PriceGuidance:
        now = timezone.now()
        comparables = price_comparables(vehicle=vehicle)
        active = active_model(name=ModelName.PRICE_GUIDANCE) if self.learned else None
        if active is not None:
            priced = self._model_priced(vehicle, model=active.estimator, version=active.version, now=now)
        else:
            priced = self._rule_priced(vehicle, comparables=comparables)
        return PriceGuidance(
            vehicle_id=vehicle.pk,
            currency=CURRENCY,
            listing_price=vehicle.price_cad,
            comparables=comparables,
            demand=market_demand(vehicle=vehicle, now=now),
            similar_sold=similar_sold_vehicles(vehicle=vehicle),
            **vars(priced),
        )

    def _model_priced(self, vehicle: Vehicle, *, model: PriceModel, version: ModelVersion, now: datetime) -> _Priced:
        ranges, effects = model.explain(ListingRows.for_vehicle(vehicle, at=now))
        trained = {"version": version.version, "date": date_format(version.training_window_end, "DATE_FORMAT")}
        description = gettext(
            "Learned price model, version %(version)s, trained on the listings published until %(date)s."
        )
        shown = [effect for effect in effects if abs(effect.effect_cad) >= PRICE_STEP / 2][:TOP_FACTORS]
        return _Priced(
            suggested_price=_rounded(ranges.price[0]),
            low=_rounded(ranges.low[0]),
            high=_rounded(ranges.high[0]),
            coverage=model.coverage,
            source=Source.MODEL,
            model_version=version.version,
            source_description=description % trained,
            factors=[_factor(effect) for effect in shown],
        )

    def _rule_priced(self, vehicle: Vehicle, *, comparables: Comparables) -> _Priced:
        if not comparables.count:
            price = vehicle.price_cad
            description = gettext("No other listing to compare with yet: the listing's own price.")
            return _Priced(price, price, price, 0.0, Source.RULE, None, description, [])
        found = {"count": comparables.count, "comparables": _comparables_description(comparables)}
        description = gettext(
            "Median asking price of %(count)s comparable listings (%(comparables)s); no learned model is active."
        )
        return _Priced(
            suggested_price=_rounded(comparables.median),
            low=_rounded(comparables.low),
            high=_rounded(comparables.high),
            coverage=RULE_COVERAGE,
            source=Source.RULE,
            model_version=None,
            source_description=description % found,
            factors=[],
        )


def _factor(effect: FeatureEffect) -> PriceFactor:
    return PriceFactor(
        feature=effect.feature,
        label=_factor_label(effect.feature),
        value=_factor_value(effect.feature, effect.value),
        typical=_factor_value(effect.feature, effect.typical),
        effect=_rounded(effect.effect_cad),
    )
