import time

from django.core.management.base import BaseCommand, CommandError

from ml.lead_conversion.training import METRICS
from ml.models import ModelName
from ml.services import models_retrain

METRIC_NAMES = {
    "roc_auc": "ROC AUC",
    "pr_auc": "PR AUC (average precision)",
    "precision_top_decile": "precision in the top decile",
    "brier": "Brier score (lower is better)",
}


class Command(BaseCommand):
    help = (
        "Train the lead conversion model on the closed leads, register the new version and promote it only when "
        "it does at least as well (ROC AUC) as the rule (LeadScoringEngine) and the active version on the same "
        "held-out leads (those that came in after the cutoff, the newest 20 %); print its metrics beside the rule's."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        [outcome] = models_retrain(names=[ModelName.LEAD_CONVERSION])
        if outcome.failed:
            raise CommandError("Training the lead conversion model failed (see the log).")
        version, held_out = outcome.version, outcome.version.held_out
        self.stdout.write(
            f"{version}: trained on {held_out['training_rows']:,} leads closed before {held_out['cutoff'][:10]}, "
            f"scored on the {held_out['rows']:,} that came in since ({held_out['converted_share']:.1%} converted); "
            f"{time.perf_counter() - started:.1f} s."
        )
        lines = [f"{'held-out metric':<32} {'model':>8} {'rule':>8}"]
        for metric in METRICS:
            lines.append(
                f"{METRIC_NAMES[metric]:<32} {version.metrics[metric]:>8.4f} {version.baseline_metrics[metric]:>8.4f}"
            )
        self.stdout.write("\n".join(lines))
        self.stdout.write(outcome.describe())
