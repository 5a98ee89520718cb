import pytest
from django.contrib.auth.models import Group, Permission

from accounts.models import User
from accounts.tests.factories import PASSWORD, StaffFactory, UserFactory, totp_code, totp_device_for
from audit.models import AuditLog
from notifications.models import Notification

pytestmark = pytest.mark.django_db

USERS = "/admin/accounts/user/"
NEW_PASSWORD = "another-long-unusual-passphrase"


@pytest.fixture
def staff(client, admin_login):
    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    return staff


def change_form(user: User, **values) -> dict:
    return {
        "username": user.username, "email": user.email, "first_name": "", "last_name": "", "is_active": "on",
        "role": user.role, "company_name": "", "phone": "", "country": "", "preferred_language": "en",
        "timezone": "America/Toronto", "preferred_currency": "CAD", **values,
    }  # fmt: skip


def test_staff_create_and_edit_an_account_in_the_admin_with_each_value_audited(client, staff):
    added = client.post(
        f"{USERS}add/",
        {"username": "awa", "email": "awa@example.com", "role": "dealer", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert added.status_code == 302
    user = User.objects.get(username="awa")
    assert user.check_password(PASSWORD)
    created = AuditLog.objects.get(action="user.staff_create")
    assert (created.user, created.object_id) == (staff, str(user.pk))
    assert created.changes == {
        "username": [None, "awa"], "email": [None, "awa@example.com"], "role": [None, "dealer"],
        "usable_password": [None, True],
    }  # fmt: skip

    group = Group.objects.create(name="Finance")
    edited = client.post(f"{USERS}{user.pk}/change/", change_form(user, role="staff", is_staff="on", groups=[group.pk]))
    assert edited.status_code == 302
    user.refresh_from_db()
    assert (user.role, user.is_staff, list(user.groups.all())) == ("staff", True, [group])
    record = AuditLog.objects.get(action="user.staff_edit")
    assert (record.user, record.object_id) == (staff, str(user.pk))
    assert record.changes == {"role": ["dealer", "staff"], "is_staff": [False, True], "groups": [[], ["Finance"]]}
    assert PASSWORD not in str(list(AuditLog.objects.values_list("changes", flat=True)))


def test_staff_set_a_password_delete_an_account_and_grant_a_group_in_the_admin_audited(client, staff):
    user = UserFactory()
    response = client.post(
        f"{USERS}{user.pk}/password/", {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    record = AuditLog.objects.get(action="user.staff_set_password")
    assert (record.user, record.object_id, record.changes) == (staff, str(user.pk), {"usable_password": [True, True]})
    assert NEW_PASSWORD not in str(record.changes)
    assert Notification.objects.filter(user=user, event="account.password_changed").exists()

    assert client.post(f"{USERS}{user.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    deleted = AuditLog.objects.get(action="user.staff_delete")
    assert (deleted.user, deleted.object_id) == (staff, str(user.pk))
    assert deleted.changes["username"] == [user.username, None]
    assert deleted.changes["role"] == ["buyer", None]

    permission = Permission.objects.get(codename="view_auditlog")
    group = {"name": "Auditors", "permissions": [permission.pk]}
    assert client.post("/admin/auth/group/add/", group).status_code == 302
    granted = AuditLog.objects.get(action="group.staff_create")
    assert granted.user == staff
    assert granted.changes == {"name": [None, "Auditors"], "permissions": [None, [permission.pk]]}


def test_admin_sign_ins_are_audited_and_refused_after_too_many_failures(client, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_USERNAME = 2
    staff = StaffFactory(username="ops")
    device = totp_device_for(staff)
    assert client.post("/admin/login/", {"username": "ops", "password": "wrong"}).status_code == 200
    signed_in = client.post("/admin/login/", {"username": "ops", "password": PASSWORD, "otp_token": totp_code(device)})
    assert signed_in.status_code == 302
    client.logout()
    for _ in range(2):
        client.post("/admin/login/", {"username": "ops", "password": "wrong"})
    refused = client.post("/admin/login/", {"username": "ops", "password": PASSWORD})
    assert refused.status_code == 200
    assert "Too many failed sign-ins. Try again later." in refused.content.decode()
    actions = list(AuditLog.objects.order_by("id").values_list("action", "user", "changes"))
    failed = ("auth.sign_in_failed", None, {"username": "ops"})
    assert actions == [failed, ("auth.sign_in", staff.pk, {}), failed, failed]
