"""The learned price model: a gradient-boosted regressor of the log of the price in CAD, its range by
split-conformal prediction, and the explanation of one car's price.

The range. The regressor learns from the older listings of its rows; the latest CALIBRATION_FRACTION of them
(in listing order, so that they stand as far from the training rows as the future will) are kept aside to
calibrate: their absolute errors in log price give the half-width, the ceil((n + 1) x INTERVAL_COVERAGE)-th
smallest of the n. The range is the prediction times exp(-half-width) to exp(+half-width): it covers
INTERVAL_COVERAGE of new listings when they come as the calibration listings came (split-conformal prediction,
Vovk et al.; Lei et al. 2018). Log errors are about as wide for a cheap car as for a dear one (prices are
multiplicative), so one half-width in log serves every price.

The explanation. A car's price is predicted as it is, then again with one feature at a time set to what is
typical of its comparables (the median model year, mileage and listing date, the most common condition and
province of the listings the rule would compare it with: ml.price_guidance.comparables); the difference is that
feature's effect in CAD. All variants are one batch to the regressor, so an explanation costs about what a
prediction does. The effects need not add up to the gap from the comparables' median (features interact); they
name what moves this car's price the most.
"""

import math
from dataclasses import dataclass

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor

from ml.price_guidance.comparables import ComparablesIndex, Typical, TypicalValues
from ml.price_guidance.features import FEATURES, FeatureEncoder, ListingRows
from ml.threads import one_thread

INTERVAL_METHOD = "split-conformal"
INTERVAL_COVERAGE = 0.8
CALIBRATION_FRACTION = 0.15
EXPLAINED_FEATURES = ("mileage_km", "condition", "province", "year", "listed_days")
# 150 rounds at 0.15 score as 300 at 0.1 on the generated market (MAPE 0.0857 vs 0.0855) and predict in half
# the time: the regressor walks its trees round by round.
REGRESSOR_PARAMETERS = {
    "learning_rate": 0.15, "max_iter": 150, "max_leaf_nodes": 31, "min_samples_leaf": 20, "l2_regularization": 1.0,
    "early_stopping": False, "random_state": 16,
}  # fmt: skip


@dataclass(frozen=True)
class PriceRanges:
    """Parallel arrays in CAD: the suggested price and its range, per row."""

    price: np.ndarray
    low: np.ndarray
    high: np.ndarray


@dataclass(frozen=True)
class FeatureEffect:
    feature: str
    value: object  # the car's
    typical: object  # its comparables'
    effect_cad: float  # the car's price minus its price with the typical value


class PriceModel:
    """What a price guidance version's artifact holds: pickled whole by the registry."""

    method = INTERVAL_METHOD
    coverage = INTERVAL_COVERAGE
    features = FEATURES

    def __init__(self, *, regressor, encoder: FeatureEncoder, log_half_width: float, typical: TypicalValues):
        self.regressor = regressor
        self.encoder = encoder
        self.log_half_width = log_half_width
        self.typical = typical

    def log_price(self, rows: ListingRows) -> np.ndarray:
        with one_thread():
            return self.regressor.predict(self.encoder.matrix(rows))

    def predict(self, rows: ListingRows) -> PriceRanges:
        return self._ranges(self.log_price(rows))

    def _ranges(self, log_price: np.ndarray) -> PriceRanges:
        return PriceRanges(
            price=np.exp(log_price),
            low=np.exp(log_price - self.log_half_width),
            high=np.exp(log_price + self.log_half_width),
        )

    def typical_for(self, row: ListingRows) -> Typical:
        return self.typical.for_car(make=row.make[0], model=row.model[0], year=int(row.year[0]))

    def explain(self, row: ListingRows) -> tuple[PriceRanges, list[FeatureEffect]]:
        """The price and range of the one car in `row`, and each explained feature's effect, largest first."""
        typical = self.typical_for(row)
        variants = [row] + [row.replaced(**{feature: getattr(typical, feature)}) for feature in EXPLAINED_FEATURES]
        log_prices = self.log_price(ListingRows.stacked(variants))
        prices = np.exp(log_prices)
        effects = [
            FeatureEffect(
                feature=feature, value=getattr(row, feature)[0], typical=getattr(typical, feature),
                effect_cad=float(prices[0] - prices[position]),
            )
            for position, feature in enumerate(EXPLAINED_FEATURES, start=1)
        ]  # fmt: skip
        return self._ranges(log_prices[:1]), sorted(effects, key=lambda effect: -abs(effect.effect_cad))


def conformal_half_width(absolute_errors: np.ndarray, *, coverage: float) -> float:
    """The ceil((n + 1) x coverage)-th smallest of n errors: a range this wide covers a new case with
    probability at least `coverage` when it comes as the n did (the largest error when n is too small)."""
    errors = np.sort(absolute_errors)
    rank = min(math.ceil((len(errors) + 1) * coverage), len(errors))
    return float(errors[rank - 1])


def price_model_fit(*, rows: ListingRows) -> PriceModel:
    """Fit on `rows` in listing order: the regressor on all but the latest CALIBRATION_FRACTION, which
    calibrate its range. The typical values of comparables come from all of them."""
    calibration_rows = max(1, round(len(rows) * CALIBRATION_FRACTION))
    train, calibration = rows.subset(slice(None, -calibration_rows)), rows.subset(slice(-calibration_rows, None))
    encoder = FeatureEncoder(train)
    regressor = HistGradientBoostingRegressor(
        **REGRESSOR_PARAMETERS,
        categorical_features=encoder.categorical_mask(),
        monotonic_cst=encoder.monotonic_constraints(),
    )
    with one_thread():
        regressor.fit(encoder.matrix(train), np.log(train.price_cad))
    model = PriceModel(
        regressor=regressor, encoder=encoder, log_half_width=0.0, typical=ComparablesIndex(rows).typical_values()
    )
    errors = np.abs(np.log(calibration.price_cad) - model.log_price(calibration))
    model.log_half_width = conformal_half_width(errors, coverage=INTERVAL_COVERAGE)
    return model
