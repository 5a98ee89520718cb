"""The audit log at 10 million rows: what the append-only hash chain costs a write, and how fast staff read.

- Writes: `audit_record` + commit (our table: the guard trigger, the seal at commit under the advisory lock)
  against a plain insert + commit of the same row into an identical table without triggers or chain
  (same columns and indexes, through the ORM too), alternating in one run; then 4 threads at once each.
- Reads at full size: the staff API's filters (by user, by object, by action over a month, the latest
  page), the admin's latest page, the verifier's full pass, and one retention batch (rolled back).

Runs against its own database (BENCH_AUDIT_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/nzila_audit_bench), created, migrated and filled on the first run and
reused after. The fill is SQL: generate_series rows chained by a window aggregate that does what the seal
does, row after row (sha256 of the previous hash and audit_row_content), inserted with the triggers off
(replica role: run as a superuser), then indexed and vacuumed. Target: each read's slowest query under
20 ms (median), whatever the table's size; the rest of a request (rendering) does not grow with it.

    .venv/bin/python scripts/bench/audit_log.py [--rows 10000000] [--inserts 1000] [--requests 50]
"""

import argparse
import os
import statistics
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BENCH_DATABASE_URL = os.environ.get("BENCH_AUDIT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila_audit_bench")
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nzila_export.settings")
os.environ["DEBUG"] = "false"  # no query log: measure what production runs
os.environ["THROTTLE_USER"] = "100000000/hour"
os.environ["LOG_LEVEL"] = "WARNING"

import django  # noqa: E402

from scripts.create_database import database_create  # noqa: E402

READ_TARGET_MS = 20
FILL_BATCH = 1_000_000
USERS = 2000
ACTIONS = [
    f"{entity}.{verb}"
    for entity in ("deal", "payment", "invoice", "document", "shipment", "lead", "vehicle", "commission")
    for verb in ("create", "update", "transition", "review", "download")
]
MODELS = ["deals.Deal", "payments.Payment", "invoices.Invoice", "documents.Document", "shipments.Shipment",
          "leads.Lead", "vehicles.Vehicle", "commissions.Commission"]  # fmt: skip

# The seal's step as an aggregate: the running hash of a batch, from `seed` (the last hash before it).
CHAIN_AGGREGATE = """
    CREATE OR REPLACE FUNCTION bench_chain_step(state text, seed text, content text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN audit_row_hash(coalesce(state, seed), content); END $$;
    DROP AGGREGATE IF EXISTS bench_chain(text, text);
    CREATE AGGREGATE bench_chain(text, text) (sfunc = bench_chain_step, stype = text);
"""
FILL_BATCH_INSERT = """
    INSERT INTO audit_auditlog (id, user_id, action, model_name, object_id, object_repr, changes, ip_address,
                                user_agent, "timestamp", sequence, previous_hash, row_hash)
    SELECT id, user_id, action, model_name, object_id, object_repr, changes, ip_address, user_agent, "timestamp",
           sequence, coalesce(lag(row_hash) OVER (ORDER BY sequence), %(seed)s), row_hash
    FROM (
        SELECT entry.*, bench_chain(%(seed)s, audit_row_content(
            id, user_id, action, model_name, object_id, object_repr, changes, ip_address, user_agent, "timestamp"
        )) OVER (ORDER BY sequence) AS row_hash
        FROM (
            SELECT %(id_base)s + i AS id, %(sequence_base)s + i AS sequence,
                   CASE WHEN i %% 10 = 0 THEN NULL ELSE (%(users)s::bigint[])[1 + (i * 7919) %% %(user_count)s] END
                       AS user_id,
                   (%(actions)s::text[])[1 + (i * 31) %% %(action_count)s] AS action,
                   (%(models)s::text[])[1 + i %% %(model_count)s] AS model_name,
                   ((i / %(model_count)s) %% 100000)::text AS object_id,
                   'Row #' || ((i / %(model_count)s) %% 100000) AS object_repr,
                   jsonb_build_object('status', jsonb_build_array('pending_payment', 'paid'),
                                      'amount', (i %% 50000) || '.00') AS changes,
                   CASE WHEN i %% 3 = 0 THEN NULL
                        ELSE ('10.' || i %% 256 || '.' || (i / 256) %% 256 || '.' || (i / 65536) %% 256)::inet
                   END AS ip_address,
                   CASE WHEN i %% 3 = 0 THEN '' ELSE 'NzilaApp/2.' || i %% 10 END AS user_agent,
                   %(start)s::timestamptz + (i - 1) * %(step)s::interval AS "timestamp"
            FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS i
        ) AS entry
    ) AS chained
"""


def sql(statement: str, params=None):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else None


def bench_users() -> list[int]:
    from accounts.models import Role, User

    bench = User.objects.filter(username__startswith="bench_audit_").order_by("id")
    existing = list(bench.values_list("id", flat=True))
    if len(existing) >= USERS:
        return existing
    User.objects.bulk_create(
        User(username=f"bench_audit_{index}", email=f"bench_audit_{index}@example.com", role=Role.DEALER)
        for index in range(len(existing), USERS)
    )
    return list(bench.values_list("id", flat=True))


