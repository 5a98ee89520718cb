"""Training the lead conversion model and scoring it against the rule (leads.scoring.LeadScoringEngine's
`conversion_probability`) on the same held-out leads.

Time split: the leads that came in from the cutoff on (the newest HELD_OUT_FRACTION of the closed leads) are
held out; the model learns from the leads that had closed before the cutoff, as it would have on that day (a
lead that came in before the cutoff but closed after it is in neither: its outcome was not known yet). Each
lead is seen at the moment ml.lead_conversion.features draws, by the model and by the rule alike (the rule with
the status the lead had then: new until the dealer's first answer, contacted after)."""

from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from leads.models import LeadStatus
from leads.scoring import LeadScoringEngine
from ml.lead_conversion.features import LeadRows, training_rows_load
from ml.lead_conversion.model import MODEL_FEATURES, LeadConversionModel
from ml.models import ModelName
from ml.trainers import Trainer, TrainingResult

HELD_OUT_FRACTION = 0.2
MIN_LEADS = 200
PRIMARY_METRIC = "roc_auc"
METRICS = ("roc_auc", "pr_auc", "precision_top_decile", "brier")


class NotEnoughLeads(Exception):
    pass


def conversion_metrics(*, probability: np.ndarray, converted: np.ndarray) -> dict[str, float]:
    """ROC AUC and PR AUC (average precision) of the ranking; the share converted among the top tenth by
    probability; the Brier score (mean squared error of the probability: lower is better)."""
    top = np.argsort(-probability, kind="stable")[: max(1, len(probability) // 10)]
    return {
        "roc_auc": float(roc_auc_score(converted, probability)),
        "pr_auc": float(average_precision_score(converted, probability)),
        "precision_top_decile": float(converted[top].mean()),
        "brier": float(brier_score_loss(converted, probability)),
    }


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def rule_probability(rows: LeadRows) -> np.ndarray:
    """What LeadScoringEngine said of each lead at the moment it is seen."""
    columns = rows.columns
    probabilities = np.empty(len(rows))
    for row in range(len(rows)):
        seen_at = rows.seen_at[row]
        created = seen_at - columns["waited_hours"][row] * 3600
        answered = bool(columns["answered"][row])
        allowed = columns["destination_allowed"][row]
        lead = SimpleNamespace(
            status=LeadStatus.CONTACTED if answered else LeadStatus.NEW,
            created_at=_moment(created),
            last_contacted_at=_moment(created + columns["answer_hours"][row] * 3600) if answered else None,
            source=columns["source"][row],
            broker_id=1 if columns["broker_assigned"][row] else None,
            destination_allowed=None if np.isnan(allowed) else bool(allowed),
            vehicle=SimpleNamespace(price_cad=Decimal(str(columns["price_cad"][row]))),
        )
        engine = LeadScoringEngine(
            lead, now=_moment(seen_at), completed_deals=int(columns["buyer_completed_deals_before"][row])
        )
        probabilities[row] = engine.get_conversion_probability()
    return probabilities


def lead_model_train(*, rows: LeadRows | None = None) -> TrainingResult:
    """Fit the model on the leads closed before the cutoff (every closed lead unless `rows` are given) and score
    it and the rule on the leads that came in from the cutoff on."""
    rows = training_rows_load() if rows is None else rows
    if len(rows) < MIN_LEADS:
        raise NotEnoughLeads(f"{len(rows)} closed leads: at least {MIN_LEADS} are needed to train.")
    created = rows.seen_at - rows.columns["waited_hours"] * 3600
    cutoff = float(np.quantile(created, 1 - HELD_OUT_FRACTION))
    before, held_out = rows.subset(rows.columns["closed_at"] < cutoff), rows.subset(created >= cutoff)
    for part in (before, held_out):
        if part.converted.all() or not part.converted.any():
            raise NotEnoughLeads("Both sides of the split need converted and lost leads.")
    model = LeadConversionModel().fit(before)

    def evaluate(estimator: LeadConversionModel) -> dict[str, float]:
        return conversion_metrics(probability=estimator.predict_proba(held_out), converted=held_out.converted)

    before_created = before.seen_at - before.columns["waited_hours"] * 3600
    return TrainingResult(
        estimator=model,
        features=list(MODEL_FEATURES),
        metrics=evaluate(model),
        baseline_metrics=conversion_metrics(probability=rule_probability(held_out), converted=held_out.converted),
        held_out={
            "kind": "time",
            "cutoff": _moment(cutoff).isoformat(),
            "rows": len(held_out),
            "training_rows": len(before),
            "converted_share": float(held_out.converted.mean()),
        },
        training_window=(_moment(before_created.min()), _moment(cutoff)),
        evaluate=evaluate,
    )


LEAD_TRAINER = Trainer(
    name=ModelName.LEAD_CONVERSION, train=lead_model_train, primary_metric=PRIMARY_METRIC, higher_is_better=True
)
