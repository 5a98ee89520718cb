import time
from datetime import UTC, date, datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ml.market_rows import MarketHistoryRefused, market_history_clear, market_history_generate


class Command(BaseCommand):
    help = (
        "Generate years of market history (listings, views, leads, deals, payments) from the documented hidden "
        "process of ml/market_history.py, for training the learned models; --clear removes the generated rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("--listings", type=int, default=100_000)
        parser.add_argument("--years", type=int, default=3)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--end", type=date.fromisoformat, default=None, help="Last day of the history, YYYY-MM-DD (default today)."
        )
        parser.add_argument("--clear", action="store_true", help="Delete the generated rows (only them) and stop.")
        parser.add_argument("--force", action="store_true", help="Run even on a production database.")

    def handle(self, *args, listings, years, seed, end, clear, force, **options):
        if settings.DJANGO_ENV == "production" and not settings.DEBUG and not force:
            raise CommandError("This is a production database: generated history does not belong here (--force).")
        started = time.perf_counter()
        if clear:
            counts = market_history_clear()
            self.stdout.write(f"Removed {self._counted(counts)} in {time.perf_counter() - started:.1f} s.")
            return
        if listings < 1 or years < 1:
            raise CommandError("--listings and --years must be at least 1.")
        try:
            counts = market_history_generate(
                listings=listings, years=years, seed=seed, end=end or datetime.now(UTC).date()
            )
        except MarketHistoryRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write(f"Generated {self._counted(counts)} in {time.perf_counter() - started:.1f} s.")

    @staticmethod
    def _counted(counts: dict[str, int]) -> str:
        return ", ".join(f"{count:,} {kind}" for kind, count in counts.items()) or "nothing"
