import io
from datetime import timedelta

import factory
import joblib
import numpy as np
from django.utils import timezone
from sklearn.dummy import DummyRegressor

from ml.models import ModelName, ModelVersion


def constant_regressor(value: float) -> DummyRegressor:
    """A real, tiny fitted estimator that always predicts `value`."""
    return DummyRegressor(strategy="constant", constant=value).fit(np.zeros((1, 1)), [value])


def _dumped(estimator) -> bytes:
    buffer = io.BytesIO()
    joblib.dump(estimator, buffer)
    return buffer.getvalue()


class ModelVersionFactory(factory.django.DjangoModelFactory):
    """A registered version as the registry stores it; tests of registering use the service."""

    class Meta:
        model = ModelVersion

    name = ModelName.PRICE_GUIDANCE
    version = factory.Sequence(lambda number: number + 1)
    artifact = factory.django.FileField(filename="v.joblib", data=_dumped(constant_regressor(1.0)))
    training_window_start = factory.LazyFunction(lambda: timezone.now() - timedelta(days=365))
    training_window_end = factory.LazyFunction(timezone.now)
    features = ["make", "year"]
    metrics = {"mape": 0.12}
    baseline_metrics = {"mape": 0.2}
    held_out = {"kind": "time", "cutoff": "2026-01-01T00:00:00+00:00", "rows": 100}
