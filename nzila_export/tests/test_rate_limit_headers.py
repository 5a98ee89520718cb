"""Every 429 says which limit refused it: Retry-After and X-RateLimit-Limit, X-RateLimit-Remaining (0)
and X-RateLimit-Reset, whichever throttle or guard answered (nzila_export.api.throttling)."""

import time

import pytest

from accounts.tests.factories import BuyerFactory

pytestmark = pytest.mark.django_db


def assert_rate_limit_headers(response, *, limit: int) -> None:
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert retry_after > 0
    assert response["X-RateLimit-Limit"] == str(limit)
    assert response["X-RateLimit-Remaining"] == "0"
    assert int(response["X-RateLimit-Reset"]) >= int(time.time())


def test_a_tight_scope_refusal_carries_its_limit(api_client, rates):
    rates(auth="2/minute")
    for _ in range(2):
        api_client.post("/api/v1/auth/password-reset/", {"email": "nobody@example.com"})
    refused = api_client.post("/api/v1/auth/password-reset/", {"email": "nobody@example.com"})
    assert_rate_limit_headers(refused, limit=2)
    assert refused.json()["code"] == "throttled"


def test_a_broad_rule_refusal_carries_its_limit(client_for, rates):
    rates(user="3/hour")
    buyer = client_for(BuyerFactory())
    for _ in range(3):
        assert buyer.get("/api/v1/users/me/").status_code == 200
    assert_rate_limit_headers(buyer.get("/api/v1/users/me/"), limit=3)


def test_the_sign_in_guard_refusal_carries_its_limit(api_client, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_USERNAME = 2
    BuyerFactory(username="kofi")
    for _ in range(2):
        api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": "wrong"})
    assert_rate_limit_headers(api_client.post("/api/v1/auth/token/", {"username": "kofi", "password": "x"}), limit=2)
