from datetime import timedelta

import pytest
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory
from audit.models import AuditLog

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "username": "amina",
    "email": "Amina@Example.com",
    "password": "a-long-unusual-passphrase",
    "role": "buyer",
    "phone": "+225 07 01 02 03 04",
    "country": "CI",
    "preferred_language": "fr",
    "timezone": "Africa/Abidjan",
    "preferred_currency": "xof",
}


def test_register_token_me_refresh_logout_path(api_client):
    response = api_client.post("/api/v1/auth/register/", REGISTRATION, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["username"] == "amina"
    assert body["role"] == "buyer"
    assert body["phone"] == "+2250701020304"
    assert body["preferred_currency"] == "XOF"
    assert "password" not in body

    response = api_client.post("/api/v1/auth/token/", {"username": "amina", "password": REGISTRATION["password"]})
    assert response.status_code == 200
    tokens = response.json()
    assert tokens["user"] == {
        "id": body["id"],
        "username": "amina",
        "email": "Amina@Example.com",
        "role": "buyer",
        "company_name": "",
        "preferred_language": "fr",
    }

    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    me = api_client.get("/api/v1/users/me/")
    assert me.status_code == 200
    assert me.json()["country"] == "CI"

    rotated = api_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]})
    assert rotated.status_code == 200
    new_refresh = rotated.json()["refresh"]
    assert new_refresh != tokens["refresh"]
    reused = api_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]})
    assert reused.status_code == 401
    assert reused.json()["code"] == "token_not_valid"

    assert api_client.post("/api/v1/auth/logout/", {"refresh": new_refresh}).status_code == 205
    assert BlacklistedToken.objects.filter(token__token=new_refresh).exists()
    after_logout = api_client.post("/api/v1/auth/token/refresh/", {"refresh": new_refresh})
    assert after_logout.status_code == 401

    user = User.objects.get(username="amina")
    actions = list(AuditLog.objects.filter(user=user).order_by("id").values_list("action", flat=True))
    # Each reuse of a rotated or signed-out refresh token is a copy in someone's hands: recorded.
    assert actions == [
        "user.register", "auth.sign_in", "auth.refresh_token_reused", "auth.sign_out", "auth.refresh_token_reused"
    ]  # fmt: skip
    assert AuditLog.objects.filter(action="auth.refresh_token_reused", object_id=str(user.pk)).count() == 2
    assert api_client.post("/api/v1/auth/token/refresh/", {"refresh": "forged"}).status_code == 401
    assert AuditLog.objects.filter(action="auth.refresh_token_reused").count() == 2  # a forged token records nothing


def test_register_refuses_staff_role_and_duplicate_email_in_any_case(api_client):
    UserFactory(email="amina@example.com")
    response = api_client.post("/api/v1/auth/register/", {**REGISTRATION, "role": "staff"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert set(body["fields"]) == {"role", "email"}
    assert body["fields"]["email"] == ["An account with this e-mail address already exists."]
    assert not User.objects.filter(username="amina").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "12345"),
        ("country", "XX"),
        ("timezone", "Mars/Olympus"),
        ("preferred_currency", "ABC"),
        ("preferred_language", "de"),
        ("password", "password"),
    ],
)
def test_register_names_the_wrong_field(api_client, field, value):
    response = api_client.post("/api/v1/auth/register/", {**REGISTRATION, field: value}, format="json")
    assert response.status_code == 400
    assert list(response.json()["fields"]) == [field]
    assert not User.objects.exists()


def test_sign_in_is_case_insensitive_on_username(api_client):
    UserFactory(username="Kofi")
    response = api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": PASSWORD})
    assert response.status_code == 200


# The sign-in view runs outside the request transaction, as in production, so these tests
# run without the test-wide transaction too.
@pytest.mark.django_db(transaction=True)
def test_failed_sign_ins_for_one_username_are_throttled_and_audited(api_client, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_USERNAME = 3
    user = UserFactory(username="kofi")
    for _ in range(3):
        response = api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": "wrong"})
        assert response.status_code == 401
    blocked = api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": PASSWORD})
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= settings.LOGIN_FAILURE_WINDOW_SECONDS
    assert blocked.json()["code"] == "throttled"
    assert blocked.json()["retry_after"] == int(blocked["Retry-After"])
    failures = AuditLog.objects.filter(action="auth.sign_in_failed")
    assert failures.count() == 3
    assert failures.first().ip_address == "127.0.0.1"
    assert not AuditLog.objects.filter(action="auth.sign_in", user=user).exists()


# The sign-in view runs outside the request transaction, as in production, so these tests
# run without the test-wide transaction too.
@pytest.mark.django_db(transaction=True)
def test_failed_sign_ins_from_one_ip_are_throttled_across_usernames(api_client, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_IP = 4
    UserFactory(username="kofi")
    for attempt in range(4):
        api_client.post("/api/v1/auth/token/", {"username": f"guess{attempt}", "password": "wrong"})
    assert api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": PASSWORD}).status_code == 429


# The sign-in view runs outside the request transaction, as in production, so these tests
# run without the test-wide transaction too.
@pytest.mark.django_db(transaction=True)
def test_a_successful_sign_in_clears_the_username_failures(api_client, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_USERNAME = 3
    UserFactory(username="kofi")
    for _ in range(2):
        api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": "wrong"})
    assert api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": PASSWORD}).status_code == 200
    for _ in range(2):
        api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": "wrong"})
    assert api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": PASSWORD}).status_code == 200


def test_logout_with_a_forged_token_is_refused(api_client):
    response = api_client.post("/api/v1/auth/logout/", {"refresh": "not-a-token"})
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"
    assert not AuditLog.objects.filter(action="auth.sign_out").exists()


def test_a_refused_token_is_explained_in_french_too(api_client):
    """simplejwt's own French catalogue leaves "Token is invalid" and "Token is expired" untranslated."""
    user = UserFactory()
    expired = RefreshToken.for_user(user)
    expired.set_exp(lifetime=-timedelta(minutes=1))
    for url, token, detail in (
        ("/api/v1/auth/token/refresh/", "forged", "Le jeton n'est pas valide."),
        ("/api/v1/auth/logout/", "forged", "Le jeton n'est pas valide."),
        ("/api/v1/auth/token/refresh/", str(expired), "Le jeton a expiré."),
    ):
        response = api_client.post(url, {"refresh": token}, HTTP_ACCEPT_LANGUAGE="fr")
        assert response.status_code == 401
        assert response.json() == {"status": 401, "code": "token_not_valid", "detail": detail}
