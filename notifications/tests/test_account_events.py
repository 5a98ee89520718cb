"""The account events reach people end to end, in their language, after the transaction commits."""

import re

import pytest
from django.core import mail

from accounts.tests.factories import PASSWORD, BuyerFactory
from notifications.models import MessageLog, MessageStatus, Notification
from notifications.tests.test_delivery import time_zone_where_local_hour_is

pytestmark = pytest.mark.django_db


def test_registration_sends_a_welcome_in_the_users_language(api_client, django_capture_on_commit_callbacks):
    daytime = time_zone_where_local_hour_is(*range(9, 19))  # outside quiet hours, whenever the suite runs
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            "/api/v1/auth/register/",
            {
                "username": "awa",
                "email": "awa@example.sn",
                "password": "a-long-unusual-passphrase",
                "role": "buyer",
                "preferred_language": "fr",
                "timezone": daytime,
            },
            format="json",
        )
    assert response.status_code == 201
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["awa@example.sn"]
    assert email.subject == "Bienvenue sur Nzila Export Hub, awa"
    assert "Parcourez les véhicules" in email.body
    assert "Gérez vos notifications dans l'application." in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html
    assert "d'Afrique" not in html  # the buyer text, not the dealer one
    notification = Notification.objects.get(user__username="awa")
    assert (notification.event, notification.title) == ("account.welcome", "Bienvenue sur Nzila Export Hub, awa")
    message = MessageLog.objects.get(channel="email")
    assert (message.status, message.language, message.attempts) == (MessageStatus.SENT, "fr", 1)
    assert message.provider_message_id.endswith("@nzila.export")


def test_nothing_is_sent_for_a_registration_that_fails(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        api_client.post("/api/v1/auth/register/", {"username": "x", "email": "bad", "password": "p"}, format="json")
    assert mail.outbox == []
    assert not MessageLog.objects.exists()


def test_password_reset_email_carries_a_working_link(api_client, django_capture_on_commit_callbacks, settings):
    settings.PASSWORD_RESET_URL = "https://app.nzila.example/reset?uid={uid}&token={token}"
    user = BuyerFactory(email="kofi@example.gh")
    with django_capture_on_commit_callbacks(execute=True):
        assert api_client.post("/api/v1/auth/password-reset/", {"email": "kofi@example.gh"}).status_code == 202
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Reset your Nzila Export Hub password"
    uid, token = re.search(r"reset\?uid=(\S+)&token=(\S+)", mail.outbox[0].body).groups()

    confirm = api_client.post(
        "/api/v1/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": "brand-new-passphrase-7"}
    )
    assert confirm.status_code == 200
    user.refresh_from_db()
    assert user.check_password("brand-new-passphrase-7")
    assert not Notification.objects.filter(event="account.password_reset").exists()  # e-mail only


def test_password_change_warns_by_email_at_once_even_in_quiet_hours(client_for, django_capture_on_commit_callbacks):
    user = BuyerFactory(timezone="Pacific/Kiritimati")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user).post(
            "/api/v1/users/me/password/", {"current_password": PASSWORD, "new_password": "n3w-passphrase!"}
        )
    assert response.status_code == 200
    assert [email.subject for email in mail.outbox] == ["Your Nzila Export Hub password was changed"]
    assert "Pacific/Kiritimati" not in mail.outbox[0].body
    assert MessageLog.objects.get().urgent is True
