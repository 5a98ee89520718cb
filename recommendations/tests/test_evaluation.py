"""`evaluate_recommendations`: the weights are chosen on each user's last interactions, held out."""

import io
import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, DealerFactory
from audit.models import AuditLog
from recommendations.models import RecommenderWeights
from recommendations.ranking import DEFAULT_WEIGHTS, Weights
from recommendations.selectors import recommender_weights_current
from vehicles.models import BodyType, VehicleStatus, ViewHistory
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db

# Three tastes, eight listings each: what a buyer of one taste views next is another of the same taste.
TASTES = (
    {"make": "Toyota", "model": "Camry", "body_type": BodyType.SEDAN, "price": 18_000, "year": 2019},
    {"make": "Ford", "model": "F-150", "body_type": BodyType.PICKUP, "price": 55_000, "year": 2016},
    {"make": "Honda", "model": "CR-V", "body_type": BodyType.SUV, "price": 32_000, "year": 2021},
)
BUYERS_PER_TASTE = 10


@pytest.fixture
def structured_history():
    """Every buyer first views the same two bargains (the most popular listings by far), then five
    listings of its own taste, a day apart; most listings are sold by now."""
    rng = random.Random(7)
    dealer = DealerFactory()
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
            )
            for index in range(8)
        ]
        for taste in TASTES
    ]
    start = timezone.now() - timedelta(days=60)
    views = []
    for shelf in shelves:
        for _ in range(BUYERS_PER_TASTE):
            buyer = BuyerFactory()
            for day, vehicle in enumerate([*bargains, *rng.sample(shelf, 5)]):
                views.append(ViewHistory(user=buyer, vehicle=vehicle, viewed_at=start + timedelta(days=day)))
    ViewHistory.objects.bulk_create(views)


def evaluate(*arguments: str) -> str:
    out = io.StringIO()
    call_command("evaluate_recommendations", *arguments, stdout=out)
    return out.getvalue()


def test_the_hybrid_beats_popularity_on_structured_history_and_its_weights_are_served(structured_history):
    assert recommender_weights_current() == DEFAULT_WEIGHTS

    output = evaluate()

    lines = output.splitlines()
    assert lines[0] == "30 users, 60 held-out interactions (the last 2 of each)."
    assert lines[1].split() == ["model", "content", "collab", "popular", "nDCG@10", "recall@10", "coverage"]
    assert [line.split()[0] for line in lines[2:5]] == ["popularity", "content", "collaborative"]
    assert len([line for line in lines if line.startswith("hybrid")]) == 21
    assert len([line for line in lines if line.endswith("<- chosen")]) == 1
    stored = RecommenderWeights.objects.get()
    metrics = stored.metrics
    assert metrics["hybrid"]["ndcg"] > metrics["popularity"]["ndcg"]
    assert metrics["hybrid"]["recall"] > metrics["popularity"]["recall"]
    assert metrics["content"]["ndcg"] > metrics["popularity"]["ndcg"]
    assert metrics["collaborative"]["ndcg"] > metrics["popularity"]["ndcg"]
    assert 0 < metrics["hybrid"]["coverage"] <= 1
    assert len(metrics["grid"]) == 21
    assert (stored.users_evaluated, stored.held_out) == (30, 60)
    assert stored.content + stored.collaborative + stored.popularity == pytest.approx(1)
    assert recommender_weights_current() == Weights(
        content=stored.content, collaborative=stored.collaborative, popularity=stored.popularity
    )
    assert f"Stored: content {stored.content:.2f}" in output
    assert AuditLog.objects.filter(action="recommender_weights.store", object_id=str(stored.pk)).exists()


def test_a_dry_run_prints_the_table_and_stores_nothing(structured_history):
    output = evaluate("--dry-run", "--max-users", "6", "--holdout", "1")

    assert output.splitlines()[0] == "6 users, 6 held-out interactions (the last 1 of each)."
    assert output.splitlines()[-1] == "Dry run: nothing stored."
    assert not RecommenderWeights.objects.exists()


def test_without_interactions_there_is_nothing_to_evaluate():
    with pytest.raises(CommandError, match="No signed-in user has more than 2 interactions"):
        evaluate()
    assert not RecommenderWeights.objects.exists()
