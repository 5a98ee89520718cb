"""The platform under load: Locust's visitors and signed-in buyers (scripts/bench/_locustfile.py) against
gunicorn on loopback, at 100, 500 and 1,000 concurrent users in turn.

Each user browses, opens listings, searches and inquires (3 : 2 : 2 : 1) with 1 to 5 s of thought between
two actions; 7 in 10 are visitors, 3 in 10 buyers signed in with a bearer token. The platform runs as
production does (gunicorn, 3 sync workers, DEBUG off) on its own database (BENCH_HTTP_DATABASE_URL, shared
with catalogue_http.py: 1,000 listings with 3 photos each), with the throttles out of reach. Locust runs
headless in one process, ramps a level up in about --ramp seconds and keeps its figures from then on
(--reset-stats), for --run-time seconds in all. One row per level: users, requests, requests/s, p50, p95
and p99 in ms, failures (any answer outside 2xx), the CPU Locust used (a share of one core), and what
answering cost from the end of the ramp: the CPU of gunicorn, PostgreSQL and Redis per request and in cores
(of the machine's, which the report counts; Locust runs on them too). Target: at 1,000 users, no failure
and a p95 under 100 ms; the exit code is 1 when it is missed, or when any level has a failure.

    .venv/bin/python scripts/bench/load_test.py [--users 100,500,1000] [--run-time 60] [--ramp 10]
        [--workers 3] [--csv-dir DIR]
"""

import argparse
import csv
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import threading
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

BENCH_DATABASE_URL = os.environ.get("BENCH_HTTP_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila_bench_http")
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nzila_export.settings")
os.environ["LOG_LEVEL"] = "WARNING"

import django  # noqa: E402
import psutil  # noqa: E402

from scripts.bench._listings import listings_fill  # noqa: E402
from scripts.bench._server import platform_environment, served  # noqa: E402
from scripts.create_database import database_create  # noqa: E402

LOCUSTFILE = Path(__file__).resolve().parent / "_locustfile.py"
LISTINGS = 1000
BUYER_SHARE = 0.3  # the Buyer class's weight in _locustfile.py: 3 in 10 users
BUYER_PREFIX = "bench_buyer_"
# Any of these accounts can sign in by hand (POST /api/v1/auth/token/) to look at what the load left.
BUYER_PASSWORD = "load-test-buyer-password"
BUYER_COUNTRIES = ["CI", "SN", "GH", "NG", "CM", "CD", "KE"]
TARGET_USERS = 1000
TARGET_P95_MS = 100


def buyers_ensure(count: int) -> list:
    """`count` buyer accounts with BUYER_PASSWORD, made in bulk with one password hash: hashing is slow on
    purpose, and creating them one by one through the sign-up would take minutes."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import Language, Role, User

    usernames = [f"{BUYER_PREFIX}{index}" for index in range(count)]
    existing = set(User.objects.filter(username__in=usernames).values_list("username", flat=True))
    password = make_password(BUYER_PASSWORD)
    User.objects.bulk_create(
        User(
            username=username,
            email=f"{username.replace('_', '-')}@load.example",
            first_name="Buyer",
            last_name=str(index),
            role=Role.BUYER,
            password=password,
            country=BUYER_COUNTRIES[index % len(BUYER_COUNTRIES)],
            preferred_language=Language.FRENCH if index % 2 else Language.ENGLISH,
        )
        for index, username in enumerate(usernames)
        if username not in existing
    )
    return list(User.objects.filter(username__in=usernames).order_by("id"))


def fixture_write(path: Path, *, buyers: list, token_lifetime: timedelta) -> None:
    """What the Locust users need: available listing ids, and per buyer a fresh access token and the
    listings it has already inquired about (so that each inquiry of the run is a first one)."""
    from rest_framework_simplejwt.tokens import AccessToken

    from leads.models import Lead
    from vehicles.selectors import vehicle_list_visible_to

    inquired: dict[int, list[int]] = {buyer.pk: [] for buyer in buyers}
    for buyer_id, vehicle_id in Lead.objects.filter(buyer__in=buyers).values_list("buyer_id", "vehicle_id"):
        inquired[buyer_id].append(vehicle_id)
    accounts = []
    for buyer in buyers:
        # Minted here rather than signed in over HTTP: a sign-in hashes the password (PBKDF2, slow on
        # purpose) and is throttled per IP; 300 of them at the start of a level would measure the hasher
        # and the throttle, where a real buyer signs in once and then browses for days on its tokens.
        token = AccessToken.for_user(buyer)
        token.set_exp(lifetime=token_lifetime)
        accounts.append(
            {
                "token": str(token),
                "email": buyer.email,
                "name": buyer.get_full_name(),
                "inquired": inquired[buyer.pk],
            }
        )
    vehicles = list(vehicle_list_visible_to(user=None).order_by("id").values_list("id", flat=True))
    path.write_text(json.dumps({"vehicles": vehicles, "buyers": accounts}))


def serving_cpu_seconds() -> float:
    """The CPU seconds used so far by what answers the load on this machine: gunicorn's processes, PostgreSQL's
    and Redis's."""
    total = 0.0
    for process in psutil.process_iter(["name", "cmdline", "cpu_times"]):
        name, command, times = process.info["name"] or "", process.info["cmdline"] or [], process.info["cpu_times"]
        serving = name.startswith(("postgres", "redis-server")) or any("gunicorn" in part for part in command)
        if serving and times is not None:
            total += times.user + times.system
    return total


