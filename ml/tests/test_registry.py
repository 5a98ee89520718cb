from datetime import UTC, datetime

import joblib
import pytest

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from ml.models import ModelName, ModelVersion
from ml.selectors import active_model
from ml.services import (
    Measured,
    model_version_activate,
    model_version_promote_if_better,
    model_version_register,
)
from ml.tests.factories import ModelVersionFactory, constant_regressor
from nzila_export.exceptions import Forbidden

pytestmark = pytest.mark.django_db

WINDOW = (datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC))


def register(*, value: float = 1.0, mape: float = 0.1, rule: float = 0.2, name=ModelName.PRICE_GUIDANCE):
    return model_version_register(
        name=name, estimator=constant_regressor(value), features=["make", "year"], metrics={"mape": mape},
        baseline_metrics={"mape": rule}, held_out={"kind": "time", "cutoff": "2025-10-01", "rows": 50},
        training_window=WINDOW,
    )  # fmt: skip


def promote(candidate, **options) -> bool:
    return model_version_promote_if_better(
        candidate=candidate, primary_metric="mape", higher_is_better=False, **options
    )


def test_registering_numbers_versions_per_model_and_keeps_the_artifact_private_and_audited(settings):
    first, second = register(value=1.0), register(value=2.0)
    other = register(name=ModelName.LEAD_CONVERSION)

    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert (first.is_active, first.features, first.metrics, first.training_window_start) == (
        False, ["make", "year"], {"mape": 0.1}, WINDOW[0],
    )  # fmt: skip
    assert second.artifact.name == "ml/price_guidance/v2.joblib"
    assert (settings.PRIVATE_MEDIA_ROOT / "ml/price_guidance/v2.joblib").exists()
    with pytest.raises(ValueError, match="no public URL"):
        _ = second.artifact.url
    with second.artifact.open("rb") as artifact:
        assert joblib.load(artifact).predict([[0]]).tolist() == [2.0]
    audit = AuditLog.objects.filter(action="ml_model.register", object_id=str(second.pk)).get()
    assert audit.changes["metrics"] == {"mape": 0.1}


def test_registering_an_unknown_model_is_refused():
    with pytest.raises(ValueError, match="not a model"):
        register(name="horoscope")
    assert not ModelVersion.objects.exists()


def test_a_first_version_is_promoted_only_when_it_does_at_least_as_well_as_its_rule():
    worse_than_rule = register(mape=0.3, rule=0.2)
    assert promote(worse_than_rule) is False
    assert not ModelVersion.objects.filter(is_active=True).exists()
    refusal = AuditLog.objects.get(action="ml_model.promotion", object_id=str(worse_than_rule.pk))
    assert refusal.changes == {"metric": "mape", "candidate": 0.3, "baseline": 0.2, "promoted": False}

    as_good_as_rule = register(mape=0.2, rule=0.2)
    assert promote(as_good_as_rule) is True
    assert list(ModelVersion.objects.filter(is_active=True)) == [as_good_as_rule]


def test_a_candidate_replaces_the_active_version_only_when_at_least_as_good():
    active = register(mape=0.10)
    promote(active)
    assert promote(register(mape=0.11)) is False
    assert list(ModelVersion.objects.filter(is_active=True)) == [active]

    tie = register(mape=0.10)
    assert promote(tie) is True
    assert list(ModelVersion.objects.filter(is_active=True)) == [tie]
    higher_is_better = register(name=ModelName.LEAD_CONVERSION)
    assert model_version_promote_if_better(candidate=higher_is_better, primary_metric="mape") is False  # 0.1 < 0.2


def test_the_active_version_is_judged_on_the_candidates_split_when_measured_there():
    active = register(mape=0.05)
    promote(active)
    candidate = register(mape=0.08)
    # On the candidate's newer rows the active version does worse than it did on its own.
    assert promote(candidate, incumbent=Measured(version_id=0, metrics={"mape": 0.09})) is False  # not the active one
    assert promote(candidate, incumbent=Measured(version_id=active.pk, metrics={"mape": 0.09})) is True
    promotion = AuditLog.objects.filter(action="ml_model.promotion", object_id=str(candidate.pk)).latest("id")
    assert promotion.changes == {
        "metric": "mape", "candidate": 0.08, "baseline": 0.2, "active_version": 1,
        "active_measured_on_same_split": True, "active": 0.09, "promoted": True,
    }  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_concurrent_promotions_leave_one_active_version_the_best(run_at_once):
    good, better = register(mape=0.12), register(mape=0.08)
    candidates = iter([good, better])
    outcomes = run_at_once(lambda: promote(next(candidates)))

    assert list(ModelVersion.objects.filter(is_active=True)) == [better]
    assert sorted(outcomes) in ([False, True], [True, True])  # `good` loses if it goes second


def test_active_model_serves_the_active_version_from_the_process_and_follows_a_switch(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    assert active_model(name=ModelName.PRICE_GUIDANCE) is None
    first = register(value=1.0)
    with django_capture_on_commit_callbacks(execute=True):
        promote(first)

    served = active_model(name=ModelName.PRICE_GUIDANCE)
    assert (served.version, served.estimator.predict([[0]]).tolist()) == (first, [1.0])
    with django_assert_num_queries(0):  # one Redis GET, the estimator already in the process
        assert active_model(name=ModelName.PRICE_GUIDANCE) is served

    second = register(value=2.0)
    with django_capture_on_commit_callbacks(execute=True):  # as another process would, through the same Redis
        model_version_activate(version=second, user=StaffFactory())
    served = active_model(name=ModelName.PRICE_GUIDANCE)
    assert (served.version, served.estimator.predict([[0]]).tolist()) == (second, [2.0])
    assert active_model(name=ModelName.LEAD_CONVERSION) is None


def test_only_staff_activate_a_version_and_it_is_audited():
    active, rollback = ModelVersionFactory(is_active=True), ModelVersionFactory()
    with pytest.raises(Forbidden):
        model_version_activate(version=rollback, user=BuyerFactory())
    assert list(ModelVersion.objects.filter(is_active=True)) == [active]

    staff = StaffFactory()
    model_version_activate(version=rollback, user=staff)
    assert list(ModelVersion.objects.filter(is_active=True)) == [rollback]
    audit = AuditLog.objects.get(action="ml_model.activate")
    assert (audit.user, audit.object_id, audit.changes) == (
        staff,
        str(rollback.pk),
        {"replaced_version": active.version},
    )
