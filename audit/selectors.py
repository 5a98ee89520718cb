from dataclasses import dataclass, replace
from datetime import datetime

from django.db import connection, models
from django.utils.translation import gettext

from audit.models import GENESIS_HASH, AuditLog


def audit_log_list() -> models.QuerySet[AuditLog]:
    """Every entry, newest first (staff only: callers check)."""
    return AuditLog.objects.select_related("user").order_by("-timestamp", "-id")


# A loose index scan of audit_action_time_idx: one probe per distinct action, not a scan of the table.
ACTIONS_QUERY = """
    WITH RECURSIVE actions(action) AS (
        (SELECT action FROM audit_auditlog ORDER BY action LIMIT 1)
        UNION ALL
        SELECT (SELECT action FROM audit_auditlog WHERE action > actions.action ORDER BY action LIMIT 1)
        FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL
"""


def audit_action_last_at(*, action: str) -> datetime | None:
    """When `action` was last recorded (audit_action_time_idx: one probe)."""
    return AuditLog.objects.filter(action=action).order_by("-timestamp").values_list("timestamp", flat=True).first()


def audit_action_list() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(ACTIONS_QUERY)
        return [action for (action,) in cursor.fetchall()]


@dataclass(frozen=True)
class ChainCheck:
    rows: int
    first_sequence: int | None = None
    last_sequence: int | None = None
    broken_sequence: int | None = None  # the first broken link, in chain order; None when the chain holds
    broken_id: int | None = None
    problem: str = ""

    @property
    def holds(self) -> bool:
        return not self.problem


# One pass in chain order, each sealed row against the one before it (lag): its sequence follows on, its
# previous_hash is that row's row_hash, and its row_hash is sha256(previous_hash || its content) again.
# The first row kept links to the genesis hash at sequence 1, or to the last hash a retention cleanup
# deleted (its record names it). The problem codes are those of _chain_problems. The hashes are recomputed
# below the window, where parallel workers can share them (a Gather Merge keeps the chain's order).
CHAIN_QUERY = """
    WITH sealed AS (
        SELECT id, sequence, previous_hash, row_hash,
               row_hash = audit_row_hash(previous_hash, audit_row_content(
                   id, user_id, action, model_name, object_id, object_repr, changes, ip_address, user_agent,
                   "timestamp"
               )) AS content_intact
        FROM audit_auditlog
        WHERE sequence IS NOT NULL
        ORDER BY sequence
        OFFSET 0  -- a fence: planned on its own, not pulled up into the window's projection
    ), chain AS (
        SELECT sealed.*, lag(sequence) OVER link AS prior_sequence, lag(row_hash) OVER link AS prior_hash
        FROM sealed
        WINDOW link AS (ORDER BY sequence)
    ), checked AS (
        SELECT sequence, id,
               CASE
                   WHEN prior_sequence IS NULL THEN CASE
                       WHEN sequence = 1 AND previous_hash = %(genesis)s THEN 0
                       WHEN EXISTS (
                           SELECT 1 FROM audit_auditlog cleanup
                           WHERE cleanup.action = 'audit.retention_cleanup'
                             AND cleanup.changes ->> 'last_deleted_hash' = chain.previous_hash
                             AND cleanup.changes ->> 'through_sequence' = (chain.sequence - 1)::text
                       ) THEN 0
                       ELSE 1
                   END
                   WHEN sequence <> prior_sequence + 1 THEN 2
                   WHEN previous_hash <> prior_hash THEN 3
                   ELSE 0
               END
               + CASE WHEN content_intact THEN 0 ELSE 10 END AS problem
        FROM chain
    )
    SELECT count(*), min(sequence), max(sequence), min(ARRAY[sequence, id, problem]) FILTER (WHERE problem > 0)
    FROM checked
"""


def _chain_problems() -> dict[int, str]:
    return {
        1: gettext("missing head: its previous hash is neither the genesis hash nor one a retention cleanup recorded"),
        2: gettext("gap in sequence: the rows before it are missing"),
        3: gettext("link to previous broken: its previous hash is not the previous row's hash"),
        10: gettext("content altered: the row no longer matches its hash"),
    }


def audit_chain_verify() -> ChainCheck:
    """Check the whole chain in one pass and name its first broken link; a committed row left unsealed
    (only possible with the triggers disabled) is a break too."""
    with connection.cursor() as cursor:
        cursor.execute(CHAIN_QUERY, {"genesis": GENESIS_HASH})
        rows, first_sequence, last_sequence, broken = cursor.fetchone()
        cursor.execute("SELECT id FROM audit_auditlog WHERE sequence IS NULL ORDER BY id LIMIT 1")
        unsealed = cursor.fetchone()
    check = ChainCheck(rows=rows, first_sequence=first_sequence, last_sequence=last_sequence)
    if broken is not None:
        sequence, entry_id, code = broken
        problems = _chain_problems()
        # A row may be both out of its chain and altered: the link is named first.
        problem = problems[code] if code in problems else f"{problems[code % 10]}; {problems[10]}"
        return replace(check, broken_sequence=sequence, broken_id=entry_id, problem=problem)
    if unsealed is not None:
        problem = gettext("a committed row was never sealed into the chain")
        return replace(check, broken_id=unsealed[0], problem=problem)
    return check
