"""Throttles through the API: a shared address (carrier-grade NAT) reads the catalogue freely up to its
burst, and the tight limits on sign-in, inquiries and uploads still bite. Rates are set per test on the
one table every throttle reads (SimpleRateThrottle.THROTTLE_RATES), by conftest's `rates`."""

import pytest

from accounts.tests.factories import BuyerFactory, DealerFactory
from leads.models import Lead
from vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


def catalogue_urls(vehicle) -> list[str]:
    return [
        "/api/v1/vehicles/",
        "/api/v1/vehicles/?search=camry",
        f"/api/v1/vehicles/{vehicle.pk}/",
        "/api/v1/vehicles/facets/",
        "/api/v1/vehicles/autocomplete/?q=To",
        f"/api/v1/vehicles/{vehicle.pk}/photos/",
        "/api/v1/currencies/",
    ]


def inquiry(vehicle) -> dict:
    return {
        "vehicle": vehicle.pk,
        "full_name": "Kouamé Yao",
        "email": "kouame@example.ci",
        "destination_country": "CI",
    }


def test_a_shared_address_reads_the_catalogue_far_past_the_old_anonymous_limit(api_client, rates):
    # The old limits, which every visitor's request counted against: 100 an hour per IP.
    rates(anon="100/hour", user="100/hour", inquiries="100/hour")
    rates(catalogue_burst="300/minute", catalogue_sustained="10000/hour")  # the production defaults
    vehicle = VehicleFactory()
    urls = catalogue_urls(vehicle)
    statuses = [api_client.get(urls[index % len(urls)]).status_code for index in range(150)]
    assert statuses == [200] * 150
    # The visitors' other bucket was not spent by the reads: an inquiry from the same address goes in.
    assert api_client.post("/api/v1/leads/", inquiry(vehicle), format="json").status_code == 201


def test_past_its_burst_an_address_gets_429_with_retry_after_and_others_read_on(api_client, rates, client_for):
    rates(catalogue_burst="5/minute", catalogue_sustained="10000/hour")
    vehicle = VehicleFactory()
    for _ in range(5):
        assert api_client.get("/api/v1/vehicles/autocomplete/?q=To").status_code == 200
    blocked = api_client.get("/api/v1/currencies/")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "50"  # the minute's window ends 50 seconds from now
    assert blocked.json() == {
        "status": 429,
        "code": "throttled",
        "detail": "Request was throttled. Expected available in 50 seconds.",
        "retry_after": 50,
    }
    # A forged X-Forwarded-For is not another address.
    assert api_client.get("/api/v1/currencies/", HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert api_client.get("/api/v1/currencies/", REMOTE_ADDR="10.0.0.9").status_code == 200
    # A signed-in buyer behind the same address is counted alone, per account.
    assert client_for(vehicle.dealer).get(f"/api/v1/vehicles/{vehicle.pk}/").status_code == 200


def test_the_sustained_rate_caps_an_address_within_its_burst(api_client, rates):
    rates(catalogue_burst="300/minute", catalogue_sustained="3/hour")
    for _ in range(3):
        assert api_client.get("/api/v1/currencies/").status_code == 200
    blocked = api_client.get("/api/v1/currencies/")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "3590"


def test_sign_in_is_still_limited_per_address(api_client, rates):
    rates(auth="2/minute")
    wrong = {"username": "nobody", "password": "not-the-password"}
    for _ in range(2):
        assert api_client.post("/api/v1/auth/token/", wrong, format="json").status_code == 401
    blocked = api_client.post("/api/v1/auth/token/", wrong, format="json", HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0


def test_inquiries_are_still_limited_per_address_whatever_x_forwarded_for_says(api_client, rates):
    rates(inquiries="2/hour")
    vehicle = VehicleFactory()
    for _ in range(2):
        assert api_client.post("/api/v1/leads/", inquiry(vehicle), format="json").status_code == 201
    forged = api_client.post("/api/v1/leads/", inquiry(vehicle), format="json", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert forged.status_code == 429
    assert Lead.objects.count() == 2
    assert api_client.get("/api/v1/vehicles/").status_code == 200  # reading the catalogue is another matter


def test_photo_document_and_csv_uploads_share_one_bucket_per_account(client_for, rates):
    rates(uploads="2/hour")
    dealer = DealerFactory()
    vehicle = VehicleFactory(dealer=dealer)
    client = client_for(dealer)
    # Empty bodies: the throttle counts the attempt before the body is read (400 for the missing file).
    assert client.post(f"/api/v1/vehicles/{vehicle.pk}/photos/", {}, format="multipart").status_code == 400
    assert client.post("/api/v1/documents/", {}, format="multipart").status_code == 400
    blocked = client.post("/api/v1/vehicles/import/", {}, format="multipart")
    assert blocked.status_code == 429
    # Reads and other writes of the same account are not uploads.
    assert client.get("/api/v1/vehicles/export/").status_code == 200
    assert client_for(DealerFactory()).post("/api/v1/vehicles/import/", {}, format="multipart").status_code == 400


def test_a_signed_in_user_is_capped_per_account_and_a_visitors_writes_per_address(api_client, rates, client_for):
    rates(user="3/hour", anon="2/hour")
    vehicle = VehicleFactory()
    buyer = client_for(BuyerFactory())  # a dealer is held to its plan's rate instead (plans)
    for _ in range(3):
        assert buyer.get("/api/v1/vehicles/").status_code == 200
    blocked = buyer.get("/api/v1/vehicles/")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "3590"  # the hour's window ends 3,590 seconds from now
    assert client_for(BuyerFactory()).get("/api/v1/vehicles/").status_code == 200  # another account reads on
    # A visitor's writes count against `anon`, per address; its reads do not.
    for _ in range(2):
        assert api_client.post("/api/v1/leads/", inquiry(vehicle), format="json").status_code == 201
    assert api_client.post("/api/v1/leads/", inquiry(vehicle), format="json").status_code == 429
    assert api_client.get("/api/v1/vehicles/").status_code == 200
    assert Lead.objects.count() == 2
