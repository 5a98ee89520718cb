import pytest

from accounts.tests.factories import DealerFactory
from audit.admin import AuditLogAdmin
from audit.models import AuditLog
from audit.services import audit_record

pytestmark = pytest.mark.django_db


def test_records_outside_a_request_carry_no_ip():
    dealer = DealerFactory()
    record = audit_record(action="vehicle.import", instance=dealer, changes={"rows": 3}, user=dealer)
    assert (record.user, record.ip_address, record.user_agent) == (dealer, None, "")
    assert (record.model_name, record.object_id, record.changes) == ("accounts.User", str(dealer.pk), {"rows": 3})


def test_records_in_a_request_take_user_ip_and_agent_from_it(client_for):
    dealer = DealerFactory()
    client_for(dealer).patch("/api/v1/users/me/", {"company_name": "Maple Cars"}, HTTP_USER_AGENT="NzilaApp/2.1")
    record = AuditLog.objects.get(action="user.update_profile")
    assert (record.user, record.ip_address, record.user_agent) == (dealer, "127.0.0.1", "NzilaApp/2.1")


def test_the_admin_is_read_only(admin_client):
    audit_record(action="auth.sign_in")
    record = AuditLog.objects.get()
    assert admin_client.get("/admin/audit/auditlog/").status_code == 200
    assert admin_client.get(f"/admin/audit/auditlog/{record.pk}/change/").status_code == 200
    model_admin = AuditLogAdmin(AuditLog, None)
    assert not model_admin.has_add_permission(None)
    assert not model_admin.has_delete_permission(None, record)
    assert admin_client.post(f"/admin/audit/auditlog/{record.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditLog.objects.filter(pk=record.pk).exists()
