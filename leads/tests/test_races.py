import pytest

from audit.models import AuditLog
from leads.models import Lead
from leads.services import lead_transition
from leads.tests.factories import LeadFactory


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_status_changes_apply_once(run_at_once):
    lead = LeadFactory()

    def change_status():
        lead_transition(lead=Lead.objects.get(pk=lead.pk), status="contacted")
        return "changed"

    assert sorted(run_at_once(change_status)) == ["changed", "invalid_transition"]
    assert AuditLog.objects.filter(action="lead.transition").count() == 1
    lead.refresh_from_db()
    assert lead.status == "contacted"
