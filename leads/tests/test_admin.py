from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from leads.models import DestinationRule, Lead, LeadStatus
from leads.tests.factories import LeadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, admin_login):
    admin_login(client, StaffFactory(is_superuser=True))
    return client


def test_admin_lists_leads_with_each_filter_and_opens_one(staff_client):
    lead = LeadFactory()
    Lead.objects.filter(pk=lead.pk).update(created_at=timezone.now() - timedelta(days=5))
    assert staff_client.get("/admin/leads/lead/").status_code == 200
    for query in ["status=new", "priority=low", "source=website", "is_stalled=yes", "is_stalled=no", "q=Buyer"]:
        response = staff_client.get(f"/admin/leads/lead/?{query}")
        assert response.status_code == 200, query
    stalled = staff_client.get("/admin/leads/lead/?is_stalled=yes")
    assert stalled.context["cl"].result_count == 1
    assert staff_client.get("/admin/leads/lead/?is_stalled=no").context["cl"].result_count == 0
    assert staff_client.get(f"/admin/leads/lead/{lead.pk}/change/").status_code == 200
    assert staff_client.get("/admin/leads/lead/add/").status_code == 403


def test_admin_actions_rescore_and_mark_lost_through_the_services(staff_client):
    open_lead, converted = LeadFactory(score=0), LeadFactory(status=LeadStatus.CONVERTED)
    rescored = staff_client.post(
        "/admin/leads/lead/", {"action": "rescore", "_selected_action": [open_lead.pk]}, follow=True
    )
    assert rescored.status_code == 200
    open_lead.refresh_from_db()
    assert open_lead.score == 66
    assert AuditLog.objects.get(action="lead.rescore").changes == {"score": [0, 66]}

    response = staff_client.post(
        "/admin/leads/lead/",
        {"action": "mark_lost_as_spam", "_selected_action": [open_lead.pk, converted.pk]},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert "1 lead marked lost." in messages
    assert any(f"lead {converted.pk}: Cannot move from “converted” to “lost”" in message for message in messages)
    open_lead.refresh_from_db()
    converted.refresh_from_db()
    assert (open_lead.status, open_lead.lost_reason, converted.status) == ("lost", "Spam", "converted")


def test_staff_edit_a_destination_rule_in_the_admin_and_it_is_audited(staff_client):
    rule = DestinationRule.objects.get(country="SN")
    rule_sources = rule.sources
    page = staff_client.get(f"/admin/leads/destinationrule/{rule.pk}/change/")
    assert page.status_code == 200
    assert "public.sn 2025-11-05" in page.content.decode()
    response = staff_client.post(
        f"/admin/leads/destinationrule/{rule.pk}/change/",
        {
            "country": "SN",
            "name": "Senegal",
            "currency": "XOF",
            "ports": "SNDKR",
            "steering_allowed": "LHD",
            "max_age_years": "8",
            "age_counted_from": "unknown",
            "age_penalty_note": rule.age_penalty_note,
            "required_documents": "bsc_cargo_tracking_note",
            "sources": rule.sources + "; staff check 2026-11",
            "as_of": "2026-11",
            "confidence": "high",
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors if response.context else ""
    rule.refresh_from_db()
    assert (rule.max_age_years, rule.as_of, rule.ports) == (8, "2026-11", ["SNDKR"])
    record = AuditLog.objects.get(action="destination_rule.staff_edit")
    assert record.user.is_superuser
    assert record.changes == {
        "max_age_years": [10, 8],
        "sources": [rule_sources, rule_sources + "; staff check 2026-11"],
        "as_of": ["2025-11", "2026-11"],
    }
