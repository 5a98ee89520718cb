import pytest
from django.contrib.auth.tokens import default_token_generator

from accounts.models import User
from accounts.services import password_reset_token_make
from accounts.tests.factories import PASSWORD, BuyerFactory, DealerFactory, StaffFactory, UserFactory
from audit.models import AuditLog

pytestmark = pytest.mark.django_db


def test_staff_list_every_user_and_others_only_themselves(client_for):
    staff, dealer, buyer = StaffFactory(), DealerFactory(), BuyerFactory()

    staff_view = client_for(staff).get("/api/v1/users/").json()
    assert staff_view["count"] == 3
    assert {row["id"] for row in staff_view["results"]} == {staff.id, dealer.id, buyer.id}

    dealer_view = client_for(dealer).get("/api/v1/users/").json()
    assert [row["id"] for row in dealer_view["results"]] == [dealer.id]
    assert client_for(dealer).get(f"/api/v1/users/{buyer.id}/").status_code == 404


def test_anonymous_callers_get_401_in_the_error_format(api_client):
    response = api_client.get("/api/v1/users/me/")
    assert response.status_code == 401
    assert response.json() == {
        "status": 401,
        "code": "not_authenticated",
        "detail": "Authentication credentials were not provided.",
    }


def test_patch_me_updates_profile_and_audits_the_changes(client_for):
    user = BuyerFactory(company_name="")
    response = client_for(user).patch(
        "/api/v1/users/me/", {"company_name": "Sahel Motors", "timezone": "Africa/Dakar"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["company_name"] == "Sahel Motors"
    user.refresh_from_db()
    assert user.timezone == "Africa/Dakar"
    record = AuditLog.objects.get(action="user.update_profile")
    assert record.changes == {"company_name": ["", "Sahel Motors"], "timezone": ["America/Toronto", "Africa/Dakar"]}
    assert record.user == user


def test_patch_me_cannot_change_role_or_take_another_email(client_for):
    UserFactory(email="taken@example.com")
    user = BuyerFactory()
    response = client_for(user).patch("/api/v1/users/me/", {"email": "TAKEN@example.com"}, format="json")
    assert response.status_code == 400
    assert "email" in response.json()["fields"]
    client_for(user).patch("/api/v1/users/me/", {"role": "staff"}, format="json")
    user.refresh_from_db()
    assert user.role == "buyer"


def test_change_password_needs_the_current_one(client_for):
    user = BuyerFactory()
    client = client_for(user)
    wrong = client.post("/api/v1/users/me/password/", {"current_password": "nope", "new_password": "n3w-passphrase!"})
    assert wrong.status_code == 400
    assert list(wrong.json()["fields"]) == ["current_password"]
    right = client.post("/api/v1/users/me/password/", {"current_password": PASSWORD, "new_password": "n3w-passphrase!"})
    assert right.status_code == 200
    user.refresh_from_db()
    assert user.check_password("n3w-passphrase!")
    assert AuditLog.objects.filter(action="user.change_password", user=user).count() == 1


def test_language_switch_sets_preference_and_cookie(client_for):
    user = BuyerFactory()
    response = client_for(user).post("/api/v1/users/me/language/", {"language": "fr"})
    assert response.status_code == 200
    assert response.cookies["django_language"].value == "fr"
    user.refresh_from_db()
    assert user.preferred_language == "fr"
    refused = client_for(user).post("/api/v1/users/me/language/", {"language": "de"})
    assert refused.status_code == 400
    assert list(refused.json()["fields"]) == ["language"]


def test_password_reset_confirm_with_a_valid_token_sets_the_password(api_client):
    user = BuyerFactory()
    uid, token = password_reset_token_make(user=user)
    response = api_client.post(
        "/api/v1/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": "fresh-passphrase-9"}
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password("fresh-passphrase-9")
    reused = api_client.post(
        "/api/v1/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": "another-passphrase-9"}
    )
    assert reused.status_code == 400
    assert reused.json()["fields"] == {"token": ["This password reset link is invalid or has expired."]}


def test_password_reset_confirm_refuses_a_forged_link(api_client):
    user = BuyerFactory()
    response = api_client.post(
        "/api/v1/auth/password-reset/confirm/", {"uid": "garbage", "token": "x", "new_password": "fresh-passphrase-9"}
    )
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert default_token_generator.check_token(user, "x") is False


def test_password_reset_request_answers_the_same_for_unknown_addresses(api_client):
    BuyerFactory(email="known@example.com")
    known = api_client.post("/api/v1/auth/password-reset/", {"email": "KNOWN@example.com"})
    unknown = api_client.post("/api/v1/auth/password-reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert AuditLog.objects.filter(action="user.password_reset_request").count() == 1


def test_email_is_unique_regardless_of_case_in_the_database():
    from django.db import IntegrityError, transaction

    UserFactory(email="case@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="other", email="CASE@example.com")


@pytest.mark.parametrize("country", [{}, [], 0])
def test_a_country_that_is_not_a_code_is_refused_and_the_profiles_kept(client_for, country):
    """django-countries' field took `{}`, `[]` or `0` as no country and emptied the profile's (the live
    fuzzer's find on the inquiries, the same field here)."""
    user = BuyerFactory(country="SN")

    response = client_for(user).patch("/api/v1/users/me/", {"country": country}, format="json")

    assert response.status_code == 400
    assert response.json()["fields"] == {"country": [f'"{country}" is not a valid choice.']}
    user.refresh_from_db()
    assert user.country.code == "SN"
    blank = client_for(user).patch("/api/v1/users/me/", {"country": ""}, format="json")
    assert (blank.status_code, blank.json()["country"]) == (200, "")
