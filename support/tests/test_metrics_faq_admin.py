from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from support.models import FaqEntry, Ticket, TicketStatus
from support.tests.factories import FaqEntryFactory, TicketFactory

pytestmark = pytest.mark.django_db


def ticket_at(opened_at, *, response_hours=None, resolution_hours=None) -> Ticket:
    """A normal-priority ticket (targets: 8 h, 48 h) opened at `opened_at`, answered and resolved after so long."""
    ticket = TicketFactory()
    Ticket.objects.filter(pk=ticket.pk).update(
        created_at=opened_at,
        first_response_due_at=opened_at + timedelta(hours=8),
        resolution_due_at=opened_at + timedelta(hours=48),
        first_response_at=opened_at + timedelta(hours=response_hours) if response_hours is not None else None,
        resolved_at=opened_at + timedelta(hours=resolution_hours) if resolution_hours is not None else None,
    )
    return ticket


def test_metrics_are_exact_on_a_known_set(client_for):
    opened_at = timezone.now() - timedelta(days=10)
    for response_hours, resolution_hours in [(1, 10), (2, 20), (3, 50), (4, None), (10, None), (None, None)]:
        ticket_at(opened_at, response_hours=response_hours, resolution_hours=resolution_hours)
    ticket_at(timezone.now() - timedelta(days=40), response_hours=100)  # before the period
    period = {"from": (opened_at - timedelta(days=1)).date(), "to": timezone.localdate()}

    response = client_for(StaffFactory()).get("/api/v1/support/metrics/", period)

    assert response.status_code == 200
    assert response.data["tickets_opened"] == 6
    # Responses 1, 2, 3, 4, 10 h: median 3, p90 4 + 0.6 * (10 - 4); within 8 h: 4; missed: the 10 h one and
    # the one never answered.
    assert response.data["first_response"] == {
        "measured": 5, "median_hours": 3.0, "p90_hours": 7.6, "within_target": 4, "missed_target": 2,
        "within_target_share": 0.6667,
    }  # fmt: skip
    # Resolutions 10, 20, 50 h: median 20, p90 20 + 0.8 * 30; within 48 h: 2; missed: 50 h and 3 unresolved.
    assert response.data["resolution"] == {
        "measured": 3, "median_hours": 20.0, "p90_hours": 44.0, "within_target": 2, "missed_target": 4,
        "within_target_share": 0.3333,
    }  # fmt: skip


def test_metrics_are_for_staff_and_check_the_period(client_for):
    assert client_for(BuyerFactory()).get("/api/v1/support/metrics/").status_code == 403
    refused = client_for(StaffFactory()).get("/api/v1/support/metrics/", {"from": "2026-12-02", "to": "2026-12-01"})
    assert refused.json()["fields"] == {"from": ["The first day must be on or before the last day."]}


def test_the_faq_answers_in_the_callers_language(api_client, client_for):
    FaqEntryFactory()
    FaqEntryFactory(question_en="Draft", question_fr="Brouillon", is_published=False)

    english = api_client.get("/api/v1/support/faq/")
    french = api_client.get("/api/v1/support/faq/", HTTP_ACCEPT_LANGUAGE="fr")
    profile = client_for(BuyerFactory(preferred_language="fr")).get("/api/v1/support/faq/", HTTP_ACCEPT_LANGUAGE="en")

    assert [entry["question"] for entry in english.data] == ["How long does shipping to Abidjan take?"]
    assert [(entry["question"], entry["answer"]) for entry in french.data] == [
        ("Combien de temps dure l'expédition vers Abidjan ?", "Environ quatre semaines depuis Halifax.")
    ]
    assert profile.data == french.data
    assert api_client.get("/api/v1/support/faq/", {"category": "weather"}).status_code == 400


@pytest.fixture
def staff_client(client, admin_login):
    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    client.staff = staff
    return client


def test_admin_assigns_to_me_resolves_and_filters_overdue(staff_client):
    on_time = TicketFactory()
    overdue = TicketFactory(first_response_due_at=timezone.now() - timedelta(minutes=1))
    closed = TicketFactory(status=TicketStatus.CLOSED)
    changelist = "/admin/support/ticket/"

    assert staff_client.get(changelist, {"overdue": "yes"}).context["cl"].result_count == 1
    assert staff_client.get(f"{changelist}{on_time.pk}/change/").status_code == 200
    ids = [on_time.pk, overdue.pk]
    staff_client.post(changelist, {"action": "assign_to_me", ACTION_CHECKBOX_NAME: ids})
    resolved = staff_client.post(
        changelist, {"action": "resolve", ACTION_CHECKBOX_NAME: [*ids, closed.pk]}, follow=True
    )

    assert [str(message) for message in resolved.context["messages"]] == [
        "2 tickets assigned to you.",
        f"Ticket {closed.pk}: Cannot move from “closed” to “resolved” (possible from here: open).",
        "2 tickets resolved.",
    ]
    assert set(Ticket.objects.filter(pk__in=ids).values_list("status", "assigned_to")) == {
        (TicketStatus.RESOLVED, staff_client.staff.pk)
    }
    assert AuditLog.objects.filter(action="support.ticket_status").count() == 2
    assert staff_client.get(changelist, {"q": "car"}).context["cl"].result_count == 3


def test_staff_write_the_faq_in_the_admin(staff_client):
    response = staff_client.post(
        "/admin/support/faqentry/add/",
        {"category": "payments", "order": 1, "is_published": "on", "question_en": "Can I pay by MoMo?",
         "answer_en": "Yes.", "question_fr": "Puis-je payer par MoMo ?", "answer_fr": "Oui."},
    )  # fmt: skip
    assert response.status_code == 302
    assert FaqEntry.objects.get().question_fr == "Puis-je payer par MoMo ?"
    assert AuditLog.objects.filter(action="faq_entry.staff_create").count() == 1
