from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditLog
from audit.tasks import cleanup_old_audit_logs

pytestmark = pytest.mark.django_db

YEAR = timedelta(days=365)


def test_the_cleanup_deletes_the_head_of_the_chain_past_7_years_and_the_rest_still_verifies(seal, verify, capsys):
    now = timezone.now()
    # In chain order; the 7.5-year-old row comes after a younger one, so it waits for it.
    for action, age in [("a", 9 * YEAR), ("b", 8 * YEAR), ("c", 6 * YEAR), ("d", 7.5 * YEAR), ("e", timedelta(0))]:
        AuditLog.objects.create(action=action, timestamp=now - age)
    seal()
    deleted_hash = AuditLog.objects.get(action="b").row_hash

    call_command("cleanup_old_audit_logs", "--batch-size", "1")

    assert capsys.readouterr().out == "2 audit log entries older than 7 years deleted.\n"
    kept = AuditLog.objects.exclude(action="audit.retention_cleanup").order_by("sequence")
    assert [(row.action, row.sequence) for row in kept] == [("c", 3), ("d", 4), ("e", 5)]
    cleanups = AuditLog.objects.filter(action="audit.retention_cleanup").order_by("id")
    assert [row.changes["through_sequence"] for row in cleanups] == [1, 2]
    assert cleanups.last().changes == {"deleted": 1, "through_sequence": 2, "last_deleted_hash": deleted_hash}
    seal()
    assert verify() == "Audit chain intact: 5 rows, sequence 3 to 7.\n"
    assert cleanup_old_audit_logs.delay().get() == 0