def locust_run(*, base: str, users: int, options, csv_prefix: Path, fixture: Path) -> dict:
    """Run the locustfile headless at `users` users; Aggregated and per-route figures from its CSV, and the
    serving processes' CPU from the end of the ramp (when Locust resets its figures) to the end of the run."""
    spawn_rate = max(1.0, users / options.ramp)
    command = [
        sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", base,
        "--users", str(users), "--spawn-rate", f"{spawn_rate:g}", "--run-time", f"{options.run_time}s",
        "--reset-stats", "--only-summary", "--csv", str(csv_prefix), "--loglevel", "WARNING",
    ]  # fmt: skip
    log = csv_prefix.with_suffix(".log")
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    serving_at_ramp_end: list[float] = []
    ramp_end = threading.Timer(users / spawn_rate, lambda: serving_at_ramp_end.append(serving_cpu_seconds()))
    ramp_end.start()
    with log.open("w") as output:
        result = subprocess.run(
            command, env={**os.environ, "LOAD_TEST_FIXTURE": str(fixture)}, stdout=output, stderr=subprocess.STDOUT
        )
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    serving_end = serving_cpu_seconds()
    ramp_end.cancel()
    if result.returncode not in (0, 1):  # 1: the run had failures, which the CSV counts
        raise SystemExit(f"locust exited with {result.returncode}; see {log}")
    serving_seconds = serving_end - serving_at_ramp_end[0]
    for line in log.read_text().splitlines():
        if "CPU usage" in line:  # the load generator itself was short of CPU: the figures understate
            print(f"locust: {line.strip()}", flush=True)
    with open(f"{csv_prefix}_stats.csv", newline="") as stats_file:
        rows = {row["Name"]: row for row in csv.DictReader(stats_file)}
    with open(f"{csv_prefix}_failures.csv", newline="") as failures_file:
        failures = sorted(csv.DictReader(failures_file), key=lambda row: -int(row["Occurrences"]))
    cpu_seconds = sum(getattr(cpu_after, field) - getattr(cpu_before, field) for field in ("ru_utime", "ru_stime"))
    total = figures_of(rows.pop("Aggregated"))
    return {
        "users": users,
        "total": total,
        "routes": {name: figures_of(row) for name, row in rows.items()},
        "failures": failures,
        "locust_cpu": cpu_seconds / options.run_time,
        "serving_cpu_ms": 1000 * serving_seconds / max(total["requests"], 1),
        "serving_cores": serving_seconds / (options.run_time - users / spawn_rate),
    }


def figures_of(row: dict) -> dict:
    def milliseconds(column: str) -> float:
        return float(row[column]) if row[column] not in ("", "N/A") else math.nan

    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "per_second": float(row["Requests/s"]),
        "p50": milliseconds("50%"),
        "p95": milliseconds("95%"),
        "p99": milliseconds("99%"),
    }


