import time

from django.core.management.base import BaseCommand, CommandError

from ml.models import ModelName
from ml.payment_anomaly.training import METRICS
from ml.services import models_retrain

METRIC_NAMES = {
    "pr_auc": "PR AUC (average precision)",
    "roc_auc": "ROC AUC",
    "precision_at_rule_rate": "precision at the rule's flag rate",
    "recall_at_rule_rate": "recall at the rule's flag rate",
}


class Command(BaseCommand):
    help = (
        "Train the payment anomaly model on the labelled payments (disputes, staff rejections, payments that went "
        "through), register the new version and promote it only when it does at least as well (PR AUC) as the "
        "rule's risk points and the active version on the same held-out payments (the newest 20 %); print its "
        "metrics beside an IsolationForest's and the rule's."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        [outcome] = models_retrain(names=[ModelName.PAYMENT_ANOMALY])
        if outcome.failed:
            raise CommandError("Training the payment anomaly model failed (see the log).")
        version, held_out = outcome.version, outcome.version.held_out
        self.stdout.write(
            f"{version}: trained on {held_out['training_rows']:,} payments made before "
            f"{version.training_window_end.date()}, scored on the {held_out['rows']:,} made since "
            f"{held_out['cutoff'][:10]} ({held_out['frauds']:,} frauds; "
            f"the rule flags {held_out['flagged_by_rule']:,}); "
            f"points above a probability of {held_out['points_threshold']:.3f}; {time.perf_counter() - started:.1f} s."
        )
        lines = [f"{'held-out metric':<36} {'model':>8} {'forest':>8} {'rule':>8}"]
        for metric in METRICS:
            lines.append(
                f"{METRIC_NAMES[metric]:<36} {version.metrics[metric]:>8.4f} "
                f"{version.metrics[f'isolation_forest_{metric}']:>8.4f} {version.baseline_metrics[metric]:>8.4f}"
            )
        self.stdout.write("\n".join(lines))
        self.stdout.write(outcome.describe())
