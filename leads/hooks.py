"""What leads asks of the apps above it (nzila_export.hooks); leads imports none of them.

- CONVERSION_ESTIMATES, a question answered by ml when it serves a lead conversion model, `(leads=)`: by lead
  id, for the open leads it estimates, {"probability": float, "source": "model", "model_version": int,
  "factors": [{"feature": str, "label": str, "effect": float}]}; nothing when no version is active. A lead
  it does not answer for (no app answers, no active version, a closed lead) shows the rule's
  `conversion_probability` (leads.selectors.lead_conversion_estimates).
"""

from nzila_export.hooks import HookPoint

CONVERSION_ESTIMATES = HookPoint("leads.conversion_estimates", answered_by_one=True)
