"""Listings for the benchmarks, made in bulk in the benchmark's own database (after django.setup())."""

import random
import time

BATCH = 5000
DEALERS = 20


def listings_fill(target: int, *, photos_per_listing: int = 0) -> None:
    """Bring the database to `target` listings from the demo catalogue (reproducibly), each with
    `photos_per_listing` gallery rows (their files are not needed: a list shows the URLs)."""
    from django.db import connection
    from django.utils import timezone

    from accounts.models import Role, User
    from currencies.services import exchange_rates_update
    from vehicles.demo import vehicle_spec
    from vehicles.models import Vehicle, VehiclePhoto, VehicleStatus
    from vehicles.photos import vehicle_galleries_summarize
    from vehicles.pricing import price_in_cad
    from vehicles.services import vehicle_names_register

    exchange_rates_update()  # listings in other currencies are valued in CAD at the day's rates
    existing = Vehicle.all_objects.count()
    if existing >= target:
        print(f"{existing:,} vehicles already in {connection.settings_dict['NAME']}")
        _vacuum()
        return
    dealers = [
        User.objects.get_or_create(
            username=f"bench_dealer_{index}",
            defaults={"email": f"bench{index}@example.com", "role": Role.DEALER, "company_name": f"Bench {index}"},
        )[0]
        for index in range(DEALERS)
    ]
    rng = random.Random(100_000)  # noqa: S311 - reproducible fake data, not secrets
    started = time.perf_counter()
    for start in range(existing, target, BATCH):
        batch = []
        for serial in range(start, min(start + BATCH, target)):
            spec = vehicle_spec(rng=rng, serial=serial)
            spec["price_cad"] = price_in_cad(amount=spec["price"], currency=spec["currency"])
            spec["published_at"] = timezone.now() if spec["status"] == VehicleStatus.AVAILABLE else None
            batch.append(Vehicle(dealer=rng.choice(dealers), **spec))
        Vehicle.objects.bulk_create(batch)
        VehiclePhoto.objects.bulk_create(
            VehiclePhoto(
                vehicle=vehicle,
                position=position,
                image=f"vehicles/{vehicle.pk}/photos/{position}.webp",
                thumbnail=f"vehicles/{vehicle.pk}/photos/{position}-thumb.webp",
                image_format="webp",
                width=1600,
                height=1200,
                size_bytes=180_000,
            )
            for vehicle in batch
            for position in range(photos_per_listing)
        )
        vehicle_galleries_summarize(vehicle_ids=[vehicle.pk for vehicle in batch])
    vehicle_names_register()  # the fuzzy-search vocabulary, which bulk_create does not maintain
    print(f"made {target - existing:,} vehicles in {time.perf_counter() - started:.0f} s")
    _vacuum()


def _vacuum() -> None:
    """Measure tables in the steady state that autovacuum keeps in production, not full of the dead rows
    that a bulk load, a migration's UPDATE or an earlier run leaves behind."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE vehicles_vehicle")
        cursor.execute("VACUUM ANALYZE vehicles_vehiclephoto")
