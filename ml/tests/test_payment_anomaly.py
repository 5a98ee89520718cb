"""The payment anomaly model, trained on payments drawn by the market generator: it recovers the hidden fraud
process (ml.market_history (c)), beats the rule's points on the held-out payments, explains itself, adds points
only above its threshold, and is promoted only when better."""

from datetime import date

import numpy as np
import pytest
from django.core.management import call_command

from ml.market_rows import market_history_generate
from ml.models import ModelName, ModelVersion
from ml.payment_anomaly.features import FEATURES
from ml.payment_anomaly.model import MAX_POINTS
from ml.services import model_version_promote_if_better, model_version_register

# The stated margin: the model's held-out PR AUC is at least this much above the rule's.
PR_AUC_MARGIN = 0.15


def _with(rows, **values):
    changed = rows.subset(slice(None))
    changed.matrix = changed.matrix.copy()
    for name, value in values.items():
        changed.matrix[:, FEATURES.index(name)] = value
    return changed


def test_the_model_beats_the_rule_on_later_payments_and_recovers_the_hidden_process(
    payment_training, generated_payments
):
    result = payment_training
    model, rule = result.metrics, result.baseline_metrics
    assert model["pr_auc"] >= rule["pr_auc"] + PR_AUC_MARGIN
    assert model["roc_auc"] > rule["roc_auc"]
    assert model["pr_auc"] > model["isolation_forest_pr_auc"]
    assert result.held_out["kind"] == "time"
    assert result.held_out["frauds"] >= 20

    estimator, rows = result.estimator, generated_payments
    coefficients = estimator.coefficients
    for raising in ("new_device", "country_mismatch", "declined_attempts", "amount_log"):
        assert coefficients[raising] > 0
    assert coefficients["minutes_log"] < 0  # a quick payment is riskier
    for signal in ("new_device", "country_mismatch"):
        raised = estimator.predict_proba(_with(rows, **{signal: 1.0}))
        lowered = estimator.predict_proba(_with(rows, **{signal: 0.0}))
        assert (raised > lowered).all()
        assert raised.mean() > 2 * lowered.mean()


def test_a_payment_gets_points_only_above_the_threshold_and_names_its_factors(payment_training, generated_payments):
    estimator = payment_training.estimator
    assert 0 < estimator.threshold < 1
    assert estimator.points_for(estimator.threshold) == 0
    assert estimator.points_for(1.0) == MAX_POINTS
    halfway = estimator.points_for((1 + estimator.threshold) / 2)
    assert halfway == round(MAX_POINTS / 2)

    # At the typical amount and speed, with no declined attempt, the device and the country are what stands out.
    typical = np.median(generated_payments.matrix, axis=0)
    suspicious = _with(
        generated_payments.subset(slice(0, 20)),
        new_device=1.0,
        country_mismatch=1.0,
        declined_attempts=0.0,
        amount_log=typical[FEATURES.index("amount_log")],
        minutes_log=typical[FEATURES.index("minutes_log")],
    )
    probability, explained = estimator.explain(suspicious.matrix)
    np.testing.assert_allclose(probability, estimator.predict_proba(suspicious))
    assert all(len(factors) == 3 for factors in explained)
    assert all({"new_device", "country_mismatch"} <= {feature for feature, _ in factors} for factors in explained)
    assert all(effect > 0 for factors in explained for feature, effect in factors if feature == "new_device")


@pytest.mark.django_db
def test_a_version_is_promoted_only_when_it_beats_the_rule(payment_training):
    result = payment_training

    def register(metrics):
        return model_version_register(
            name=ModelName.PAYMENT_ANOMALY, estimator=result.estimator, features=result.features, metrics=metrics,
            baseline_metrics=result.baseline_metrics, held_out=result.held_out,
            training_window=result.training_window,
        )  # fmt: skip

    worse = register({**result.metrics, "pr_auc": result.baseline_metrics["pr_auc"] - 0.01})
    assert not model_version_promote_if_better(candidate=worse, primary_metric="pr_auc")
    better = register(result.metrics)
    assert model_version_promote_if_better(candidate=better, primary_metric="pr_auc")
    assert list(ModelVersion.objects.filter(is_active=True).values_list("version", flat=True)) == [2]


@pytest.mark.django_db
def test_training_on_the_stored_payments_registers_a_version_and_prints_the_table(destination_rules, capsys):
    market_history_generate(listings=8_000, years=2, seed=16, end=date(2026, 6, 1))
    call_command("train_payment_model")
    said = capsys.readouterr().out
    version = ModelVersion.objects.get(name=ModelName.PAYMENT_ANOMALY)
    assert f"PR AUC (average precision)           {version.metrics['pr_auc']:>8.4f}" in said
    assert set(version.baseline_metrics) == {"pr_auc", "roc_auc", "precision_at_rule_rate", "recall_at_rule_rate"}
    beats_rule = version.metrics["pr_auc"] >= version.baseline_metrics["pr_auc"]
    assert version.is_active == beats_rule
    assert ("promoted" in said) == beats_rule
