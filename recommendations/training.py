"""Training the recommender: choosing the hybrid's weights on a time split and scoring them against popularity
alone (the baseline), with the serving code (recommendations.selectors.recommender_evaluation).

The models learn from the interactions before the cutoff (HELD_OUT_DAYS before now) and are scored on what
each user met first from the cutoff on; the weights with the best nDCG@10 over the grid are the artifact,
served by recommendations.selectors.recommender_weights_served while their version is active."""

from dataclasses import asdict

from django.utils import timezone

from ml.models import ModelName
from ml.trainers import Trainer, TrainingResult
from recommendations.selectors import recommender_evaluation

HELD_OUT_DAYS = 30
# Each user costs one content query over the whole catalogue (0.3 to 0.6 s on 100,000 listings): a fixed sample.
MAX_USERS = 300
PRIMARY_METRIC = "ndcg_at_10"
METRICS = ("ndcg_at_10", "recall_at_10", "coverage")


class NotEnoughInteractions(Exception):
    pass


def recommender_train() -> TrainingResult:
    evaluation = recommender_evaluation(now=timezone.now(), held_out_days=HELD_OUT_DAYS, max_users=MAX_USERS)
    if evaluation is None:
        raise NotEnoughInteractions(
            f"No signed-in user interacted both before and during the last {HELD_OUT_DAYS} days: nothing to hold out."
        )
    alone = evaluation.alone()
    popularity, *others = alone
    chosen = evaluation.best(evaluation.grid())

    def evaluate(weights) -> dict[str, float]:
        return evaluation.score(weights).metrics.record()

    return TrainingResult(
        estimator=chosen.weights,
        features=[score.name for score in alone],
        metrics=chosen.metrics.record(),
        baseline_metrics=popularity.metrics.record(),
        held_out={
            "kind": "time",
            "cutoff": evaluation.cutoff.isoformat(),
            "days": HELD_OUT_DAYS,
            "users": evaluation.users,
            "users_available": evaluation.users_available,
            "held_out_listings": evaluation.held_out,
            "training_interactions": evaluation.training_interactions,
            "weights": asdict(chosen.weights),
            "compared": {score.name: score.metrics.record() for score in [*others, evaluation.fallback()]},
        },
        training_window=(evaluation.training_since, evaluation.cutoff),
        evaluate=evaluate,
    )


RECOMMENDER_TRAINER = Trainer(
    name=ModelName.RECOMMENDATIONS, train=recommender_train, primary_metric=PRIMARY_METRIC, higher_is_better=True
)
