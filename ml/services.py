"""The model registry's writes: a trained version registered with its artifact and scores, promoted only when it
does at least as well as its rule and the active version, activated by staff, and every registered model
retrained (`retrain_models`, monthly).

Every write of a model's versions takes one transaction-scoped advisory lock per model, then locks the rows it
changes: version numbers never collide, and a promotion compares with the version that is active when it
switches, never one another transaction is replacing. At most one version per model is active (a partial
unique constraint backs this up); serving processes learn of a switch through ml.cache."""

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import joblib
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Max
from django.utils.translation import gettext

from audit.services import audit_record
from ml import trainers
from ml.cache import active_version_changed
from ml.models import ModelName, ModelVersion
from ml.selectors import active_model
from nzila_export.exceptions import Forbidden

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Measured:
    """The scores of version `version_id` measured on another version's held-out split."""

    version_id: int
    metrics: dict[str, float]


@dataclass(frozen=True)
class RetrainOutcome:
    name: str
    version: ModelVersion | None  # None: training failed (logged with its traceback)
    primary_metric: str = ""
    promoted: bool = False

    @property
    def failed(self) -> bool:
        return self.version is None

    def describe(self) -> str:
        if self.version is None:
            return f"{self.name}: training failed (see the log)"
        score = self.version.metrics[self.primary_metric]
        rule = self.version.baseline_metrics.get(self.primary_metric)
        against_rule = f" (rule {rule:.4g})" if rule is not None else ""
        verdict = "promoted" if self.promoted else "kept inactive: it does not beat the rule or the active version"
        return f"{self.version}: {self.primary_metric} {score:.4g}{against_rule}, {verdict}"


class RetrainingFailed(Exception):
    """Some trainers failed; the others' versions are registered."""


def _model_lock(*, name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('ml.model_version'), hashtext(%s))", [name])


def _scores(metrics: dict) -> dict[str, float]:
    """JSON-safe scores (numpy floats are not)."""
    return {str(metric): float(value) for metric, value in metrics.items()}


def _dumped(estimator: Any) -> bytes:
    buffer = io.BytesIO()
    joblib.dump(estimator, buffer, compress=3)
    return buffer.getvalue()


def model_version_register(
    *,
    name: str,
    estimator: Any,
    features: list[str],
    metrics: dict[str, float],
    baseline_metrics: dict[str, float],
    held_out: dict,
    training_window: tuple[datetime, datetime],
) -> ModelVersion:
    """Store a trained `estimator` as the next version of model `name`, inactive until promoted or activated."""
    if name not in ModelName.values:
        raise ValueError(f"{name!r} is not a model the registry knows ({', '.join(ModelName.values)}).")
    window_start, window_end = training_window
    if window_start > window_end:
        raise ValueError("The training window ends before it starts.")
    with transaction.atomic():
        _model_lock(name=name)
        latest = ModelVersion.objects.filter(name=name).aggregate(latest=Max("version"))["latest"] or 0
        version = ModelVersion(
            name=name,
            version=latest + 1,
            training_window_start=window_start,
            training_window_end=window_end,
            features=[str(feature) for feature in features],
            metrics=_scores(metrics),
            baseline_metrics=_scores(baseline_metrics),
            held_out=held_out,
        )
        version.artifact.save(f"v{version.version}.joblib", ContentFile(_dumped(estimator)), save=False)
        version.save()
        audit_record(
            action="ml_model.register",
            instance=version,
            changes={"metrics": version.metrics, "baseline_metrics": version.baseline_metrics, "held_out": held_out},
        )
    return version


def _at_least_as_good(score: float, other: float, *, higher_is_better: bool) -> bool:
    return score >= other if higher_is_better else score <= other


