"""What the learned models' benchmarks share: timing calls in milliseconds, and their own database holding the
generated market (BENCH_MARKET_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/nzila_bench_market),
created, migrated and generated (`generate_market_history`, about 75 s for 100,000 listings) on the first run,
reused after, with its own cache key prefix (the active model versions of this database, not another's).
Importing this module points the platform's settings at it: import it before Django is set up."""

import os
import statistics
import time

from scripts.create_database import database_create

BENCH_MARKET_DATABASE_URL = os.environ.get(
    "BENCH_MARKET_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila_bench_market"
)
os.environ["DATABASE_URL"] = BENCH_MARKET_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nzila_export.settings")
os.environ["DEBUG"] = "false"  # no query log: measure what production runs
os.environ["LOG_LEVEL"] = "WARNING"
os.environ["CACHE_KEY_PREFIX"] = "nzila-bench-market"


def market_prepare(*, listings: int) -> None:
    """The database ready, Django set up, and the market generated when it holds none."""
    import django

    database_create(BENCH_MARKET_DATABASE_URL)
    django.setup()
    from django.core.management import call_command

    from ml.market_rows import generated_users

    call_command("migrate", verbosity=0, interactive=False)
    if not generated_users().exists():
        call_command("generate_market_history", listings=listings)


def timed(call, items) -> list[float]:
    durations = []
    for item in items:
        started = time.perf_counter()
        call(item)
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def report(name: str, durations: list[float]) -> None:
    p95 = statistics.quantiles(durations, n=20)[-1]
    print(f"{name:<52} p50 {statistics.median(durations):7.2f} ms   p95 {p95:7.2f} ms   ({len(durations)} runs)")
