"""Training the payment anomaly model and scoring it, an IsolationForest and the rule (payments.fraud's points)
on the same held-out payments.

Time split: the newest HELD_OUT_FRACTION of the labelled payments (made from the cutoff on) are held out; the model
learns from the payments made at least LABEL_WAIT before the cutoff, whose outcome was known on that day.

Metrics, on the held-out payments: PR AUC (average precision; the primary metric: frauds are few) and ROC AUC of
each score, and precision and recall at the rule's flag rate: the rule flags the payments it holds for review or
blocks (score >= FRAUD_REVIEW_FROM); the model flags as many, its highest probabilities."""

from datetime import UTC, datetime

import numpy as np
from django.conf import settings
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score

from ml.models import ModelName
from ml.payment_anomaly.features import FEATURES, LABEL_WAIT, PaymentRows, training_rows_load
from ml.payment_anomaly.model import PaymentAnomalyModel
from ml.trainers import Trainer, TrainingResult

HELD_OUT_FRACTION = 0.2
MIN_FRAUDS = 5
PRIMARY_METRIC = "pr_auc"
METRICS = ("pr_auc", "roc_auc", "precision_at_rule_rate", "recall_at_rule_rate")


class NotEnoughPayments(Exception):
    pass


def fraud_metrics(*, score: np.ndarray, fraud: np.ndarray, flagged: int) -> dict[str, float]:
    """PR AUC and ROC AUC of `score`; precision and recall of its `flagged` highest scores."""
    top = np.argsort(-score, kind="stable")[:flagged]
    caught = float(fraud[top].sum())
    return {
        "pr_auc": float(average_precision_score(fraud, score)),
        "roc_auc": float(roc_auc_score(fraud, score)),
        "precision_at_rule_rate": caught / flagged if flagged else 0.0,
        "recall_at_rule_rate": caught / float(fraud.sum()),
    }


def rule_metrics(rows: PaymentRows) -> dict[str, float]:
    """The rule's points as a score, and its flags: precision and recall at its own review threshold."""
    flags = rows.rule_score >= settings.FRAUD_REVIEW_FROM
    caught = float(rows.fraud[flags].sum())
    return {
        "pr_auc": float(average_precision_score(rows.fraud, rows.rule_score)),
        "roc_auc": float(roc_auc_score(rows.fraud, rows.rule_score)),
        "precision_at_rule_rate": caught / float(flags.sum()) if flags.any() else 0.0,
        "recall_at_rule_rate": caught / float(rows.fraud.sum()),
    }


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def payment_model_train(*, rows: PaymentRows | None = None) -> TrainingResult:
    """Fit the model on the payments labelled by the cutoff (every labelled payment unless `rows` are given) and
    score it, an IsolationForest and the rule on the payments made from the cutoff on."""
    rows = training_rows_load() if rows is None else rows
    if len(rows) == 0:
        raise NotEnoughPayments("No labelled payments.")
    cutoff = float(np.quantile(rows.made_at, 1 - HELD_OUT_FRACTION))
    before = rows.subset(rows.made_at < cutoff - LABEL_WAIT.total_seconds())
    held_out = rows.subset(rows.made_at >= cutoff)
    for part in (before, held_out):
        if part.fraud.sum() < MIN_FRAUDS or part.fraud.all():
            raise NotEnoughPayments(f"Both sides of the split need at least {MIN_FRAUDS} frauds and genuine payments.")
    review_share = float((before.rule_score >= settings.FRAUD_REVIEW_FROM).mean())
    model = PaymentAnomalyModel().fit(before, review_share=max(review_share, 1 / len(before)))
    flagged = int((held_out.rule_score >= settings.FRAUD_REVIEW_FROM).sum())

    def evaluate(estimator: PaymentAnomalyModel) -> dict[str, float]:
        return fraud_metrics(score=estimator.predict_proba(held_out), fraud=held_out.fraud, flagged=flagged)

    forest = IsolationForest(n_estimators=200, random_state=16).fit(np.nan_to_num(before.matrix))
    forest_scores = fraud_metrics(
        score=-forest.score_samples(np.nan_to_num(held_out.matrix)), fraud=held_out.fraud, flagged=flagged
    )
    return TrainingResult(
        estimator=model,
        features=list(FEATURES),
        metrics={**evaluate(model), **{f"isolation_forest_{name}": value for name, value in forest_scores.items()}},
        baseline_metrics=rule_metrics(held_out),
        held_out={
            "kind": "time",
            "cutoff": _moment(cutoff).isoformat(),
            "rows": len(held_out),
            "frauds": int(held_out.fraud.sum()),
            "flagged_by_rule": flagged,
            "training_rows": len(before),
            "points_threshold": model.threshold,
        },
        training_window=(_moment(before.made_at.min()), _moment(cutoff - LABEL_WAIT.total_seconds())),
        evaluate=evaluate,
    )


PAYMENT_TRAINER = Trainer(
    name=ModelName.PAYMENT_ANOMALY, train=payment_model_train, primary_metric=PRIMARY_METRIC, higher_is_better=True
)
