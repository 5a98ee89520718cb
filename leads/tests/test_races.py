import threading

import pytest
from django.db import connection

from audit.models import AuditLog
from leads.models import Lead
from leads.services import InvalidLeadTransition, lead_transition
from leads.tests.factories import LeadFactory


# Real concurrent transactions: each thread has its own connection, so the test database must not be
# wrapped in one test transaction.
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_status_changes_apply_once():
    lead = LeadFactory()
    barrier = threading.Barrier(2)
    outcomes = []

    def change_status():
        try:
            barrier.wait()
            lead_transition(lead=Lead.objects.get(pk=lead.pk), status="contacted")
            outcomes.append("changed")
        except InvalidLeadTransition as refusal:
            outcomes.append(refusal.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=change_status) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["The lead is already contacted.", "changed"]
    assert AuditLog.objects.filter(action="lead.transition").count() == 1
    lead.refresh_from_db()
    assert lead.status == "contacted"
