"""The recommender in the model registry (`train_recommender`, and `retrain_models` through the trainer registered
at start-up): the hybrid's weights are chosen on the interactions of the last HELD_OUT_DAYS days, learnt from
those before, and promoted only when they beat popularity alone on them; serving then uses them."""

import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, DealerFactory
from audit.models import AuditLog
from ml import trainers
from ml.models import ModelName, ModelVersion
from recommendations.evaluation import listings_on_the_market
from recommendations.ranking import DEFAULT_WEIGHTS, Weights
from recommendations.selectors import recommender_weights_served
from recommendations.training import HELD_OUT_DAYS, RECOMMENDER_TRAINER
from vehicles.models import BodyType, Vehicle, VehicleStatus, ViewHistory
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db

# Three tastes, eight listings each: what a buyer of one taste views next is another of the same taste.
TASTES = (
    {"make": "Toyota", "model": "Camry", "body_type": BodyType.SEDAN, "price": 18_000, "year": 2019},
    {"make": "Ford", "model": "F-150", "body_type": BodyType.PICKUP, "price": 55_000, "year": 2016},
    {"make": "Honda", "model": "CR-V", "body_type": BodyType.SUV, "price": 32_000, "year": 2021},
)
BUYERS_PER_TASTE = 10
# A buyer's views are this far apart: its last two fall after the cutoff, HELD_OUT_DAYS ago, the others before.
VIEW_SPACING = timedelta(days=HELD_OUT_DAYS * 0.6)


@pytest.fixture
def structured_history():
    """Every buyer first views the same two bargains (the most popular listings by far), then five listings of
    its own taste; about half the listings are sold by now, all of them after the cutoff."""
    rng = random.Random(7)
    dealer = DealerFactory()
    published_at = timezone.now() - VIEW_SPACING * 8
    bargains = [
        VehicleFactory(dealer=dealer, make=make, model=model, body_type=BodyType.HATCHBACK, price=Decimal("9000"))
        for make, model in (("Mazda", "3"), ("Kia", "Rio"))
    ]
    shelves = [
        [
            VehicleFactory(
                dealer=dealer,
                make=taste["make"],
                model=taste["model"],
                body_type=taste["body_type"],
                year=taste["year"] + index % 3,
                price=Decimal(taste["price"] + 500 * index),
                status=rng.choice([VehicleStatus.SOLD, VehicleStatus.AVAILABLE]),
                published_at=published_at,
            )
            for index in range(8)
        ]
        for taste in TASTES
    ]
    now = timezone.now()
    views = []
    for shelf in shelves:
        for _ in range(BUYERS_PER_TASTE):
            buyer = BuyerFactory()
            seen = [*bargains, *rng.sample(shelf, 5)]
            for index, vehicle in enumerate(seen):
                at = now - VIEW_SPACING * (len(seen) - 1 - index) - timedelta(hours=1)
                views.append(ViewHistory(user=buyer, vehicle=vehicle, viewed_at=at))
    ViewHistory.objects.bulk_create(views)


def test_the_recommender_trainer_is_registered_at_start_up():
    assert trainers.TRAINERS[ModelName.RECOMMENDATIONS] is RECOMMENDER_TRAINER
    assert (RECOMMENDER_TRAINER.primary_metric, RECOMMENDER_TRAINER.higher_is_better) == ("ndcg_at_10", True)


def test_training_chooses_weights_that_beat_popularity_promotes_them_and_serving_uses_them(
    structured_history, capsys, django_capture_on_commit_callbacks
):
    assert recommender_weights_served().weights == DEFAULT_WEIGHTS  # no version: the fallback answers

    with django_capture_on_commit_callbacks(execute=True):
        call_command("train_recommender")
    said = capsys.readouterr().out.splitlines()

    version = ModelVersion.objects.get(name=ModelName.RECOMMENDATIONS)
    assert (version.version, version.is_active) == (1, True)
    assert version.metrics["ndcg_at_10"] > version.baseline_metrics["ndcg_at_10"] + 0.3
    assert version.metrics["recall_at_10"] > version.baseline_metrics["recall_at_10"] + 0.3
    assert 0 < version.metrics["coverage"] <= 1
    held_out = version.held_out
    assert (held_out["kind"], held_out["users"], held_out["users_available"]) == ("time", 30, 30)
    assert (held_out["held_out_listings"], held_out["training_interactions"]) == (60, 150)
    assert set(held_out["compared"]) == {"content", "collaborative", "fallback (defaults)"}
    assert held_out["compared"]["content"]["ndcg_at_10"] > version.baseline_metrics["ndcg_at_10"]
    assert held_out["compared"]["collaborative"]["ndcg_at_10"] > version.baseline_metrics["ndcg_at_10"]
    assert version.features == ["popularity", "content", "collaborative"]
    assert AuditLog.objects.filter(action="ml_model.promotion", object_id=str(version.pk)).exists()

    served = recommender_weights_served()
    assert (served.weights, served.version_id) == (Weights(**held_out["weights"]), version.pk)
    assert sum(held_out["weights"].values()) == pytest.approx(1)
    assert said[0].startswith("recommendations v1: learnt from 150 interactions before ")
    assert "scored on 30 users (a fixed sample of 30) and the 60 listings they met first since" in said[0]
    assert said[1].split() == ["model", "nDCG@10", "recall@10", "coverage"]
    assert [line.split()[0] for line in said[2:7]] == ["popularity", "content", "collaborative", "fallback", "hybrid"]
    assert said[2].split()[2:] == [
        f"{version.baseline_metrics[metric]:.4f}" for metric in ("ndcg_at_10", "recall_at_10", "coverage")
    ]
    assert said[-1].endswith("promoted")


def test_a_second_version_is_compared_with_the_active_one_on_the_same_users(
    structured_history, django_capture_on_commit_callbacks
):
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("train_recommender")

    first, second = ModelVersion.objects.filter(name=ModelName.RECOMMENDATIONS).order_by("version")
    assert second.metrics == first.metrics  # same interactions, same weights
    assert (first.is_active, second.is_active) == (False, True)  # as good as the active version: promoted
    promotion = AuditLog.objects.get(action="ml_model.promotion", object_id=str(second.pk))
    assert promotion.changes["active_measured_on_same_split"] is True


def test_without_interactions_training_fails_registers_nothing_and_the_fallback_answers():
    with pytest.raises(CommandError, match="Training the recommender failed"):
        call_command("train_recommender")
    assert not ModelVersion.objects.exists()
    assert recommender_weights_served().weights == DEFAULT_WEIGHTS


def test_the_evaluation_ranks_only_the_listings_on_the_market_in_the_held_out_window():
    now = timezone.now()
    cutoff = now - timedelta(days=HELD_OUT_DAYS)
    long_ago = now - timedelta(days=HELD_OUT_DAYS * 4)
    available = VehicleFactory(published_at=long_ago)
    sold_since = VehicleFactory(status=VehicleStatus.SOLD, published_at=long_ago)
    sold_before = VehicleFactory(status=VehicleStatus.SOLD, published_at=long_ago)
    archived_before = VehicleFactory(status=VehicleStatus.ARCHIVED, published_at=long_ago)
    VehicleFactory(status=VehicleStatus.DRAFT)
    # A listing's updated_at is when it left the market (the generated market writes it so).
    Vehicle.all_objects.filter(pk__in=[sold_before.pk, archived_before.pk]).update(
        updated_at=cutoff - timedelta(days=1)
    )
    on_the_market = listings_on_the_market(since=cutoff, until=now)
    assert set(on_the_market.values_list("pk", flat=True)) == {available.pk, sold_since.pk}