def fill(target: int) -> None:
    """Up to `target` sealed rows, spread evenly over the last 8 years (so 1/8 is past retention)."""
    from django.db import transaction

    ((count, last_id, last_sequence),) = sql("SELECT count(*), max(id), max(sequence) FROM audit_auditlog")
    if count >= target:
        print(f"{count:,} audit rows already in the bench database")
        return
    users = bench_users()
    indexes = sql(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_auditlog' AND indexdef NOT LIKE "
        "'CREATE UNIQUE%'"
    )
    started = time.perf_counter()
    for name, _definition in indexes:  # built once at the end: much faster than row by row
        sql(f'DROP INDEX "{name}"')
    sql(CHAIN_AGGREGATE)
    (seed,) = sql("SELECT coalesce(max(row_hash) FILTER (WHERE sequence = %s), repeat('0', 64)) FROM audit_auditlog",
                  [last_sequence])[0]  # fmt: skip
    total, first = target - count, 1
    span_seconds = 8 * 365 * 24 * 3600
    step = f"{span_seconds / total:.6f} seconds"
    ((start,),) = sql("SELECT now() - interval '8 years'")
    while first <= total:
        last = min(first + FILL_BATCH - 1, total)
        with transaction.atomic():
            sql("SET LOCAL session_replication_role = replica")  # no triggers: the rows arrive sealed
            sql("SET LOCAL work_mem = '512MB'")
            sql(FILL_BATCH_INSERT, {
                "seed": seed, "id_base": last_id or 0, "sequence_base": last_sequence or 0, "users": users,
                "user_count": len(users), "actions": ACTIONS, "action_count": len(ACTIONS), "models": MODELS,
                "model_count": len(MODELS), "start": start, "step": step, "first": first, "last": last,
            })  # fmt: skip
            ((seed,),) = sql("SELECT row_hash FROM audit_auditlog WHERE sequence = %s", [(last_sequence or 0) + last])
        print(f"  {last:,} / {total:,} rows in {time.perf_counter() - started:.0f} s", flush=True)
        first = last + 1
    sql("SELECT setval(pg_get_serial_sequence('audit_auditlog', 'id'), (SELECT max(id) FROM audit_auditlog))")
    sql("SET maintenance_work_mem = '1GB'")
    for _name, definition in indexes:
        sql(definition)
    sql("VACUUM ANALYZE audit_auditlog")
    print(f"made {total:,} audit rows (chained, indexed, vacuumed) in {time.perf_counter() - started:.0f} s")


def plain_model():
    """An AuditLog twin on a table with the same columns and indexes, without triggers: the reference."""
    from django.db import models

    from audit.models import AuditLog

    sql("CREATE TABLE IF NOT EXISTS bench_audit_plain (LIKE audit_auditlog INCLUDING ALL)")
    fields = {}
    for field in AuditLog._meta.concrete_fields:
        if not field.primary_key:
            name, _path, args, kwargs = field.deconstruct()
            fields[name] = type(field)(*args, **({**kwargs, "related_name": "+"} if field.is_relation else kwargs))
    meta = type("Meta", (), {"db_table": "bench_audit_plain", "managed": False, "app_label": "audit"})
    return type("PlainAuditLog", (models.Model,), {"__module__": __name__, "Meta": meta, **fields})


