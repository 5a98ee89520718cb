from datetime import UTC, datetime

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error

from ml import trainers
from ml.models import ModelName, ModelVersion
from ml.services import RetrainingFailed
from ml.tasks import retrain_models
from ml.trainers import Trainer, TrainingResult, trainer_register

pytestmark = pytest.mark.django_db

# y = 3x + 1 with noise; the last quarter, the most recent rows, is held out.
_rng = np.random.default_rng(16)
X = _rng.uniform(0, 10, (200, 1))
Y = 3 * X[:, 0] + 1 + _rng.normal(0, 0.5, 200)
TRAIN, HELD_OUT = slice(0, 150), slice(150, 200)


def line_trainer(model) -> Trainer:
    """A tiny real trainer: `model` fitted on the first rows, scored against the mean (the rule) on the rest."""

    def evaluate(estimator) -> dict[str, float]:
        return {"mae": mean_absolute_error(Y[HELD_OUT], estimator.predict(X[HELD_OUT]))}

    def train() -> TrainingResult:
        estimator = model.fit(X[TRAIN], Y[TRAIN])
        rule = DummyRegressor(strategy="mean").fit(X[TRAIN], Y[TRAIN])
        return TrainingResult(
            estimator=estimator, features=["x"], metrics=evaluate(estimator), baseline_metrics=evaluate(rule),
            held_out={"kind": "time", "cutoff": "row 150", "rows": 50},
            training_window=(datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)), evaluate=evaluate,
        )  # fmt: skip

    return Trainer(name=ModelName.PRICE_GUIDANCE, train=train, primary_metric="mae", higher_is_better=False)


@pytest.fixture
def registered(monkeypatch):
    """The trainers registered during the test only."""
    monkeypatch.setattr(trainers, "TRAINERS", {})
    return trainers.TRAINERS


def test_with_no_trainers_the_command_says_so_and_succeeds(registered, capsys):
    call_command("retrain_models")
    assert capsys.readouterr().out == "No trainers are registered yet: there is no model to train.\n"
    assert not ModelVersion.objects.exists()


def test_a_model_that_beats_its_rule_is_promoted_and_a_worse_one_kept_inactive(registered, capsys):
    trainer_register(line_trainer(LinearRegression()))
    call_command("retrain_models")
    first = ModelVersion.objects.get()
    assert first.is_active
    assert first.metrics["mae"] < first.baseline_metrics["mae"]
    assert capsys.readouterr().out.startswith("price_guidance v1: mae 0.")

    trainer_register(line_trainer(DummyRegressor(strategy="median")))
    call_command("retrain_models", model=[ModelName.PRICE_GUIDANCE])
    second = ModelVersion.objects.get(version=2)
    assert (second.is_active, ModelVersion.objects.get(is_active=True)) == (False, first)
    assert capsys.readouterr().out.endswith("kept inactive: it does not beat the rule or the active version\n")


def test_the_monthly_task_reports_each_model_and_fails_when_a_trainer_fails(registered):
    trainer_register(line_trainer(LinearRegression()))
    assert retrain_models.delay().get()[0].endswith("promoted")

    def broken():
        raise RuntimeError("no rows")

    registered[ModelName.LEAD_CONVERSION] = Trainer(name=ModelName.LEAD_CONVERSION, train=broken, primary_metric="auc")
    with pytest.raises(RetrainingFailed, match="lead_conversion"):
        retrain_models.delay()
    assert ModelVersion.objects.filter(name=ModelName.PRICE_GUIDANCE).count() == 2  # the others still trained
    with pytest.raises(CommandError, match="lead_conversion"):
        call_command("retrain_models")


def test_only_known_models_have_trainers(registered):
    with pytest.raises(ValueError, match="not a model"):
        trainer_register(Trainer(name="horoscope", train=lambda: None, primary_metric="auc"))
    trainer_register(Trainer(name=ModelName.LEAD_CONVERSION, train=lambda: None, primary_metric="auc"))
    with pytest.raises(CommandError, match="No trainer for price_guidance"):
        call_command("retrain_models", model=[ModelName.PRICE_GUIDANCE])
