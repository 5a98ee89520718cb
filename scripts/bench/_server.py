"""What the HTTP benchmarks share: a gunicorn on a free loopback port, and wrk's figures for a URL.

The platform's processes are configured through the environment only, as in production; every run stays
on 127.0.0.1 and is bounded in time.
"""

import contextlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 30
# wrk prints its latency percentiles as JSON at the end of a run (its summary has no p95).
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "non_2xx": %d, "socket_errors": %d, "p50": %f, "p95": %f, "p99": %f}\\n',
    summary.requests, summary.duration / 1e6, errors.status, errors.connect + errors.read + errors.write
      + errors.timeout, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def platform_environment(database_url: str, **overrides: str) -> dict:
    """The platform as production runs it (DEBUG off, warnings only), on `database_url`, with the
    throttles out of reach: the benchmarks measure the work of a request, not the refusal of one."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nzila_export.settings",
        "DJANGO_ENV": "development",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "WARNING",
        **{
            f"THROTTLE_{scope}": "100000000/hour"
            for scope in ("CATALOGUE_BURST", "CATALOGUE_SUSTAINED", "ANON", "USER", "AUTH", "INQUIRIES")
        },
        **overrides,
    }


@contextlib.contextmanager
def served(application: str, *, env: dict, workers: int = 3, ready_path: str = "/api/v1/health/") -> Iterator[str]:
    """gunicorn serving `application` (module:callable) with `workers` sync workers on a free loopback
    port, until the block ends; yields its base URL."""
    port = free_port()
    metrics_folder = tempfile.mkdtemp(prefix="nzila-bench-metrics-")  # gunicorn's workers add up their series
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", application, "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT,
        env={**env, "PROMETHEUS_MULTIPROC_DIR": metrics_folder},
    )  # fmt: skip
    try:
        wait_until_up(port, ready_path)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(metrics_folder, ignore_errors=True)


def wait_until_up(port: int, path: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)  # health pings the workers
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def wrk(url: str, *, connections: int = 16, seconds: int = 10, headers: dict | None = None) -> dict:
    """Requests per second and latency percentiles (ms) of `url` under `connections` keep-alive
    connections for `seconds`; any non-2xx answer or socket error fails the benchmark."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: make bench installs it (Debian's wrk package)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as report:
        report.write(WRK_REPORT)
        report.flush()
        command = ["wrk", "--threads", "2", "--connections", str(connections), "--duration", f"{seconds}s"]
        command += ["--script", report.name]
        for name, value in (headers or {}).items():
            command += ["--header", f"{name}: {value}"]
        output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    if figures["non_2xx"] or figures["socket_errors"]:
        raise SystemExit(f"{url}: {figures['non_2xx']} non-2xx answers, {figures['socket_errors']} socket errors")
    figures["per_second"] = figures["requests"] / figures["seconds"]
    return figures
