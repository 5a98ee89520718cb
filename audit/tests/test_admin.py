import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import DealerFactory
from audit.models import AuditLog
from audit.services import audit_record

pytestmark = pytest.mark.django_db

LIST = "/admin/audit/auditlog/"


@pytest.fixture
def dealer():
    """A dealer's deal.create on itself 10 days ago, then today a deal.transition on it by nobody known."""
    dealer = DealerFactory(username="maple")
    AuditLog.objects.create(
        action="deal.create", user=dealer, model_name="accounts.User", object_id=str(dealer.pk),
        timestamp=timezone.now() - timedelta(days=10),
    )  # fmt: skip
    audit_record(action="deal.transition", instance=dealer)
    return dealer


def listed(admin_client, **filters) -> list[str]:
    response = admin_client.get(LIST, filters)
    assert response.status_code == 200
    return [entry.action for entry in response.context["cl"].result_list]


def test_staff_filter_the_list_by_user_object_action_and_dates(admin_client, dealer):
    today = timezone.localdate().isoformat()

    assert listed(admin_client) == ["deal.transition", "deal.create"]
    assert listed(admin_client, user="maple") == listed(admin_client, user=dealer.pk) == ["deal.create"]
    assert listed(admin_client, model_name="accounts.User", object_id=dealer.pk, since=today) == ["deal.transition"]
    assert listed(admin_client, action="deal.create", until=today) == ["deal.create"]
    page = admin_client.get(LIST, {"action": "deal.create"})
    assert [choice["display"] for choice in page.context["cl"].filter_specs[2].choices(page.context["cl"])] == [
        "All", "deal.create", "deal.transition",
    ]  # fmt: skip
    assert b'href="/admin/audit/auditlog/export/?action=deal.create"' in page.content


def test_staff_export_the_filtered_list_as_csv_and_the_export_is_audited(admin_client, admin_user, dealer):
    response = admin_client.get(f"{LIST}export/", {"user": "maple"})

    assert (response.status_code, response["Content-Type"]) == (200, "text/csv; charset=utf-8")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["action"], row["username"], row["object_id"]) for row in rows] == [
        ("deal.create", "maple", str(dealer.pk))
    ]
    export = AuditLog.objects.get(action="audit.export")
    assert (export.user, export.changes) == (admin_user, {"filters": {"user": "maple"}})
