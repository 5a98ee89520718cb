"""Serving the payment anomaly model: ml registers `payment_risk_points` as the answer to
payments.hooks.PAYMENT_RISK_POINTS. With no active version (none has beaten the rule on held-out payments, or staff
switched it off) it answers None and the rule's points stand alone."""

from datetime import datetime

import numpy as np

from ml.models import ModelName
from ml.payment_anomaly.features import FEATURES, serving_features
from ml.payment_anomaly.model import FACTOR_LABELS
from ml.selectors import active_model
from nzila_export.stored_text import text_to_store

EFFECT_DIGITS = 3


def payment_risk_points(
    *, payer, deal, amount_cad, reason_codes: set[str], ip_address: str | None, now: datetime
) -> dict | None:
    """{"points", "probability", "threshold", "model_version", "factors": [{"feature", "label", "effect"}]} for a
    payment being made, the factors largest effect first (each label as its English source, nzila_export.stored_text,
    read in the reader's language); None with no active version."""
    active = active_model(name=ModelName.PAYMENT_ANOMALY)
    if active is None:
        return None
    features = serving_features(
        payer=payer, deal=deal, amount_cad=amount_cad, reason_codes=reason_codes, ip_address=ip_address, now=now
    )
    model = active.estimator
    [probability], [factors] = model.explain(np.array([[features[name] for name in FEATURES]]))
    return {
        "points": model.points_for(float(probability)),
        "probability": round(float(probability), EFFECT_DIGITS),
        "threshold": round(model.threshold, EFFECT_DIGITS),
        "model_version": active.version.version,
        "factors": [
            {"feature": feature, "label": text_to_store(FACTOR_LABELS[feature]), "effect": round(effect, EFFECT_DIGITS)}
            for feature, effect in factors
        ],
    }
