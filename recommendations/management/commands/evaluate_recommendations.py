from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from recommendations.evaluation import ModelScore, recommendations_evaluate
from recommendations.interactions import WINDOW_DAYS
from recommendations.services import recommender_weights_store


class Command(BaseCommand):
    help = (
        "Hold out each user's last interactions, score popularity, content-based, collaborative and the hybrid "
        "over a grid of weights (nDCG@10, recall@10, coverage), print the table and store the best hybrid's "
        "weights, which serving then uses."
    )

    def add_arguments(self, parser):
        parser.add_argument("--holdout", type=int, default=2, help="Interactions held out per user (default 2).")
        parser.add_argument("--max-users", type=int, default=1000, help="Users evaluated, a fixed sample (1000).")
        parser.add_argument(
            "--days", type=int, default=WINDOW_DAYS, help=f"Interactions of the last N days ({WINDOW_DAYS})."
        )
        parser.add_argument("--dry-run", action="store_true", help="Print the table; store nothing.")

    def handle(self, *args, holdout: int, max_users: int, days: int, dry_run: bool, **options):
        if holdout < 1 or max_users < 1 or days < 1:
            raise CommandError("--holdout, --max-users and --days must be at least 1.")
        evaluation = recommendations_evaluate(
            since=timezone.now() - timedelta(days=days), holdout=holdout, max_users=max_users
        )
        if evaluation is None:
            raise CommandError(f"No signed-in user has more than {holdout} interactions: nothing to evaluate.")
        self.stdout.write(
            f"{evaluation.users} users, {evaluation.held_out} held-out interactions (the last {holdout} of each)."
        )
        self.stdout.write(
            f"{'model':<14} {'content':>8} {'collab':>8} {'popular':>8} {'nDCG@10':>8} {'recall@10':>9} {'coverage':>8}"
        )
        for score in [*evaluation.alone, *evaluation.grid]:
            self.stdout.write(self._row(score, chosen=score is evaluation.chosen))
        weights = evaluation.chosen.weights
        if dry_run:
            self.stdout.write("Dry run: nothing stored.")
            return
        recommender_weights_store(
            weights=weights,
            metrics=evaluation.metrics_record(),
            users_evaluated=evaluation.users,
            held_out=evaluation.held_out,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Stored: content {weights.content:.2f}, collaborative {weights.collaborative:.2f}, "
                f"popularity {weights.popularity:.2f}."
            )
        )

    @staticmethod
    def _row(score: ModelScore, *, chosen: bool) -> str:
        weights, metrics = score.weights, score.metrics
        return (
            f"{score.name:<14} {weights.content:>8.2f} {weights.collaborative:>8.2f} {weights.popularity:>8.2f} "
            f"{metrics.ndcg:>8.4f} {metrics.recall:>9.4f} {metrics.coverage:>8.4f}{'  <- chosen' if chosen else ''}"
        )
