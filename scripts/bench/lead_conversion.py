"""Lead conversion: how long the model's prediction takes beside the rule's, on the same open leads (printed, not
asserted). Per lead: the model (`lead_conversion_predict`: the active version from the cache, the one query for
the lead's first answer and its buyer's history, the prediction with every factor's effect) against the rule
(LeadScoringEngine's conversion probability, with its query for the buyer's completed deals); then a page of 20
leads through the model (`lead_conversion_estimates`, as the lead list does), and the model's prediction alone.

Runs against the learned models' benchmark database (scripts/bench/_market.py: the generated market of 100,000
listings, made on the first run), and trains the model there when no version is active (`train_lead_model`).

    .venv/bin/python scripts/bench/lead_conversion.py [--listings 100000] [--leads 300]
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench._market import market_prepare, report, timed  # noqa: E402

PAGE = 20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--listings", type=int, default=100_000, help="The market's size, on the first run.")
    parser.add_argument("--leads", type=int, default=300)
    arguments = parser.parse_args()
    market_prepare(listings=arguments.listings)
    from django.core.management import call_command

    from leads.models import OPEN_STATUSES, Lead
    from leads.scoring import LeadScoringEngine
    from ml.lead_conversion.engine import lead_conversion_estimates, lead_conversion_predict
    from ml.lead_conversion.features import serving_rows_load
    from ml.models import ModelName
    from ml.selectors import active_model

    leads = list(Lead.objects.filter(status__in=OPEN_STATUSES).select_related("vehicle")[: arguments.leads])
    if active_model(name=ModelName.LEAD_CONVERSION) is None:
        call_command("train_lead_model")
    lead_conversion_predict(lead=leads[0])  # load the estimator once, as a serving process has
    report(
        "model, one lead (query + prediction + factors)", timed(lambda lead: lead_conversion_predict(lead=lead), leads)
    )
    report(
        "rule, one lead (LeadScoringEngine)",
        timed(lambda lead: LeadScoringEngine(lead).get_conversion_probability(), leads),
    )
    pages = [leads[first : first + PAGE] for first in range(0, len(leads) - PAGE + 1, PAGE // 2)]
    report(f"model, a page of {PAGE} leads", timed(lambda page: lead_conversion_estimates(leads=page), pages))
    estimator = active_model(name=ModelName.LEAD_CONVERSION).estimator
    rows = [serving_rows_load(leads=[lead], now=lead.created_at) for lead in leads]
    report("model alone, one lead (prediction + factors)", timed(estimator.explain, rows))
    report("model alone, one lead (probability only)", timed(estimator.predict_proba, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