def report(levels: list[dict]) -> None:
    print(f"\n{os.cpu_count()} cores on this machine, for the platform, PostgreSQL, Redis and Locust")
    print(
        f"{'users':>6} {'requests':>9} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'failures':>9}"
        f" {'locust CPU':>10} {'serving CPU/request':>19} {'serving cores':>13}"
    )
    for level in levels:
        total = level["total"]
        print(
            f"{level['users']:>6,} {total['requests']:>9,} {total['per_second']:>7.1f} {total['p50']:>7.0f}"
            f" {total['p95']:>7.0f} {total['p99']:>7.0f} {total['failures']:>9,} {level['locust_cpu']:>9.0%}"
            f" {level['serving_cpu_ms']:>16.1f} ms {level['serving_cores']:>13.2f}"
        )
    for level in levels:
        print(f"\n{level['users']:,} users, per route:")
        for name, route in level["routes"].items():
            print(
                f"  {name:<34} {route['requests']:>7,} requests  p50 {route['p50']:>5.0f}  p95 {route['p95']:>5.0f}"
                f"  p99 {route['p99']:>5.0f} ms  {route['failures']:,} failures"
            )
        for failure in level["failures"][:5]:
            print(f"  FAILED {failure['Occurrences']}x {failure['Method']} {failure['Name']}: {failure['Error']}")


def targets_met(levels: list[dict]) -> bool:
    met = True
    for level in levels:
        total = level["total"]
        if total["requests"] == 0 or total["failures"]:
            print(f"{level['users']:,} users: {total['failures']:,} failures of {total['requests']:,} requests")
            met = False
        if level["users"] == TARGET_USERS:
            p95_met = total["p95"] < TARGET_P95_MS
            print(
                f"{TARGET_USERS:,} users: p95 {total['p95']:.0f} ms (target < {TARGET_P95_MS} ms, no failure)   "
                f"{'met' if p95_met and not total['failures'] else 'MISSED'}"
            )
            met = met and p95_met
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="100,500,1000", help="the levels, comma-separated")
    parser.add_argument("--run-time", type=int, default=60, help="seconds per level, ramp-up included")
    parser.add_argument("--ramp", type=float, default=10, help="seconds to start a level's users")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (production's Dockerfile: 3)")
    parser.add_argument("--csv-dir", type=Path, help="where Locust's CSV and log go (default: a new temp folder)")
    options = parser.parse_args()
    if options.run_time <= options.ramp:
        parser.error("--run-time must be longer than --ramp: the figures are kept from the end of the ramp")
    levels = [int(users) for users in options.users.split(",")]
    csv_dir = options.csv_dir or Path(tempfile.mkdtemp(prefix="nzila-load-test-"))
    csv_dir.mkdir(parents=True, exist_ok=True)

    database_create(BENCH_DATABASE_URL)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    listings_fill(LISTINGS, photos_per_listing=3)
    buyers = buyers_ensure(math.ceil(max(levels) * BUYER_SHARE) + 10)
    fixture = csv_dir / "fixture.json"

    results = []
    environment = platform_environment(BENCH_DATABASE_URL)
    # Ready when the catalogue answers: the health check waits on a Celery worker's ping, and none runs here.
    ready = "/api/v1/vehicles/?page_size=1"
    with served("nzila_export.wsgi:application", env=environment, workers=options.workers, ready_path=ready) as base:
        print(f"gunicorn, {options.workers} sync workers, at {base}; Locust's files in {csv_dir}", flush=True)
        for users in levels:
            fixture_write(fixture, buyers=buyers, token_lifetime=timedelta(seconds=options.run_time + 600))
            print(f"{users:,} users for {options.run_time} s ...", flush=True)
            csv_prefix = csv_dir / f"users_{users}"
            results.append(locust_run(base=base, users=users, options=options, csv_prefix=csv_prefix, fixture=fixture))
    report(results)
    return 0 if targets_met(results) else 1


if __name__ == "__main__":
    sys.exit(main())
