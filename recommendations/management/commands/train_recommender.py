import time

from django.core.management.base import BaseCommand, CommandError

from ml.models import ModelName
from ml.services import models_retrain
from recommendations.training import HELD_OUT_DAYS, METRICS


class Command(BaseCommand):
    help = (
        f"Choose the recommender's hybrid weights on the interactions of the last {HELD_OUT_DAYS} days, learnt "
        "from those before; register the new version and promote it only when its nDCG@10 is at least "
        "popularity's and the active version's on the same users; print every model's nDCG@10, recall@10 and "
        "coverage (the hybrid's weights: content/collaborative/popularity)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        [outcome] = models_retrain(names=[ModelName.RECOMMENDATIONS])
        if outcome.failed:
            raise CommandError("Training the recommender failed (see the log).")
        version, held_out = outcome.version, outcome.version.held_out
        self.stdout.write(
            f"{version}: learnt from {held_out['training_interactions']:,} interactions before "
            f"{held_out['cutoff'][:10]}; scored on {held_out['users']:,} users (a fixed sample of "
            f"{held_out['users_available']:,}) and the {held_out['held_out_listings']:,} listings they met first "
            f"since; {time.perf_counter() - started:.1f} s."
        )
        weights = "/".join(f"{weight:.1f}" for weight in held_out["weights"].values())
        rows = {
            "popularity (baseline)": version.baseline_metrics,
            **held_out["compared"],
            f"hybrid {weights}": version.metrics,
        }
        lines = [f"{'model':<24} {'nDCG@10':>8} {'recall@10':>9} {'coverage':>8}"]
        for name, metrics in rows.items():
            scores = (f"{metrics[metric]:>{width}.4f}" for metric, width in zip(METRICS, (8, 9, 8), strict=True))
            lines.append(f"{name:<24} {' '.join(scores)}")
        self.stdout.write("\n".join(lines))
        self.stdout.write(outcome.describe())
