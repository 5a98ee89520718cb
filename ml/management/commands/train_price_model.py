import time

from django.core.management.base import BaseCommand, CommandError

from ml.models import ModelName
from ml.price_guidance.training import METRICS
from ml.services import models_retrain

METRIC_NAMES = {
    "mape": "MAPE",
    "median_ape": "median APE",
    "coverage": "interval coverage",
    "relative_width": "mean interval width / price",
}


class Command(BaseCommand):
    help = (
        "Train the price guidance model on the published listings, register the new version and promote it only "
        "when it does at least as well (MAPE) as the comparables rule and the active version on the same held-out "
        "listings (the newest 20 % by listing date); print its metrics beside the rule's."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        [outcome] = models_retrain(names=[ModelName.PRICE_GUIDANCE])
        if outcome.failed:
            raise CommandError("Training the price model failed (see the log).")
        version, held_out = outcome.version, outcome.version.held_out
        self.stdout.write(
            f"{version}: trained on {held_out['training_rows']:,} listings before {held_out['cutoff'][:10]} "
            f"({held_out['calibration_fraction']:.0%} of them, the latest, calibrating the {held_out['interval']} "
            f"range), scored on the {held_out['rows']:,} listed since; {time.perf_counter() - started:.1f} s."
        )
        self.stdout.write(self._table(version.metrics, version.baseline_metrics, held_out))
        self.stdout.write(outcome.describe())

    @staticmethod
    def _table(model: dict, rule: dict, held_out: dict) -> str:
        targets = f"model {held_out['target_coverage']:.0%}, rule {held_out['rule_coverage']:.0%}"
        lines = [f"{'held-out metric':<44} {'model':>8} {'rule':>8}"]
        for metric in METRICS:
            name = METRIC_NAMES[metric] + (f" ({targets})" if metric == "coverage" else "")
            lines.append(f"{name:<44} {model[metric]:>8.4f} {rule[metric]:>8.4f}")
        return "\n".join(lines)
