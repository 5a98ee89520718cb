"""The comparables: the listings a car is compared with, as the rule and the explanations find them.

A car's comparables are the listings of its make and model within YEAR_BAND model years of its own; when they
are fewer than MIN_COMPARABLES, the listings of its make; when those are too, every listing. The rule (the
baseline and the fallback) prices the car at their median and gives their RULE_QUANTILES as its range. This
module finds them among rows in memory (the held-out evaluation, the explanations' typical values);
ml.price_guidance.selectors finds the same ones in the database when a car is priced.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from ml.price_guidance.features import ListingRows

YEAR_BAND = 1
MIN_COMPARABLES = 5
RULE_QUANTILES = (0.1, 0.5, 0.9)
RULE_COVERAGE = round(RULE_QUANTILES[2] - RULE_QUANTILES[0], 2)


class Level:
    """How close the comparables are to the car."""

    MAKE_MODEL_YEAR = "make_model_year"
    MAKE = "make"
    ALL = "all"


@dataclass(frozen=True)
class Typical:
    """What is typical of a car's comparables: the values its explanation compares it with."""

    year: int
    mileage_km: int
    condition: str
    province: str
    listed_days: float


class ComparablesIndex:
    """The rows' indices by make and model and model year, and by make, to find any car's comparables."""

    def __init__(self, rows: ListingRows):
        self.rows = rows
        self.by_model_year = defaultdict(list)
        self.by_make = defaultdict(list)
        for index, (make, model, year) in enumerate(zip(rows.make, rows.model, rows.year, strict=True)):
            self.by_model_year[model, int(year)].append(index)
            self.by_make[make].append(index)

    def comparables(self, *, make: str, model: str, year: int) -> tuple[str, np.ndarray]:
        band = [
            index
            for band_year in range(year - YEAR_BAND, year + YEAR_BAND + 1)
            for index in self.by_model_year.get((model, band_year), ())
        ]
        if len(band) >= MIN_COMPARABLES:
            return Level.MAKE_MODEL_YEAR, np.array(band)
        if len(self.by_make.get(make, ())) >= MIN_COMPARABLES:
            return Level.MAKE, np.array(self.by_make[make])
        return Level.ALL, np.arange(len(self.rows))

    def rule_ranges(self, rows: ListingRows) -> np.ndarray:
        """The rule's (low, median, high) price for each of `rows`: its comparables' RULE_QUANTILES."""
        found = {}
        ranges = np.empty((len(rows), 3))
        for index, key in enumerate(zip(rows.make, rows.model, rows.year.astype(int), strict=True)):
            if key not in found:
                _, comparables = self.comparables(make=key[0], model=key[1], year=key[2])
                found[key] = np.quantile(self.rows.price_cad[comparables], RULE_QUANTILES)
            ranges[index] = found[key]
        return ranges

    def typical_values(self) -> "TypicalValues":
        """What is typical of the comparables of any car, for each make and model and model year the rows hold
        (and the years next to them), each make, and everything."""
        by_model_year = {}
        for (model, year), indices in self.by_model_year.items():
            make = self.rows.make[indices[0]]
            for band_year in range(year - YEAR_BAND, year + YEAR_BAND + 1):
                if (model, band_year) not in by_model_year:
                    level, comparables = self.comparables(make=make, model=model, year=band_year)
                    if level == Level.MAKE_MODEL_YEAR:
                        by_model_year[model, band_year] = self._typical(comparables)
        return TypicalValues(
            by_model_year=by_model_year,
            by_make={
                make: self._typical(np.array(indices))
                for make, indices in self.by_make.items()
                if len(indices) >= MIN_COMPARABLES
            },
            everything=self._typical(np.arange(len(self.rows))),
        )

    def _typical(self, indices: np.ndarray) -> Typical:
        rows = self.rows

        def most_common(values: np.ndarray) -> str:
            return Counter(values.tolist()).most_common(1)[0][0]

        return Typical(
            year=round(float(np.median(rows.year[indices]))),
            mileage_km=round(float(np.median(rows.mileage_km[indices]))),
            condition=most_common(rows.condition[indices]),
            province=most_common(rows.province[indices]),
            listed_days=float(np.median(rows.listed_days[indices])),
        )


@dataclass(frozen=True)
class TypicalValues:
    """Kept in the model's artifact: the typical values of comparables, found as the rule finds them."""

    by_model_year: dict[tuple[str, int], Typical]
    by_make: dict[str, Typical]
    everything: Typical

    def for_car(self, *, make: str, model: str, year: int) -> Typical:
        return self.by_model_year.get((model, year)) or self.by_make.get(make) or self.everything
