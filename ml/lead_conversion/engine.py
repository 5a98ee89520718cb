"""Serving the lead conversion model: the active version (ml.selectors.active_model: one Redis GET, the
estimator loaded once per process) estimates a page of leads at once, with one query for their first answers
and their buyers' histories, and one batched prediction for the probabilities and every factor's effect.

Only open leads are estimated, at the moment asked (now): a converted or lost lead's outcome is known, and the
rule's figure (1 or 0) says it. ml registers `lead_conversion_estimates` as the answer to
leads.hooks.CONVERSION_ESTIMATES; with no active version it answers nothing and the lead API shows the rule's."""

from datetime import datetime

from django.utils import timezone

from leads.models import OPEN_STATUSES, Lead
from ml.lead_conversion.features import serving_rows_load
from ml.lead_conversion.model import FACTORS
from ml.models import ModelName
from ml.selectors import active_model

EFFECT_DIGITS = 3


def lead_conversion_estimates(*, leads: list[Lead], now: datetime | None = None) -> dict[int, dict]:
    """By lead id, for the open leads among `leads` (their vehicles loaded): {"probability", "source": "model",
    "model_version", "factors": [{"feature", "label", "effect"}]}, the factors largest effect first (the change in
    probability this factor makes against a typical lead; ml.lead_conversion.model). Empty with no active version."""
    open_leads = [lead for lead in leads if lead.status in OPEN_STATUSES]
    active = active_model(name=ModelName.LEAD_CONVERSION) if open_leads else None
    if active is None:
        return {}
    rows = serving_rows_load(leads=open_leads, now=now or timezone.now())
    probabilities, explained = active.estimator.explain(rows)
    return {
        lead.pk: {
            "probability": round(float(probability), EFFECT_DIGITS),
            "source": "model",
            "model_version": active.version.version,
            "factors": [
                {"feature": factor, "label": FACTORS[factor][1], "effect": round(effect, EFFECT_DIGITS)}
                for factor, effect in factors
            ],
        }
        for lead, probability, factors in zip(open_leads, probabilities, explained, strict=True)
    }


def lead_conversion_predict(*, lead: Lead, now: datetime | None = None) -> dict | None:
    """The model's estimate for one lead, or None (a closed lead, or no active version)."""
    return lead_conversion_estimates(leads=[lead], now=now).get(lead.pk)
