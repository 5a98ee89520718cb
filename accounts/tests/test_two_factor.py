from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import DEMO_PASSWORD
from accounts.tests.factories import PASSWORD, BuyerFactory, DealerFactory, StaffFactory, totp_code, totp_device_for
from accounts.two_factor import totp_device_set
from audit.models import AuditLog

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"
TOTP = "/api/v1/users/me/totp/"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"


def sign_in(api_client, user, **extra):
    return api_client.post(TOKEN, {"username": user.username, "password": PASSWORD, **extra})


def test_staff_without_a_code_get_no_token_and_are_told_to_send_one(api_client):
    staff = StaffFactory()
    totp_device_for(staff)
    response = sign_in(api_client, staff)
    assert response.status_code == 401
    assert response.json() == {
        "status": 401,
        "code": "otp_required",
        "detail": "Enter the code from your authenticator app, or a recovery code.",
        "fields": {"otp": ["Enter the code from your authenticator app, or a recovery code."]},
    }
    assert not AuditLog.objects.filter(action__startswith="auth.sign_in").exists()


def test_staff_with_no_device_are_told_operations_enrol_them(api_client):
    response = sign_in(api_client, StaffFactory(), otp="123456")
    assert response.status_code == 401
    assert response.json()["code"] == "otp_not_enrolled"
    assert "manage.py set_totp" in response.json()["fields"]["otp"][0]


