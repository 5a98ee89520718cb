import logging

import pytest
import responses

from nzila_export.http import provider_call

pytestmark = pytest.mark.django_db


def test_a_well_formed_request_id_is_kept_and_a_malformed_one_replaced(api_client):
    kept = api_client.get("/api/v1/currencies/", HTTP_X_REQUEST_ID="abc-123-def-456")
    replaced = api_client.get("/api/v1/currencies/", HTTP_X_REQUEST_ID="bad id\nforged line")

    assert kept["X-Request-ID"] == "abc-123-def-456"
    assert len(replaced["X-Request-ID"]) == 32
    assert replaced["X-Request-ID"].isalnum()


def test_slow_sql_is_logged_with_the_request_id(api_client, settings, caplog):
    settings.SLOW_SQL_MS = -1

    with caplog.at_level(logging.WARNING, logger="nzila_export.slow"):
        api_client.get("/api/v1/currencies/", HTTP_X_REQUEST_ID="slow-request-0001")

    slow = [record for record in caplog.records if record.getMessage() == "slow sql"]
    assert slow
    assert {record.request_id for record in slow} == {"slow-request-0001"}
    assert all(record.sql and record.duration_ms >= 0 for record in slow)


@responses.activate
def test_a_slow_provider_call_is_logged_without_its_query_string(settings, caplog):
    settings.SLOW_CALL_MS = -1
    responses.get("https://rates.example/latest", json={})

    with caplog.at_level(logging.WARNING, logger="nzila_export.slow"):
        provider_call("rates", "GET", "https://rates.example/latest?key=secret", idempotent=True)

    (record,) = [record for record in caplog.records if record.getMessage() == "slow provider call"]
    assert (record.provider, record.method, record.url) == ("rates", "GET", "https://rates.example/latest")
