"""The privacy officer's register in the admin."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils import timezone

from accounts.tests.factories import BuyerFactory
from privacy.models import DataRequest, DataRequestKind, DataRequestStatus, Incident

pytestmark = pytest.mark.django_db

REQUESTS = "/admin/privacy/datarequest/"


def test_staff_see_overdue_requests_and_enter_and_complete_rectifications(admin_client):
    late = DataRequest.objects.create(
        kind=DataRequestKind.ACCESS, user=BuyerFactory(), due_at=timezone.now() - timedelta(days=1)
    )
    person = BuyerFactory()

    overdue = admin_client.get(REQUESTS, {"overdue": "yes"})
    assert [row.pk for row in overdue.context["cl"].result_list] == [late.pk]
    added = admin_client.post(f"{REQUESTS}add/", {"kind": "rectification", "user": person.pk, "notes": "Wrong address"})
    assert added.status_code == 302
    rectification = DataRequest.objects.get(user=person)
    assert rectification.due_at - rectification.received_at == timedelta(days=30)
    refused = admin_client.post(f"{REQUESTS}add/", {"kind": "deletion", "user": person.pk})
    assert refused.status_code == 200  # the form says why: the person asks for a deletion themselves
    assert DataRequest.objects.filter(user=person).count() == 1

    admin_client.post(REQUESTS, {"action": "complete_selected", ACTION_CHECKBOX_NAME: [rectification.pk, late.pk]})

    rectification.refresh_from_db()
    late.refresh_from_db()
    assert rectification.status == DataRequestStatus.COMPLETED
    assert late.status == DataRequestStatus.RECEIVED  # an access request is answered by its export


def test_staff_record_an_incident_in_the_register(admin_client, admin_user):
    response = admin_client.post(
        "/admin/privacy/incident/add/",
        {
            "occurred_on": "2026-11-02", "discovered_on": "2026-11-04",
            "description": "A broker's laptop with an unencrypted export was stolen.",
            "personal_information": "Names, e-mail addresses and phone numbers of buyers", "people_affected": "42",
            "risk_of_serious_injury": "on", "reported_to_opc_on": "2026-11-06",
        },
    )  # fmt: skip
    assert response.status_code == 302
    incident = Incident.objects.get()
    assert (incident.people_affected, incident.recorded_by, incident.needs_reporting) == (42, admin_user, True)
    assert admin_client.get("/admin/privacy/incident/").status_code == 200
