"""Training the price model on the listings in the database (`train_price_model`, and `retrain_models` through
the trainer registered at start-up): a version is registered with its scores and the rule's, and promoted only
when it does at least as well as both."""

import re
from datetime import date

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from audit.models import AuditLog
from ml import trainers
from ml.market_rows import market_history_generate
from ml.models import ModelName, ModelVersion
from ml.price_guidance.model import price_model_fit
from ml.price_guidance.training import PRICE_TRAINER, price_metrics, rule_ranges, time_split
from ml.services import model_version_promote_if_better, model_version_register
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated_market(destination_rules):
    """1,500 listings over 2 years, with their views, leads and deals, written by the generator (a second)."""
    market_history_generate(listings=1_500, years=2, seed=16, end=date.today())


def test_the_price_trainer_is_registered_at_start_up():
    assert trainers.TRAINERS[ModelName.PRICE_GUIDANCE] is PRICE_TRAINER
    assert (PRICE_TRAINER.primary_metric, PRICE_TRAINER.higher_is_better) == ("mape", False)


def test_training_registers_a_version_that_beats_the_rule_promotes_it_and_prints_the_table(generated_market, capsys):
    call_command("train_price_model")
    said = capsys.readouterr().out

    version = ModelVersion.objects.get(name=ModelName.PRICE_GUIDANCE)
    assert (version.version, version.is_active) == (1, True)
    assert version.metrics["mape"] < version.baseline_metrics["mape"]
    assert set(version.metrics) == set(version.baseline_metrics) == {"mape", "median_ape", "coverage", "relative_width"}
    assert version.held_out["kind"] == "time"
    assert (version.held_out["rows"], version.held_out["training_rows"]) == (300, 1_200)
    assert version.features[:2] == ["make", "model"]
    assert said.startswith("price_guidance v1: trained on 1,200 listings before ")
    table = dict(re.findall(r"^(MAPE|median APE) +([\d.]+ +[\d.]+)$", said, re.MULTILINE))
    assert table["MAPE"].split() == [f"{version.metrics['mape']:.4f}", f"{version.baseline_metrics['mape']:.4f}"]
    assert "interval coverage (model 80%, rule 80%)" in said
    assert said.endswith("promoted\n")


def test_a_second_version_is_compared_with_the_active_one_on_its_own_held_out_listings(
    generated_market, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the switch reaches the serving cache as it commits
        call_command("train_price_model")
    call_command("train_price_model")  # the same listings: the same split and, seeded, the same model

    second = ModelVersion.objects.get(version=2)
    promotion = AuditLog.objects.filter(action="ml_model.promotion", object_id=str(second.pk)).get()
    assert promotion.changes == {
        "metric": "mape", "candidate": second.metrics["mape"], "baseline": second.baseline_metrics["mape"],
        "active_version": 1, "active_measured_on_same_split": True, "active": second.metrics["mape"],
        "promoted": True,
    }  # fmt: skip
    assert ModelVersion.objects.get(is_active=True) == second


def test_a_model_that_does_worse_than_the_rule_is_registered_but_not_promoted(generated_listings):
    """A model fitted on prices shuffled among the listings has learned nothing: the rule beats it."""
    split = time_split(generated_listings)
    shuffled = split.before.replaced(price_cad=np.random.default_rng(0).permutation(split.before.price_cad))
    worse = price_model_fit(rows=shuffled)
    actual = split.held_out.price_cad
    rule = price_metrics(ranges=rule_ranges(before=split.before, held_out=split.held_out), actual=actual)
    candidate = model_version_register(
        name=ModelName.PRICE_GUIDANCE, estimator=worse, features=worse.features,
        metrics=price_metrics(ranges=worse.predict(split.held_out), actual=actual), baseline_metrics=rule,
        held_out={"kind": "time", "cutoff": split.cutoff.isoformat()}, training_window=(split.cutoff, split.cutoff),
    )  # fmt: skip

    assert candidate.metrics["mape"] > rule["mape"]
    assert model_version_promote_if_better(candidate=candidate, primary_metric="mape", higher_is_better=False) is False
    assert not ModelVersion.objects.filter(is_active=True).exists()


def test_training_on_too_few_listings_fails_and_says_so(caplog):
    VehicleFactory.create_batch(3)
    with pytest.raises(CommandError, match="Training the price model failed"):
        call_command("train_price_model")
    assert "3 listings with a price: at least 200 are needed to train." in caplog.text
    assert not ModelVersion.objects.exists()
