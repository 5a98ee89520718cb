"""The public catalogue over HTTP, side by side with a bare DRF list of the same rows, in one run.

gunicorn with 3 sync workers on loopback, PostgreSQL on loopback, 1,000 listings with 3 photos each,
pages of 20, wrk with 16 keep-alive connections, throttles out of reach. Measured:

- the reference (scripts/bench/reference: DRF alone, no middleware, authentication or cache): its list
  and a full-text search;
- the platform with its catalogue cache off (CATALOGUE_CACHE_SECONDS=0): the same list and search.
  Targets: at least 0.8 of the reference's requests/s, and a p95 at most 1.25 times the reference's.
  Both servers run at once and are measured in alternation, --rounds times each, and the medians are
  compared: a shared machine's speed drifts by tens of percent within a minute, and two runs one after
  the other would measure the drift as much as the difference;
- the platform with its cache on, as visitors meet it: list, search, detail and facets from Redis.
  Target: at least 1,000 requests/s each.

    .venv/bin/python scripts/bench/catalogue_http.py [--seconds 10] [--rounds 5] [--connections 16]
"""

import argparse
import contextlib
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

BENCH_DATABASE_URL = os.environ.get("BENCH_HTTP_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila_bench_http")
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nzila_export.settings")
os.environ["LOG_LEVEL"] = "WARNING"

import django  # noqa: E402

from scripts.bench._listings import listings_fill  # noqa: E402
from scripts.bench._server import platform_environment, served, wrk  # noqa: E402
from scripts.create_database import database_create  # noqa: E402

LISTINGS = 1000
SEARCH = "search=heated%20seats"
MIN_THROUGHPUT_RATIO = 0.8
MAX_P95_RATIO = 1.25
MIN_CACHED_PER_SECOND = 1000


def row(name: str, figures: dict) -> None:
    print(
        f"{name:<34} {figures['per_second']:8.0f} req/s   p50 {figures['p50']:6.1f} ms   p95 {figures['p95']:6.1f} ms"
        f"   p99 {figures['p99']:6.1f} ms",
        flush=True,
    )


def median_figures(runs: list[dict]) -> dict:
    return {name: statistics.median(run[name] for run in runs) for name in ("per_second", "p50", "p95", "p99")}


def compare(name: str, platform: dict, reference: dict) -> bool:
    throughput = platform["per_second"] / reference["per_second"]
    p95 = platform["p95"] / reference["p95"]
    met = throughput >= MIN_THROUGHPUT_RATIO and p95 <= MAX_P95_RATIO
    print(
        f"{name:<34} throughput {throughput:.2f}x (target >= {MIN_THROUGHPUT_RATIO})   p95 {p95:.2f}x "
        f"(target <= {MAX_P95_RATIO})   {'met' if met else 'MISSED'}"
    )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="of each wrk run")
    parser.add_argument("--rounds", type=int, default=5, help="alternating runs of the reference and the platform")
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    load = {"seconds": options.seconds, "connections": options.connections}

    database_create(BENCH_DATABASE_URL)
    django.setup()
    from django.core.management import call_command

    from vehicles.models import Vehicle, VehicleStatus

    call_command("migrate", verbosity=0, interactive=False)
    listings_fill(LISTINGS, photos_per_listing=3)
    detail = Vehicle.objects.filter(status=VehicleStatus.AVAILABLE).order_by("id").values_list("id", flat=True)[0]

    reference_env = {
        **os.environ,
        "DATABASE_URL": BENCH_DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "scripts.bench.reference.settings",
    }
    uncached = platform_environment(BENCH_DATABASE_URL, CATALOGUE_CACHE_SECONDS="0")
    pairs = {
        "list": ("/vehicles/", "/api/v1/vehicles/"),
        "search": (f"/vehicles/?{SEARCH}", f"/api/v1/vehicles/?{SEARCH}"),
    }
    runs: dict[str, list[dict]] = {}
    with contextlib.ExitStack() as servers:
        reference = servers.enter_context(
            served("scripts.bench.reference.wsgi:application", env=reference_env, ready_path="/vehicles/")
        )
        platform = servers.enter_context(served("nzila_export.wsgi:application", env=uncached))
        for reference_path, platform_path in pairs.values():  # warm both: connections, plans
            wrk(f"{reference}{reference_path}", seconds=2, connections=options.connections)
            wrk(f"{platform}{platform_path}", seconds=2, connections=options.connections)
        for _ in range(options.rounds):
            for name, (reference_path, platform_path) in pairs.items():
                runs.setdefault(f"reference {name}", []).append(wrk(f"{reference}{reference_path}", **load))
                runs.setdefault(f"platform {name}, uncached", []).append(wrk(f"{platform}{platform_path}", **load))
    figures = {name: median_figures(measured) for name, measured in runs.items()}
    with served("nzila_export.wsgi:application", env=platform_environment(BENCH_DATABASE_URL)) as base:
        figures["platform list, cached"] = wrk(f"{base}/api/v1/vehicles/", **load)
        figures["platform search, cached"] = wrk(f"{base}/api/v1/vehicles/?{SEARCH}", **load)
        figures["platform detail, cached"] = wrk(f"{base}/api/v1/vehicles/{detail}/", **load)
        figures["platform facets, cached"] = wrk(f"{base}/api/v1/vehicles/facets/", **load)

    for name, measured in figures.items():
        row(name, measured)
    met = [
        compare("list: platform / reference", figures["platform list, uncached"], figures["reference list"]),
        compare("search: platform / reference", figures["platform search, uncached"], figures["reference search"]),
    ]
    for name, measured in figures.items():
        if name.endswith("cached") and not name.endswith("uncached"):
            cached_met = measured["per_second"] >= MIN_CACHED_PER_SECOND
            print(f"{name:<34} target >= {MIN_CACHED_PER_SECOND} req/s   {'met' if cached_met else 'MISSED'}")
            met.append(cached_met)
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
