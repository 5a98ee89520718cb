"""What the price model sees of a listing: its rows as parallel arrays, read from the listings or built for one
vehicle, and their encoding as the regressor's matrix.

A listing's features are its make, model (named with its make, so that two makes' models never share a
category), model year, age when listed (the year listed minus the model year: the hidden process, and any car
market, depreciates by age, which a tree would otherwise have to piece together from the year and the date),
mileage, condition, body type, fuel type, province and listing date (days since LISTING_EPOCH). Texts typed by
dealers are compared stripped and case-folded ("Toyota " and "toyota" are one make)."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime

import numpy as np

from vehicles.models import Vehicle

LISTING_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
DAY_SECONDS = 86_400.0
CATEGORICAL = ["make", "model", "condition", "body_type", "fuel_type", "province"]
NUMERIC = ["year", "age_years", "mileage_km", "listed_days"]
FEATURES = CATEGORICAL + NUMERIC
# HistGradientBoostingRegressor takes at most 255 bins: the 254 most frequent values of a category keep their
# own, rarer ones are read as missing (as a value never seen in training is).
MAX_CATEGORIES = 254
# A car is worth no more for being older or more driven, all else equal: the regressor is held to that.
MONOTONIC = {"year": 1, "age_years": -1, "mileage_km": -1}
LISTING_FIELDS = [
    "make", "model", "year", "mileage_km", "condition", "body_type", "fuel_type", "province", "published_at",
    "created_at", "price_cad",
]  # fmt: skip


def _text(value: str | None) -> str:
    return (value or "").strip().casefold()


def listed_days(moment: datetime) -> float:
    return (moment - LISTING_EPOCH).total_seconds() / DAY_SECONDS


@dataclass(frozen=True)
class ListingRows:
    """Listings as parallel arrays, one entry per listing; `price_cad` is NaN where unknown (a car to price)."""

    make: np.ndarray
    model: np.ndarray  # "make model"
    year: np.ndarray
    listed_year: np.ndarray
    mileage_km: np.ndarray
    condition: np.ndarray
    body_type: np.ndarray
    fuel_type: np.ndarray
    province: np.ndarray
    listed_days: np.ndarray
    price_cad: np.ndarray

    @classmethod
    def from_listings(cls, listings: Iterable[dict]) -> "ListingRows":
        """From dicts with the Vehicle fields of LISTING_FIELDS, where `listed_at` (a datetime) may stand for
        `published_at` and `created_at`, and `price_cad` may be None."""
        columns = {field.name: [] for field in fields(cls)}
        for listing in listings:
            listed_at = listing.get("listed_at") or listing.get("published_at") or listing["created_at"]
            make = _text(listing["make"])
            columns["make"].append(make)
            columns["model"].append(f"{make} {_text(listing['model'])}")
            columns["year"].append(listing["year"])
            columns["listed_year"].append(listed_at.year)
            columns["mileage_km"].append(listing["mileage_km"])
            for name in ("condition", "body_type", "fuel_type", "province"):
                columns[name].append(_text(listing[name]))
            columns["listed_days"].append(listed_days(listed_at))
            price = listing.get("price_cad")
            columns["price_cad"].append(np.nan if price is None else float(price))
        return cls(**{
            name: np.array(values, dtype=object if name in CATEGORICAL else float)
            for name, values in columns.items()
        })  # fmt: skip

    @classmethod
    def for_vehicle(cls, vehicle: Vehicle, *, at: datetime) -> "ListingRows":
        """The vehicle as if listed at `at` (its price unknown: the one to suggest)."""
        listing = {name: getattr(vehicle, name) for name in LISTING_FIELDS if name != "price_cad"}
        return cls.from_listings([{**listing, "listed_at": at}])

    def __len__(self) -> int:
        return len(self.price_cad)

    @property
    def age_years(self) -> np.ndarray:
        return self.listed_year - self.year

    def subset(self, rows) -> "ListingRows":
        """The rows a boolean mask or an index array selects."""
        return ListingRows(**{field.name: getattr(self, field.name)[rows] for field in fields(self)})

    @classmethod
    def stacked(cls, parts: list["ListingRows"]) -> "ListingRows":
        columns = {field.name: [getattr(part, field.name) for part in parts] for field in fields(cls)}
        return cls(**{name: np.concatenate(values) for name, values in columns.items()})

    def replaced(self, **columns) -> "ListingRows":
        """The same rows with some columns replaced (scalars are broadcast)."""
        return ListingRows(**{
            field.name: np.full(len(self), columns[field.name], dtype=getattr(self, field.name).dtype)
            if field.name in columns else getattr(self, field.name)
            for field in fields(self)
        })  # fmt: skip


def listing_rows_load() -> ListingRows:
    """Every published listing with a price, for training: read-only, in batches."""
    listings = (
        Vehicle.objects.filter(published_at__isnull=False, price_cad__gt=0)
        .order_by("published_at", "id")
        .values(*LISTING_FIELDS)
    )
    return ListingRows.from_listings(listings.iterator(chunk_size=10_000))


class FeatureEncoder:
    """Turns rows into the regressor's float matrix: a category becomes its code among the values seen in
    training (NaN, read as missing, for one unseen or too rare), a number stays as it is."""

    def __init__(self, rows: ListingRows):
        self.codes = {
            name: {
                value: code for code, (value, _) in enumerate(Counter(getattr(rows, name)).most_common(MAX_CATEGORIES))
            }
            for name in CATEGORICAL
        }

    def matrix(self, rows: ListingRows) -> np.ndarray:
        columns = [
            np.array([self.codes[name].get(value, np.nan) for value in getattr(rows, name)], dtype=float)
            for name in CATEGORICAL
        ]
        columns += [np.asarray(getattr(rows, name), dtype=float) for name in NUMERIC]
        return np.column_stack(columns)

    @staticmethod
    def categorical_mask() -> list[bool]:
        return [name in CATEGORICAL for name in FEATURES]

    @staticmethod
    def monotonic_constraints() -> list[int]:
        return [MONOTONIC.get(name, 0) for name in FEATURES]
