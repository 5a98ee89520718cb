import csv
import io
from datetime import timedelta

import pytest
import schemathesis
from django.utils import timezone
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.tests.factories import DealerFactory, StaffFactory
from audit.models import AuditLog
from audit.services import audit_record
from nzila_export.tests.test_api_schema_fuzz import CHECKS, api_schema, signed_in  # noqa: F401 (api_schema: a fixture)

pytestmark = pytest.mark.django_db

URL = "/api/v1/audit/"
EXPORT = f"{URL}export/"


@pytest.fixture
def trail():
    """A dealer's deal.create on itself 10 days ago, then today a staff deal.transition on the dealer and a
    sign-in of nobody known."""
    dealer, staff = DealerFactory(), StaffFactory()
    AuditLog.objects.create(
        action="deal.create", user=dealer, model_name="accounts.User", object_id=str(dealer.pk),
        timestamp=timezone.now() - timedelta(days=10),
    )  # fmt: skip
    audit_record(action="deal.transition", instance=dealer, user=staff, changes={"status": ["draft", "paid"]})
    audit_record(action="auth.sign_in")
    return {"dealer": dealer, "staff": staff}


def actions(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["action"] for row in response.json()["results"]]


def test_staff_read_the_log_newest_first_a_page_at_a_time(client_for, trail, django_assert_num_queries):
    client = client_for(trail["staff"])

    with django_assert_num_queries(4):  # the request's savepoint and release, the caller, the page with its users
        first = client.get(URL, {"page_size": 2})
    second = client.get(first.json()["next"])

    assert actions(first) == ["auth.sign_in", "deal.transition"]
    assert actions(second) == ["deal.create"]
    transition = AuditLog.objects.get(action="deal.transition")
    assert first.json()["results"][1] == {
        "id": transition.pk, "sequence": None, "timestamp": timezone.localtime(transition.timestamp).isoformat(),
        "user": trail["staff"].pk, "username": trail["staff"].username, "action": "deal.transition",
        "model_name": "accounts.User", "object_id": str(trail["dealer"].pk), "object_repr": str(trail["dealer"]),
        "changes": {"status": ["draft", "paid"]}, "ip_address": None, "user_agent": "", "previous_hash": "",
        "row_hash": "",
    }  # fmt: skip


def test_staff_filter_by_user_action_object_and_dates(client_for, trail):
    client = client_for(trail["staff"])
    dealer = trail["dealer"]
    today, five_days_ago = timezone.localdate(), timezone.localdate() - timedelta(days=5)

    assert actions(client.get(URL, {"user": dealer.pk})) == ["deal.create"]
    assert actions(client.get(URL, {"action": "deal.transition"})) == ["deal.transition"]
    assert actions(client.get(URL, {"model_name": "accounts.User", "object_id": dealer.pk})) == [
        "deal.transition", "deal.create",
    ]  # fmt: skip
    assert actions(client.get(URL, {"since": today.isoformat()})) == ["auth.sign_in", "deal.transition"]
    assert actions(client.get(URL, {"until": five_days_ago.isoformat()})) == ["deal.create"]
    alone = client.get(URL, {"object_id": dealer.pk})
    assert (alone.status_code, list(alone.json()["fields"])) == (400, ["object_id"])


def test_only_staff_read_or_export_the_log(api_client, client_for, trail):
    dealer = client_for(trail["dealer"])

    assert api_client.get(URL).status_code == 401
    for url in (URL, EXPORT):
        refused = dealer.get(url)
        assert (refused.status_code, refused.json()["detail"]) == (403, "Only staff read the audit log.")
    assert not AuditLog.objects.filter(action="audit.export").exists()


def test_staff_export_the_filtered_log_as_csv_and_the_export_is_audited(client_for, trail):
    staff = trail["staff"]

    response = client_for(staff).get(EXPORT, {"action": "deal.transition"})

    assert (response.status_code, response["Content-Type"]) == (200, "text/csv; charset=utf-8")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["action"], row["username"], row["changes"]) for row in rows] == [
        ("deal.transition", staff.username, '{"status": ["draft", "paid"]}')
    ]
    export = AuditLog.objects.get(action="audit.export")
    assert (export.user, export.changes) == (staff, {"filters": {"action": "deal.transition"}})


# --- Fuzzed as staff: the project's fuzz test runs as a buyer, who is refused here ------------------------

audit_schema = schemathesis.pytest.from_fixture("api_schema").include(path_regex=r"^/api/v1/audit/")


@audit_schema.parametrize()
@settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_audit_operation_answers_within_its_schema_for_staff(case):
    staff = StaffFactory()
    audit_record(action="deal.transition", instance=staff, user=staff, changes={"status": ["draft", "paid"]})
    case.call_and_validate(headers=signed_in(RefreshToken.for_user(staff).access_token), checks=CHECKS)


def test_until_the_calendars_last_day_is_everything_not_a_500(client_for, trail):
    """The day after 9999-12-31, where the filter stops, is past Python's calendar."""
    client = client_for(trail["staff"])
    assert actions(client.get(URL, {"until": "9999-12-31"})) == ["auth.sign_in", "deal.transition", "deal.create"]
