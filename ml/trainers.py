"""The trainers that `retrain_models` runs: one per learned model, registered by the module that defines the
model with `trainer_register` (from its app's `ready()`), so that each new model plugs in without touching
the runner (ml.services.models_retrain)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ml.models import ModelName


@dataclass(frozen=True)
class TrainingResult:
    """A fitted estimator and its scores on a held-out split, with the rule's scores on the same split."""

    estimator: Any
    features: list[str]
    metrics: dict[str, float]
    baseline_metrics: dict[str, float]
    held_out: dict  # how the split was made, e.g. {"kind": "time", "cutoff": "2026-01-01T00:00:00+00:00", "rows": 812}
    training_window: tuple[datetime, datetime]
    # Scores any estimator of this model on the same held-out split: the active version is measured with it,
    # so that a candidate is compared with it on the same rows.
    evaluate: Callable[[Any], dict[str, float]]


@dataclass(frozen=True)
class Trainer:
    name: str  # a ModelName
    train: Callable[[], TrainingResult]
    primary_metric: str  # the metric promotion compares
    higher_is_better: bool = True


TRAINERS: dict[str, Trainer] = {}


def trainer_register(trainer: Trainer) -> None:
    if trainer.name not in ModelName.values:
        raise ValueError(f"{trainer.name!r} is not a model the registry knows ({', '.join(ModelName.values)}).")
    TRAINERS[trainer.name] = trainer
