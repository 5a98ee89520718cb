"""Races with real concurrent transactions, each thread on its own database connection."""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connection, transaction

from accounts.tests.factories import DealerFactory
from vehicles.models import Vehicle
from vehicles.services import VinAlreadyListed, vehicle_create

SPEC = {
    "make": "Honda",
    "model": "Civic",
    "year": 2020,
    "vin": "1HGCM82633A004352",
    "mileage_km": 42000,
    "condition": "used_good",
    "price": Decimal("21000"),
    "currency": "CAD",
    "city": "Halifax",
    "province": "NS",
    "status": "available",
}


@pytest.mark.django_db(transaction=True)
def test_two_dealers_listing_one_vin_at_once_leave_one_listing():
    first_dealer, second_dealer = DealerFactory(), DealerFactory()
    first_inserted = threading.Event()
    results = {}

    def first():
        try:
            with transaction.atomic():
                vehicle_create(dealer=first_dealer, data=SPEC)
                first_inserted.set()
                time.sleep(0.5)  # keep the row uncommitted while the second dealer's check passes
            results["first"] = "created"
        finally:
            connection.close()

    def second():
        first_inserted.wait(timeout=5)
        try:
            vehicle_create(dealer=second_dealer, data=SPEC)
            results["second"] = "created"
        except VinAlreadyListed as error:
            results["second"] = error.code
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert results == {"first": "created", "second": "vin_already_listed"}
    assert list(Vehicle.objects.values_list("dealer", flat=True)) == [first_dealer.pk]
