"""Reports in Redis, keyed by the report, the caller's scope, its normalized parameters, the language, and
the platform's data version, so that a report is never read stale and nothing has to be deleted.

The data version is the head of the audit log (`max(sequence)`, `max(id)`): every change of money or status
in the domains a report reads (a lead received or contacted, a deal opened or moved, a payment's status, a
ledger entry with it, a shipment event, a commission accrued or moved) is recorded there by the service that
made it (CONVENTIONS: audit for every change of money or status). `sequence` is the seal written at commit,
in commit order, so a change committed after a reader took the version moves it; `id` moves with rows this
transaction wrote. Reading both is two probes of unique indexes: no version keys to delete.

The token pattern of vehicles.cache would need deals, leads, payments, shipments and commissions to call up
into this app (or a hook each) on every write; the floors forbid the first, and the audit head already
changes with each of those writes. Any audited change anywhere makes every report stale: the platform's
writes are few beside its report reads. CACHE_SECONDS bounds what no audit row announces (a bulk import
made outside the services) and the memory of reports no longer read.
"""

import hashlib
import json
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Max
from django.utils import translation

from audit.models import AuditLog
from reports.scopes import ReportScope

CACHE_SECONDS = 15 * 60
KEY = "reports:{report}:{scope}:{version}"


def reports_data_version() -> str:
    head = AuditLog.objects.aggregate(sealed=Max("sequence"), written=Max("id"))
    return f"{head['sealed'] or 0}.{head['written'] or 0}"


def report_cache_key(*, report: str, scope: ReportScope, params: dict) -> str:
    inputs = json.dumps(
        {"params": params, "language": translation.get_language(), "data": reports_data_version()},
        sort_keys=True,
        default=str,
    )
    version = hashlib.sha256(inputs.encode()).hexdigest()[:32]
    return KEY.format(report=report, scope=scope.key, version=version)


def report_cached(*, report: str, scope: ReportScope, params: dict, compute: Callable[[], dict]) -> tuple[dict, bool]:
    """The report stored under its key, or `compute`'s, stored; and whether it was stored already."""
    key = report_cache_key(report=report, scope=scope, params=params)
    body = cache.get(key)
    if body is not None:
        return body, True
    body = compute()
    cache.set(key, body, timeout=CACHE_SECONDS)
    return body, False