def milliseconds(seconds: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile, in ms."""
    return statistics.median(seconds) * 1000, statistics.quantiles(seconds, n=20)[18] * 1000


def insert_rates(inserts: int) -> list[tuple[str, float, float, float]]:
    """(name, rows/s, p50 ms, p95 ms): one insert + commit at a time, ours and the reference alternating,
    then 4 threads at once for each."""
    from django.db import connection

    from accounts.models import User
    from audit.services import audit_record

    plain = plain_model()
    user = User.objects.get(username="bench_audit_0")
    row = {"action": "deal.transition", "changes": {"status": ["pending_payment", "paid"], "amount": "18000.00"}}
    paths = {
        "audit_record + commit (ours)": lambda: audit_record(user=user, **row),
        "plain insert + commit (reference)": lambda: plain.objects.create(user=user, **row),
    }
    for write in paths.values():
        for _ in range(20):
            write()
    timings = {name: [] for name in paths}
    for _ in range(inserts):
        for name, write in paths.items():
            started = time.perf_counter()
            write()
            timings[name].append(time.perf_counter() - started)
    results = [(name, len(values) / sum(values), *milliseconds(values)) for name, values in timings.items()]
    for name, write in paths.items():
        threads_timings: list[float] = []

        def worker(write=write, threads_timings=threads_timings):
            for _ in range(inserts // 4):
                started = time.perf_counter()
                write()
                threads_timings.append(time.perf_counter() - started)
            connection.close()

        threads = [threading.Thread(target=worker) for _ in range(4)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        results.append((f"{name}, 4 threads", len(threads_timings) / elapsed, *milliseconds(threads_timings)))
    return results


class SlowestQuery:
    """The longest query of a request (a connection.execute_wrapper): the one that reads the audit log."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, statement, params, many, context):
        started = time.perf_counter()
        try:
            return execute(statement, params, many, context)
        finally:
            self.seconds = max(self.seconds, time.perf_counter() - started)


def read_latencies(requests: int) -> list[tuple[str, float, float, float, str]]:
    """(name, median ms, p95 ms, median ms of the slowest query, detail) of the staff's reads through the
    real view stack. The target is on the slowest query, the part that could grow with the table."""
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from accounts.models import Role, User

    staff, _ = User.objects.get_or_create(
        username="bench_audit_staff", defaults={"role": Role.STAFF, "is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(staff)
    user_id = User.objects.get(username="bench_audit_7").pk
    month_ago = (timezone.localdate() - timedelta(days=30)).isoformat()
    cases = {
        "API: by user": f"/api/v1/audit/?user={user_id}",
        "API: by object": "/api/v1/audit/?model_name=deals.Deal&object_id=4242",
        "API: by action + month": f"/api/v1/audit/?action=payment.transition&since={month_ago}",
        "API: latest page": "/api/v1/audit/",
        "API: latest page, then next": None,  # the `next` link of the one above: a keyset page
        "admin: latest page": "/admin/audit/auditlog/",
        "admin: by user": f"/admin/audit/auditlog/?user={user_id}",
        "admin: by action + month": f"/admin/audit/auditlog/?action=payment.transition&since={month_ago}",
    }
    cases["API: latest page, then next"] = client.get(cases["API: latest page"]).json()["next"]
    results = []
    for name, url in cases.items():
        for _ in range(5):
            assert client.get(url).status_code == 200
        timings, query_timings = [], []
        for _ in range(requests):
            slowest = SlowestQuery()
            started = time.perf_counter()
            with connection.execute_wrapper(slowest):
                response = client.get(url)
            timings.append(time.perf_counter() - started)
            query_timings.append(slowest.seconds)
            assert response.status_code == 200, response.content[:300]
        detail = f"{len(response.json()['results'])} rows" if name.startswith("API") else ""
        results.append((name, *milliseconds(timings), milliseconds(query_timings)[0], detail))
    return results


def chain_and_retention() -> list[tuple[str, float, str]]:
    """(name, seconds, detail): the verifier's full pass, and one retention batch rolled back."""
    from django.db import transaction

    from audit.models import AUDIT_RETENTION_YEARS
    from audit.selectors import audit_chain_verify
    from audit.services import EXPIRED_HEAD_DELETE, RETENTION_BATCH_SIZE

    started = time.perf_counter()
    check = audit_chain_verify()
    verified = time.perf_counter() - started
    detail = f"{check.rows:,} rows, {'intact' if check.holds else check.problem}"
    with transaction.atomic():
        started = time.perf_counter()
        sql("SELECT set_config('nzila.audit_retention', 'on', true)")
        deleted = sql(EXPIRED_HEAD_DELETE, {"batch": RETENTION_BATCH_SIZE, "years": AUDIT_RETENTION_YEARS})
        cleaned = time.perf_counter() - started
        transaction.set_rollback(True)
    return [("verify_audit_chain, full pass", verified, detail),
            ("retention batch (rolled back)", cleaned, f"{len(deleted):,} rows deleted")]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--inserts", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=50)
    arguments = parser.parse_args()
    database_create(BENCH_DATABASE_URL)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    fill(arguments.rows)
    ((size,),) = sql("SELECT pg_size_pretty(pg_total_relation_size('audit_auditlog'))")
    print(f"audit_auditlog: {size} with its indexes")
    print(f"\n{'writes':<48} {'rows/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, rate, p50, p95 in insert_rates(arguments.inserts):
        print(f"{name:<48} {rate:8.0f} {p50:8.2f} {p95:8.2f}")
    reads = read_latencies(arguments.requests)
    print(f"\n{'reads at full size':<48} {'median':>8} {'p95 ms':>8} {'slowest query ms':>17}")
    for name, median, p95, slowest, detail in reads:
        print(f"{name:<48} {median:8.1f} {p95:8.1f} {slowest:17.1f}  {detail}")
    print(f"\n{'chain and retention':<48} {'seconds':>8}")
    for name, seconds, detail in chain_and_retention():
        print(f"{name:<48} {seconds:8.1f}  {detail}")
    missed = [name for name, _median, _p95, slowest, _detail in reads if slowest >= READ_TARGET_MS]
    if missed:
        print(f"slowest query over {READ_TARGET_MS} ms: {', '.join(missed)}")
        return 1
    print(f"every read's slowest query within {READ_TARGET_MS} ms (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
