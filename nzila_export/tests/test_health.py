import pytest

pytestmark = pytest.mark.django_db


def test_health_is_ok_when_every_service_answers(api_client):
    response = api_client.get("/api/v1/health/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "services": {
            "database": "ok",
            "redis": "ok",
            "broker": "ok",
            # Outside production no worker nor beat need run: "unknown" does not fail (operations tests).
            "beat": "unknown: no beat job has run yet",
            "worker": "unknown: no worker answered a ping within 0.5 s",
        },
        "failing": [],
    }


def test_health_names_the_broker_when_it_does_not_answer(api_client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = api_client.get("/api/v1/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failing"] == ["broker"]
    assert body["services"]["database"] == "ok"
    assert body["services"]["broker"].startswith("error: ")


def test_health_names_redis_when_it_does_not_answer(api_client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = api_client.get("/api/v1/health/")
    assert response.status_code == 503
    assert response.json()["failing"] == ["redis"]
