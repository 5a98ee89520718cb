import threading

import pytest
from django.core.management.base import CommandError
from django.db import IntegrityError, InternalError, connection, transaction

from audit.models import GENESIS_HASH, AuditLog
from audit.services import audit_record


def sql(statement: str, params=None, *, behind_the_triggers: bool = False) -> None:
    """Run `statement` as the database's superuser, with the triggers off if asked (replica role)."""
    with transaction.atomic(), connection.cursor() as cursor:
        if behind_the_triggers:
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(statement, params)


# --- Sealed at real commits ---------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_rows_are_sealed_in_commit_order_into_a_chain_the_verifier_accepts(verify):
    inserted, release = threading.Event(), threading.Event()

    def inserted_first_committed_last():
        with transaction.atomic():
            audit_record(action="deal.create")
            inserted.set()
            release.wait(5)
        connection.close()

    slow = threading.Thread(target=inserted_first_committed_last)
    slow.start()
    inserted.wait(5)
    audit_record(action="payment.refund")
    release.set()
    slow.join()
    with transaction.atomic():
        audit_record(action="invoice.issue")
        audit_record(action="invoice.pdf")

    rows = list(AuditLog.objects.order_by("sequence"))
    assert [(row.sequence, row.action) for row in rows] == [
        (1, "payment.refund"), (2, "deal.create"), (3, "invoice.issue"), (4, "invoice.pdf"),
    ]  # fmt: skip
    assert rows[0].id > rows[1].id  # the chain follows the commits, not the ids
    assert [row.previous_hash for row in rows] == [GENESIS_HASH, *[row.row_hash for row in rows[:-1]]]
    assert all(len(row.row_hash) == 64 for row in rows)
    assert verify() == "Audit chain intact: 4 rows, sequence 1 to 4.\n"


@pytest.mark.django_db(transaction=True)
def test_concurrent_commits_are_sealed_one_after_another(run_at_once, verify):
    run_at_once(lambda: audit_record(action="auth.sign_in"), times=4)

    assert sorted(AuditLog.objects.values_list("sequence", flat=True)) == [1, 2, 3, 4]
    assert verify() == "Audit chain intact: 4 rows, sequence 1 to 4.\n"


@pytest.mark.django_db(transaction=True)
def test_a_transaction_above_read_committed_cannot_seal():
    def record_in_repeatable_read():
        with transaction.atomic():
            connection.cursor().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            audit_record(action="deal.create")

    with pytest.raises(InternalError, match="READ COMMITTED only"):
        record_in_repeatable_read()

    assert not AuditLog.objects.exists()


# --- Sealed within the test's transaction -------------------------------------------------------

FORGED_INSERT = """
    INSERT INTO audit_auditlog (action, model_name, object_id, object_repr, changes, user_agent, "timestamp", sequence,
        previous_hash, row_hash)
    VALUES ('forged', '', '', '', '{}', '', now(), 99, '', '')
"""
RECOMPUTE_HASH = """
    UPDATE audit_auditlog SET row_hash = audit_row_hash(previous_hash, audit_row_content(
        id, user_id, action, model_name, object_id, object_repr, changes, ip_address, user_agent, "timestamp"
    )) WHERE sequence = 2
"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("tampering", "broken_at", "problem"),
    [
        (['UPDATE audit_auditlog SET changes = \'{"amount": "1.00"}\' WHERE sequence = 2'], 2, "content altered"),
        (["DELETE FROM audit_auditlog WHERE sequence = 2"], 3, "gap in sequence"),
        (["UPDATE audit_auditlog SET object_repr = 'x' WHERE sequence = 2", RECOMPUTE_HASH], 3, "link to previous"),
        (["DELETE FROM audit_auditlog WHERE sequence = 1"], 2, "missing head"),
    ],
    ids=["altered", "deleted", "altered and rehashed", "head deleted"],
)
def test_the_verifier_names_the_first_row_tampered_with_behind_the_triggers(
    seal, verify, tampering, broken_at, problem
):
    for action in ("deal.create", "payment.refund", "invoice.issue"):
        audit_record(action=action, changes={"amount": "18000.00"})
    seal()
    assert verify() == "Audit chain intact: 3 rows, sequence 1 to 3.\n"
    broken_id = AuditLog.objects.get(sequence=broken_at).pk

    for statement in tampering:
        sql(statement, behind_the_triggers=True)

    expected = rf"^Audit chain broken at sequence {broken_at} \(row {broken_id}\): {problem}"
    with pytest.raises(CommandError, match=expected):
        verify()


@pytest.mark.django_db
def test_a_row_inserted_behind_the_triggers_is_reported_unsealed(seal, verify):
    audit_record(action="deal.create")
    seal()
    sql(FORGED_INSERT.replace("99", "NULL"), behind_the_triggers=True)
    forged = AuditLog.objects.get(action="forged")

    with pytest.raises(CommandError, match=rf"^Audit chain broken at row {forged.pk}: a committed row was never"):
        verify()


@pytest.mark.django_db
def test_rows_are_never_updated_or_deleted_whatever_the_way(seal, verify):
    record = audit_record(action="deal.create", changes={"amount": "18000.00"})
    seal()
    record.refresh_from_db()

    refusals = [
        lambda: AuditLog.objects.filter(pk=record.pk).update(action="deal.cancel"),
        lambda: record.delete(),
        lambda: sql("UPDATE audit_auditlog SET row_hash = %s WHERE id = %s", [GENESIS_HASH, record.pk]),
        lambda: sql("DELETE FROM audit_auditlog WHERE id = %s", [record.pk]),
        # The retention job's setting lets it delete rows older than 7 years only.
        lambda: sql("SELECT set_config('nzila.audit_retention', 'on', true); DELETE FROM audit_auditlog"),
        lambda: sql(FORGED_INSERT),
    ]  # fmt: skip
    for refused in refusals:
        with pytest.raises(IntegrityError, match="audit_auditlog"), transaction.atomic():
            refused()

    assert list(AuditLog.objects.values_list("action", "row_hash")) == [("deal.create", record.row_hash)]
    assert verify() == "Audit chain intact: 1 row, sequence 1 to 1.\n"