def model_version_promote_if_better(
    *, candidate: ModelVersion, primary_metric: str, higher_is_better: bool = True, incumbent: Measured | None = None
) -> bool:
    """Make `candidate` the active version when, on `primary_metric`, it is at least as good as its rule (its
    baseline_metrics, same split, when they have that score) and as the active version. The active version is
    judged by `incumbent`, its scores on the candidate's own held-out split, when given for the version still
    active at the switch; otherwise by the scores it was registered with. The comparison is audited either way."""
    if primary_metric not in candidate.metrics:
        raise ValueError(f"{candidate} has no {primary_metric!r} score.")
    with transaction.atomic():
        _model_lock(name=candidate.name)
        candidate = ModelVersion.objects.select_for_update().get(pk=candidate.pk)
        active = ModelVersion.objects.select_for_update().filter(name=candidate.name, is_active=True).first()
        if active is not None and active.pk == candidate.pk:
            return True
        score = candidate.metrics[primary_metric]
        compared = {"metric": primary_metric, "candidate": score}
        beaten = []
        if primary_metric in candidate.baseline_metrics:
            compared["baseline"] = candidate.baseline_metrics[primary_metric]
            beaten.append(_at_least_as_good(score, compared["baseline"], higher_is_better=higher_is_better))
        if active is not None:
            same_split = incumbent is not None and incumbent.version_id == active.pk
            active_scores = incumbent.metrics if same_split else active.metrics
            compared.update(active_version=active.version, active_measured_on_same_split=same_split)
            compared["active"] = active_scores.get(primary_metric)
            beaten.append(
                compared["active"] is not None
                and _at_least_as_good(score, compared["active"], higher_is_better=higher_is_better)
            )
        promoted = all(beaten)
        if promoted:
            if active is not None:
                active.is_active = False
                active.save(update_fields=["is_active"])
            candidate.is_active = True
            candidate.save(update_fields=["is_active"])
            active_version_changed(name=candidate.name)
        audit_record(action="ml_model.promotion", instance=candidate, changes={**compared, "promoted": promoted})
    return promoted


def model_version_activate(*, version: ModelVersion, user) -> ModelVersion:
    """Staff make `version` the active one of its model, whatever its scores (a rollback, say)."""
    if not user.is_platform_staff:
        raise Forbidden(gettext("Only staff can activate a model version."))
    with transaction.atomic():
        _model_lock(name=version.name)
        version = ModelVersion.objects.select_for_update().get(pk=version.pk)
        if version.is_active:
            return version
        replaced = ModelVersion.objects.select_for_update().filter(name=version.name, is_active=True).first()
        if replaced is not None:
            replaced.is_active = False
            replaced.save(update_fields=["is_active"])
        version.is_active = True
        version.save(update_fields=["is_active"])
        audit_record(
            action="ml_model.activate",
            instance=version,
            user=user,
            changes={"replaced_version": replaced.version if replaced is not None else None},
        )
        active_version_changed(name=version.name)
    return version


def models_retrain(*, names: list[str] | None = None) -> list[RetrainOutcome]:
    """Train every registered model (or those named), register each new version and promote it when it does at
    least as well as its rule and the active version on the new held-out split. A trainer that fails does not
    stop the others: its outcome says it failed, and the callers report it as a failure."""
    outcomes = []
    for name, trainer in trainers.TRAINERS.items():
        if names is not None and name not in names:
            continue
        try:
            result = trainer.train()
        except Exception:  # one model's failure must not stop the others'; its outcome reports it
            logger.exception("Training %s failed", name)
            outcomes.append(RetrainOutcome(name=name, version=None))
            continue
        candidate = model_version_register(
            name=name,
            estimator=result.estimator,
            features=result.features,
            metrics=result.metrics,
            baseline_metrics=result.baseline_metrics,
            held_out=result.held_out,
            training_window=result.training_window,
        )
        active = active_model(name=name)
        incumbent = (
            Measured(version_id=active.version.pk, metrics=_scores(result.evaluate(active.estimator)))
            if active is not None
            else None
        )
        promoted = model_version_promote_if_better(
            candidate=candidate,
            primary_metric=trainer.primary_metric,
            higher_is_better=trainer.higher_is_better,
            incumbent=incumbent,
        )
        outcomes.append(
            RetrainOutcome(name=name, version=candidate, primary_metric=trainer.primary_metric, promoted=promoted)
        )
    return outcomes
