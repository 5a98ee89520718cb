"""Fixtures shared by every app's tests."""

import base64
import json
import threading
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone, translation
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle
from rest_framework_simplejwt.tokens import RefreshToken

from currencies.models import ExchangeRate, RateSource
from currencies.services import exchange_rates_update
from nzila_export.api.throttling import FixedWindowRateThrottle


def pytest_collection_modifyitems(items):
    """Files marked `runs_long` come first. `make test` hands whole files to two workers in this order
    (xdist's loadfile, --no-loadscope-reorder); a file of minutes handed out last would keep one worker
    busy long after the other has run out of work."""
    items.sort(key=lambda item: item.get_closest_marker("runs_long") is None)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttle and sign-in counters live in Redis; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _files_in_a_temporary_folder(settings, tmp_path):
    """Photos (default storage), documents and invoice PDFs (private storages) are written on disk in
    development and tests: into folders each test throws away, never the working tree's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"


@pytest.fixture(autouse=True)
def _default_language():
    """A request leaves its caller's language active in the thread, as Django's LocaleMiddleware does
    (and nzila_export.api.languages for a profile): each test starts and ends in the default, English."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def tasks_queued(settings):
    """Tasks go to the real broker (Redis) instead of running at once, as in production: returns a function
    listing the (task name, args) queued since, oldest first. The queue is emptied before and after."""
    import redis

    from nzila_export.celery import TASK_QUEUES, app

    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.delete(*TASK_QUEUES)
    app.conf.task_always_eager = False

    def queued() -> list[tuple[str, list]]:
        """Queue by queue (in priority order), each oldest first."""
        messages = [json.loads(raw) for queue in TASK_QUEUES for raw in reversed(broker.lrange(queue, 0, -1))]
        return [(message["headers"]["task"], json.loads(base64.b64decode(message["body"]))[0]) for message in messages]

    yield queued
    app.conf.task_always_eager = True
    broker.delete(*TASK_QUEUES)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def run_at_once():
    """Run `action` in `times` threads released together, each with its own database connection: real
    concurrent transactions (the test needs `django_db(transaction=True)`). Returns what each run
    returned, or the code of the DomainError it raised."""
    from nzila_export.exceptions import DomainError

    def run(action, times: int = 2) -> list:
        barrier = threading.Barrier(times)
        outcomes = []

        def attempt():
            barrier.wait()
            try:
                outcomes.append(action())
            except DomainError as error:
                outcomes.append(error.code)
            finally:
                connection.close()

        threads = [threading.Thread(target=attempt) for _ in range(times)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return outcomes

    return run


@pytest.fixture
def client_for():
    """An API client signed in as the given user with a real JWT."""

    def make(user) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
        return client

    return make


def admin_login(client, user):
    """Sign `user` in to the admin as a staff member does, with a second factor: a session verified
    by a confirmed TOTP device, as django_otp.login leaves it (the admin refuses an unverified one).
    Returns the device."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


@pytest.fixture(name="admin_login")
def admin_login_fixture():
    """`admin_login(client, user)`: see the function of that name."""
    return admin_login


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's `admin_client`, signed in with a second factor as the admin requires."""
    admin_login(client, admin_user)
    return client


@pytest.fixture
def destination_rules(db):
    """The destination import rules as shipped (leads/data/destination_rules.csv). The data migration
    loads them, but a transactional test elsewhere in the run flushes every table, migration data
    included, so they are loaded again when they are gone."""
    from leads.destination_rules import destination_rule_rows, destination_rules_upsert
    from leads.models import DestinationRule

    if not DestinationRule.objects.exists():
        destination_rules_upsert(model=DestinationRule, rows=destination_rule_rows())


@pytest.fixture
def todays_rates(db):
    """Today's exchange rates from the local table (the development and test source): USD 1.395,
    EUR 1.615, XOF and XAF at the euro parity (0.002462051628), NGN 0.00096 ..."""
    exchange_rates_update()


@pytest.fixture
def make_rate():
    def make(currency: str, cad_per_unit: str, on: date | None = None, source: str = RateSource.BANK_OF_CANADA):
        return ExchangeRate.objects.create(
            currency=currency, date=on or timezone.localdate(), cad_per_unit=Decimal(cad_per_unit), source=source,
            confirmed_at=timezone.now(),
        )  # fmt: skip

    return make


# Ten seconds into a minute (and an hour): the fixed windows stay put while a test runs.
FROZEN_NOW = 1_800_000_010.0


@pytest.fixture
def rates(monkeypatch):
    """`rates(inquiries="5/minute", ...)` sets throttle rates for the test, on a frozen clock."""

    def set_rates(**scopes: str) -> None:
        for scope, rate in scopes.items():
            monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, scope, rate)

    monkeypatch.setattr(FixedWindowRateThrottle, "timer", staticmethod(lambda: FROZEN_NOW))
    return set_rates
