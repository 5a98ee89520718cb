"""Training the price model on the listings and scoring it against the comparables rule on the same held-out
listings: the newest HELD_OUT_FRACTION by listing date (a time split: the model is judged on listings that came
after everything it learned from, as it will be used)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from ml.models import ModelName
from ml.price_guidance.comparables import RULE_COVERAGE, ComparablesIndex
from ml.price_guidance.features import FEATURES, LISTING_EPOCH, ListingRows, listing_rows_load
from ml.price_guidance.model import (
    CALIBRATION_FRACTION,
    INTERVAL_COVERAGE,
    INTERVAL_METHOD,
    PriceModel,
    PriceRanges,
    price_model_fit,
)
from ml.trainers import Trainer, TrainingResult

HELD_OUT_FRACTION = 0.2
MIN_LISTINGS = 200
PRIMARY_METRIC = "mape"
METRICS = ("mape", "median_ape", "coverage", "relative_width")


class NotEnoughListings(Exception):
    pass


def price_metrics(*, ranges: PriceRanges, actual: np.ndarray) -> dict[str, float]:
    """MAPE and median absolute percentage error of the price; the share of actual prices inside the range,
    and the range's mean width relative to the suggested price."""
    errors = np.abs(ranges.price - actual) / actual
    return {
        "mape": float(errors.mean()),
        "median_ape": float(np.median(errors)),
        "coverage": float(np.mean((ranges.low <= actual) & (actual <= ranges.high))),
        "relative_width": float(np.mean((ranges.high - ranges.low) / ranges.price)),
    }


def listed_at(days: float) -> datetime:
    return LISTING_EPOCH + timedelta(days=float(days))


@dataclass(frozen=True)
class TimeSplit:
    before: ListingRows  # in listing order
    held_out: ListingRows
    cutoff: datetime


def time_split(rows: ListingRows, *, held_out_fraction: float = HELD_OUT_FRACTION) -> TimeSplit:
    """The listings before the cutoff and those from it on, the cutoff leaving `held_out_fraction` after it."""
    if len(rows) < MIN_LISTINGS:
        raise NotEnoughListings(f"{len(rows)} listings with a price: at least {MIN_LISTINGS} are needed to train.")
    rows = rows.subset(np.argsort(rows.listed_days, kind="stable"))
    cutoff = rows.listed_days[round(len(rows) * (1 - held_out_fraction))]
    return TimeSplit(
        before=rows.subset(rows.listed_days < cutoff),
        held_out=rows.subset(rows.listed_days >= cutoff),
        cutoff=listed_at(cutoff),
    )


def rule_ranges(*, before: ListingRows, held_out: ListingRows) -> PriceRanges:
    low, median, high = ComparablesIndex(before).rule_ranges(held_out).T
    return PriceRanges(price=median, low=low, high=high)


def price_model_train(*, rows: ListingRows | None = None) -> TrainingResult:
    """Fit the model on the listings before the cutoff (every published listing with a price unless `rows` are
    given) and score it and the rule on those from the cutoff on."""
    split = time_split(listing_rows_load() if rows is None else rows)
    model = price_model_fit(rows=split.before)
    actual = split.held_out.price_cad

    def evaluate(estimator: PriceModel) -> dict[str, float]:
        return price_metrics(ranges=estimator.predict(split.held_out), actual=actual)

    held_out = {
        "kind": "time", "cutoff": split.cutoff.isoformat(), "rows": len(split.held_out),
        "training_rows": len(split.before), "calibration_fraction": CALIBRATION_FRACTION,
        "interval": INTERVAL_METHOD, "target_coverage": INTERVAL_COVERAGE, "rule_coverage": RULE_COVERAGE,
    }  # fmt: skip
    return TrainingResult(
        estimator=model,
        features=FEATURES,
        metrics=evaluate(model),
        baseline_metrics=price_metrics(ranges=rule_ranges(before=split.before, held_out=split.held_out), actual=actual),
        held_out=held_out,
        training_window=(listed_at(split.before.listed_days[0]), split.cutoff),
        evaluate=evaluate,
    )


PRICE_TRAINER = Trainer(
    name=ModelName.PRICE_GUIDANCE, train=price_model_train, primary_metric=PRIMARY_METRIC, higher_is_better=False
)
