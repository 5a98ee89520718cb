import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from nzila_export.celery import app as celery_app

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ENV", "SECRET_KEY", "FIELD_ENCRYPTION_KEYS"}
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="nzila_export.settings_production")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"ALLOWED_HOSTS": "api.nzila.example"}, "SECRET_KEY must be set to at least 50 characters"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "api.nzila.example"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": secrets.token_urlsafe(60)}, "ALLOWED_HOSTS must be set"),
        (
            {"SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "api.nzila.example"},
            "FIELD_ENCRYPTION_KEYS must be set in production",
        ),
    ],
)
def test_production_refuses_to_start_without_its_secrets(environment, message):
    result = manage("check", **{"ALLOWED_HOSTS": "", **environment})
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = manage(
        "check", "--deploy", SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="api.nzila.example",
        FIELD_ENCRYPTION_KEYS=f"{Fernet.generate_key().decode()},{Fernet.generate_key().decode()}",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stderr


def test_celery_is_configured_for_reliable_delivery():
    conf = celery_app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.accept_content == ["json"]
    assert conf.task_serializer == "json"
    assert conf.task_soft_time_limit < conf.task_time_limit
    assert conf.result_expires == 24 * 60 * 60
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit


@pytest.mark.django_db
def test_a_statement_run_again_and_again_is_prepared_once_on_the_server():
    from django.db import connection

    from accounts.models import User

    for _ in range(6):  # psycopg prepares a statement the fifth time a connection runs it
        list(User.objects.filter(username="nobody-by-this-name"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('FROM "accounts_user"' in statement and '"username" = $1' in statement for statement in prepared)
