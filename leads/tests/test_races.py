import pytest

from audit.models import AuditLog
from leads.models import Lead
from leads.services import lead_transition
from leads.tasks import tell_dealers_of_new_leads
from leads.tests.factories import LeadFactory
from notifications.models import Notification


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


@pytest.mark.django_db(transaction=True)
def test_two_runs_of_the_minute_job_at_once_tell_each_dealer_once(run_at_once):
    leads = LeadFactory.create_batch(3)

    told = run_at_once(tell_dealers_of_new_leads, times=3)

    assert sum(told) == 3
    assert Notification.objects.filter(event="lead.received").count() == 3
    assert not Lead.objects.filter(pk__in=[lead.pk for lead in leads], dealer_told_at__isnull=True).exists()
