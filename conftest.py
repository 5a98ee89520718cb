"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttle and sign-in counters live in Redis; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def client_for():
    """An API client signed in as the given user with a real JWT."""

    def make(user) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
        return client

    return make


@pytest.fixture
def destination_rules(db):
    """The destination import rules as shipped (leads/data/destination_rules.csv). The data migration
    loads them, but a transactional test elsewhere in the run flushes every table, migration data
    included, so they are loaded again when they are gone."""
    from leads.destination_rules import destination_rule_rows, destination_rules_upsert
    from leads.models import DestinationRule

    if not DestinationRule.objects.exists():
        destination_rules_upsert(model=DestinationRule, rows=destination_rule_rows())