def test_a_wrong_code_is_refused_audited_and_counted_like_a_wrong_password(api_client, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_USERNAME = 2
    staff = StaffFactory(username="ops")
    device = totp_device_for(staff)
    for _ in range(2):
        refused = sign_in(api_client, staff, otp="000000")
        assert refused.status_code == 401
        assert refused.json()["code"] == "otp_invalid"
        assert refused.json()["fields"] == {"otp": ["This code is wrong or has already been used."]}
    assert sign_in(api_client, staff, otp=totp_code(device)).status_code == 429
    failures = AuditLog.objects.filter(action="auth.sign_in_failed").values_list("changes", flat=True)
    assert list(failures) == [{"username": "ops", "reason": "otp"}] * 2


def test_staff_with_the_right_code_get_a_token(api_client):
    staff = StaffFactory()
    device = totp_device_for(staff)
    response = sign_in(api_client, staff, otp=totp_code(device))
    assert response.status_code == 200
    assert set(response.json()) == {"access", "refresh", "user"}
    assert AuditLog.objects.filter(action="auth.sign_in", user=staff).count() == 1


def test_a_recovery_code_works_once(api_client):
    staff = StaffFactory()
    _device, codes = totp_device_set(user=staff)
    assert sign_in(api_client, staff, otp=codes[0]).status_code == 200
    again = sign_in(api_client, staff, otp=codes[0])
    assert again.status_code == 401
    assert again.json()["code"] == "otp_invalid"
    assert StaticToken.objects.filter(device__user=staff).count() == 9
    used = AuditLog.objects.get(action="auth.recovery_code_used")
    assert (used.user, used.changes) == (staff, {"recovery_codes_left": 9})


def test_an_unverified_staff_session_is_sent_to_the_admin_sign_in_and_a_verified_one_is_let_in(client, admin_login):
    staff = StaffFactory(is_superuser=True)
    client.force_login(staff)  # password only, as a session without a second factor would be
    refused = client.get("/admin/")
    assert refused.status_code == 302
    assert refused["Location"].startswith("/admin/login/")
    admin_login(client, staff)
    assert client.get("/admin/").status_code == 200


def test_the_admin_sign_in_form_asks_for_the_code_and_accepts_the_right_one(client):
    staff = StaffFactory(username="ops", is_superuser=True)
    device = totp_device_for(staff)
    form = client.get("/admin/login/")
    assert 'name="otp_token"' in form.content.decode()
    without = client.post("/admin/login/", {"username": "ops", "password": PASSWORD})
    assert without.status_code == 200
    assert client.get("/admin/").status_code == 302
    with_code = client.post("/admin/login/", {"username": "ops", "password": PASSWORD, "otp_token": totp_code(device)})
    assert with_code.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_with_no_device_cannot_sign_in_to_the_admin(client):
    StaffFactory(username="ops", is_superuser=True)
    refused = client.post("/admin/login/", {"username": "ops", "password": PASSWORD, "otp_token": "123456"})
    assert refused.status_code == 200
    assert "Ask operations to enrol an authenticator app" in refused.content.decode()
    assert client.get("/admin/").status_code == 302
    assert AuditLog.objects.get(action="auth.sign_in_failed").changes == {"username": "ops"}


def test_the_admin_answers_only_the_allowed_networks(client, admin_login, settings):
    admin_login(client, StaffFactory(is_superuser=True))
    settings.ADMIN_ALLOWED_NETWORKS = ["10.0.0.0/8", "2001:db8::/32"]
    assert client.get("/admin/", REMOTE_ADDR="127.0.0.1").status_code == 404
    assert client.get("/admin/login/", REMOTE_ADDR="192.0.2.1").status_code == 404
    assert client.get("/admin/", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/admin/", REMOTE_ADDR="2001:db8::7").status_code == 200
    assert client.get("/api/v1/health/", REMOTE_ADDR="192.0.2.1").status_code == 200  # the API is not concerned


def test_a_dealer_enrols_confirms_signs_in_with_a_code_and_turns_it_off(api_client, client_for):
    dealer = DealerFactory()
    dealer_client = client_for(dealer)
    started = dealer_client.post(TOTP)
    assert started.status_code == 201
    body = started.json()
    assert body["otpauth_uri"].startswith(f"otpauth://totp/Nzila%20Export%20Hub%3A{dealer.username}?")
    assert parse_qs(urlsplit(body["otpauth_uri"]).query)["secret"] == [body["secret"]]
    assert len(body["recovery_codes"]) == 10
    assert sign_in(api_client, dealer).status_code == 200  # not on until confirmed
    device = TOTPDevice.objects.get(user=dealer)

    wrong = dealer_client.post(f"{TOTP}confirm/", {"otp": "000000"})
    assert (wrong.status_code, wrong.json()["fields"]) == (400, {"otp": ["This code is wrong or has expired."]})
    device.throttle_reset()
    assert dealer_client.post(f"{TOTP}confirm/", {"otp": totp_code(device)}).status_code == 200
    assert sign_in(api_client, dealer).json()["code"] == "otp_required"
    assert sign_in(api_client, dealer, otp=totp_code(device, steps_ahead=1)).status_code == 200
    assert dealer_client.post(TOTP).status_code == 409

    assert dealer_client.delete(TOTP, {"otp": body["recovery_codes"][0]}).status_code == 204
    assert not TOTPDevice.objects.filter(user=dealer).exists()
    assert sign_in(api_client, dealer).status_code == 200
    actions = AuditLog.objects.filter(action__startswith="auth.totp").order_by("id").values_list("action", "user")
    assert list(actions) == [
        ("auth.totp_enrolment_started", dealer.pk),
        ("auth.totp_confirmed", dealer.pk),
        ("auth.totp_removed", dealer.pk),
    ]


def test_only_dealers_enrol_through_the_api_and_staff_cannot_turn_theirs_off(client_for):
    assert client_for(BuyerFactory()).post(TOTP).status_code == 403
    staff = StaffFactory()
    device = totp_device_for(staff)
    assert client_for(staff).delete(TOTP, {"otp": totp_code(device)}).status_code == 403
    assert TOTPDevice.objects.filter(user=staff).exists()


def test_set_totp_enrols_a_user_prints_the_uri_and_codes_and_is_audited(capsys):
    staff = StaffFactory(username="ops")
    call_command("set_totp", "--user", "OPS", "--secret", SECRET.lower())
    out = capsys.readouterr().out
    assert f"Provisioning URI: otpauth://totp/Nzila%20Export%20Hub%3Aops?secret={SECRET}&" in out
    assert len([line for line in out.splitlines() if line.startswith("  ")]) == 10
    device = TOTPDevice.objects.get(user=staff)
    assert device.confirmed
    record = AuditLog.objects.get(action="auth.totp_set")
    assert (record.object_id, record.changes) == (str(staff.pk), {"secret_given": True, "recovery_codes": 10})

    call_command("set_totp", "--user", "ops")  # a reset: a new random secret replaces the old device
    assert TOTPDevice.objects.filter(user=staff).count() == 1
    assert TOTPDevice.objects.get(user=staff).key != device.key
    with pytest.raises(CommandError, match="base32"):
        call_command("set_totp", "--user", "ops", "--secret", "not base32!")
    with pytest.raises(CommandError, match="No user named"):
        call_command("set_totp", "--user", "nobody")


def test_cors_preflight_answers_the_configured_front_ends_on_the_api_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.nzila.example"]
    preflight = {"HTTP_ORIGIN": "https://app.nzila.example", "HTTP_ACCESS_CONTROL_REQUEST_METHOD": "POST"}
    allowed = client.options(TOKEN, **preflight)
    assert allowed.status_code == 200
    assert allowed["Access-Control-Allow-Origin"] == "https://app.nzila.example"
    assert "authorization" in allowed["Access-Control-Allow-Headers"]
    other = client.options(TOKEN, HTTP_ORIGIN="https://evil.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in client.options("/admin/login/", **preflight)


def test_the_demo_staff_account_signs_in_with_the_demo_secret_printed_by_seed_demo(api_client, capsys):
    call_command("seed_demo")
    printed = capsys.readouterr().out
    device = TOTPDevice.objects.get(user__username="staff", confirmed=True)
    assert device.config_url in printed

    signed_in = api_client.post(
        "/api/v1/auth/token/", {"username": "staff", "password": DEMO_PASSWORD, "otp": totp_code(device)}
    )
    assert signed_in.status_code == 200

    call_command("seed_demo")  # again: the same device, not a new secret
    assert TOTPDevice.objects.get(user__username="staff").pk == device.pk
