"""Vehicle search with 100,000 listings: median latency of a filtered ordered list page, a full-text +
fuzzy search and the facets, each through the real view stack (Django's test client, in process), with the
catalogue's page cache off (every request computed, as on a cold cache).

Runs against its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/nzila_bench),
created, migrated and filled with bulk_create on the first run and reused after. Targets: list and
search under 50 ms median, facets under 150 ms.

    .venv/bin/python scripts/bench/vehicles_search.py [--requests 200] [--vehicles 100000]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila_bench")
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nzila_export.settings")
os.environ["DEBUG"] = "false"  # no query log: measure what production runs
os.environ["THROTTLE_CATALOGUE_BURST"] = "100000000/minute"  # the bench reads as a visitor
os.environ["THROTTLE_CATALOGUE_SUSTAINED"] = "100000000/hour"
os.environ["LOG_LEVEL"] = "WARNING"
os.environ["CATALOGUE_CACHE_SECONDS"] = "0"  # the database's work, every time: the cache stays cold

import django  # noqa: E402

from scripts.bench._listings import listings_fill  # noqa: E402
from scripts.create_database import database_create  # noqa: E402

TARGETS_MS = {
    "list": 50,
    "search (fuzzy)": 50,
    "search (full text)": 50,
    "facets": 150,
    "search, none: did you mean": 150,  # no target in the issue; an empty result is rare
}
CASES = {
    "list": "/api/v1/vehicles/?make=Toyota,Honda&year__gte=2015&price__lte=40000&ordering=price,-year",
    "search (fuzzy)": "/api/v1/vehicles/?search=Toyoya%20Camri",
    "search (full text)": "/api/v1/vehicles/?search=heated%20seats%20rav4",
    "facets": "/api/v1/vehicles/facets/?make=Toyota&year__gte=2015",
    "search, none: did you mean": "/api/v1/vehicles/?search=Hondda%20Civik&year__gte=2030",
}


def measure(requests: int) -> dict[str, float]:
    from django.test import Client

    client = Client()
    medians = {}
    for name, url in CASES.items():
        for _ in range(10):  # warm the connection, caches and plans
            assert client.get(url).status_code == 200
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.content[:300]
        medians[name] = statistics.median(timings)
        body = response.json()
        size = body.get("count", "-") if isinstance(body, dict) else "-"
        print(
            f"{name:<28} median {medians[name]:6.1f} ms  p95 {statistics.quantiles(timings, n=20)[18]:6.1f} ms  "
            f"target < {TARGETS_MS[name]} ms  (matches: {size})  {url}"
        )
    return medians


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--vehicles", type=int, default=100_000)
    arguments = parser.parse_args()
    database_create(BENCH_DATABASE_URL)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    listings_fill(arguments.vehicles)
    medians = measure(arguments.requests)
    missed = [name for name, median in medians.items() if median >= TARGETS_MS[name]]
    if missed:
        print(f"over target: {', '.join(missed)}")
        return 1
    print("all medians within target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
