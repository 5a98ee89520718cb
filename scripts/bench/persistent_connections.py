"""Requests per second of a paginated DRF list, with database connections closed after every request
(CONN_MAX_AGE=0) and kept open (CONN_MAX_AGE=600), each under gunicorn on a free loopback port.

    .venv/bin/python scripts/bench/persistent_connections.py [--requests 2000] [--concurrency 4]

The list is GET /api/v1/users/ as staff (JWT): authentication, a count and a page of 20 rows.
Traffic goes to 127.0.0.1 only, and the run is bounded in requests and time.
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import ROOT, served

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila_bench_connections")
USERS = 60


def environment(conn_max_age: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nzila_export.settings",
        "DJANGO_ENV": "development",
        "DEBUG": "false",
        "DATABASE_URL": DATABASE_URL,
        "CONN_MAX_AGE": str(conn_max_age),
        "THROTTLE_USER": "1000000/hour",
        "LOG_LEVEL": "WARNING",
    }


def prepare_database() -> str:
    """Migrate, add users, and return a staff access token."""
    env = environment(600)
    python = sys.executable
    subprocess.run([python, "scripts/create_database.py"], cwd=ROOT, env=env, check=True)
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    script = f"""
from accounts.models import User
from rest_framework_simplejwt.tokens import RefreshToken
for number in range({USERS}):
    User.objects.get_or_create(username=f"bench{{number}}", defaults={{"email": f"bench{{number}}@example.com"}})
staff, _ = User.objects.get_or_create(
    username="bench-staff", defaults={{"email": "staff@bench.example", "role": "staff", "is_staff": True}}
)
print(RefreshToken.for_user(staff).access_token)
"""
    result = subprocess.run(
        [python, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout.strip().splitlines()[-1]


def measure(*, conn_max_age: int, token: str, requests: int, concurrency: int) -> float:
    with served("nzila_export.wsgi:application", env=environment(conn_max_age), workers=2) as base_url:
        port = int(base_url.rsplit(":", 1)[1])

        def worker(count: int) -> int:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            ok = 0
            for _ in range(count):
                connection.request("GET", "/api/v1/users/", headers={"Authorization": f"Bearer {token}"})
                response = connection.getresponse()
                body = response.read()
                ok += response.status == 200 and json.loads(body)["count"] > 0
            connection.close()
            return ok

        per_worker = requests // concurrency
        worker(20)  # warm up both workers' imports and caches
        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            ok = sum(pool.map(worker, [per_worker] * concurrency))
        elapsed = time.perf_counter() - started
        if ok != per_worker * concurrency:
            raise SystemExit(f"only {ok} of {per_worker * concurrency} requests succeeded")
        return ok / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=4)
    options = parser.parse_args()
    token = prepare_database()
    results = {}
    for conn_max_age in (0, 600):
        results[conn_max_age] = measure(
            conn_max_age=conn_max_age, token=token, requests=options.requests, concurrency=options.concurrency
        )
        print(f"CONN_MAX_AGE={conn_max_age:<4} {results[conn_max_age]:7.0f} requests/s", flush=True)
    print(f"persistent / per-request connections: {results[600] / results[0]:.2f}x")


if __name__ == "__main__":
    main()
