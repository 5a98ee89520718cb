"""Payment anomaly: how long the model's points take beside the rule's, for payments of the generated market
(printed, not asserted). Per payment: the rule (`payment_risk_assess` with no model serving: its query for the
payer's recent failures), the model's answer to PAYMENT_RISK_POINTS (`payment_risk_points`: the active version
from the cache, the query for the payer's earlier payments, the prediction with every factor's effect), and the
model's prediction alone.

Runs against the learned models' benchmark database (scripts/bench/_market.py: the generated market of 100,000
listings, made on the first run), and trains the model there when no version is active (`train_payment_model`).

    .venv/bin/python scripts/bench/payment_anomaly.py [--listings 100000] [--payments 300]
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench._market import market_prepare, report, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--listings", type=int, default=100_000, help="The market's size, on the first run.")
    parser.add_argument("--payments", type=int, default=300)
    arguments = parser.parse_args()
    market_prepare(listings=arguments.listings)
    import numpy as np
    from django.core.management import call_command

    from ml.models import ModelName
    from ml.payment_anomaly.engine import payment_risk_points
    from ml.payment_anomaly.features import FEATURES
    from ml.selectors import active_model
    from payments.fraud import payment_risk_assess
    from payments.hooks import PAYMENT_RISK_POINTS
    from payments.models import Payment, PaymentStatus

    payments = list(
        Payment.objects.filter(status=PaymentStatus.SUCCEEDED)
        .select_related("deal", "payer")
        .order_by("-created_at")[: arguments.payments]
    )
    if active_model(name=ModelName.PAYMENT_ANOMALY) is None:
        call_command("train_payment_model")

    def model_points(payment):
        return payment_risk_points(
            payer=payment.payer, deal=payment.deal, amount_cad=payment.amount_cad, reason_codes=set(),
            ip_address=payment.ip_address, now=payment.created_at,
        )  # fmt: skip

    def rule_points(payment):
        return payment_risk_assess(
            payer=payment.payer, deal=payment.deal, amount_cad=payment.amount_cad, now=payment.created_at
        )

    model_points(payments[0])  # load the estimator once, as a serving process has
    report("model, one payment (query + prediction + factors)", timed(model_points, payments))
    hooks, PAYMENT_RISK_POINTS._hooks = PAYMENT_RISK_POINTS._hooks, {}  # the rule alone, as with no model serving
    try:
        report("rule, one payment (payment_risk_assess)", timed(rule_points, payments))
    finally:
        PAYMENT_RISK_POINTS._hooks = hooks
    report("rule + model, one payment (payment_risk_assess)", timed(rule_points, payments))
    estimator = active_model(name=ModelName.PAYMENT_ANOMALY).estimator
    matrices = [np.zeros((1, len(FEATURES))) for _ in payments]
    report("model alone, one payment (prediction + factors)", timed(estimator.explain, matrices))
    return 0


if __name__ == "__main__":
    sys.exit(main())
