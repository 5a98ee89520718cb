"""Demo listings for `seed_demo`: a few hundred realistic vehicles for the two demo dealers."""

import random
from datetime import date
from decimal import Decimal

from django.db import transaction

from accounts.models import User
from vehicles.catalogue import CATALOGUE, CITIES, COLOURS, DESCRIPTIONS, TRIMS
from vehicles.models import Condition, Transmission, Vehicle, VehicleStatus
from vehicles.services import DEAL_DRIVEN_STATUSES, vehicle_create, vehicle_follow_deal
from vehicles.vins import vin_random

DEMO_DEALERS = {"dealer_halifax": ("NS", "NB"), "dealer_montreal": ("QC", "ON")}
VEHICLES_PER_DEALER = 150
STATUS_WEIGHTS = {
    VehicleStatus.AVAILABLE: 80,
    VehicleStatus.DRAFT: 6,
    VehicleStatus.RESERVED: 6,
    VehicleStatus.SOLD: 6,
    VehicleStatus.ARCHIVED: 2,
}


def vehicle_spec(*, rng: random.Random, serial: int, provinces=None, this_year: int | None = None) -> dict:
    """One plausible listing: a real make and model, an age, mileage and condition that go together,
    and a CAD price depreciated from the new price."""
    this_year = this_year or date.today().year
    make = rng.choice(list(CATALOGUE))
    model, body_type, fuel_type, drive, new_price = rng.choice(CATALOGUE[make])
    age = min(int(rng.expovariate(1 / 5)), 18)
    mileage = 0 if age == 0 else int(age * rng.uniform(12_000, 24_000))
    if age == 0:
        condition = Condition.NEW
    elif rng.random() < 0.03:
        condition = Condition.SALVAGE
    else:
        condition = [Condition.USED_EXCELLENT, Condition.USED_GOOD, Condition.USED_FAIR][min(age // 5, 2)]
    value = new_price * (0.85**age) * (0.45 if condition == Condition.SALVAGE else 1) * rng.uniform(0.9, 1.1)
    cities = [city for city in CITIES if provinces is None or city[1] in provinces]
    city, province = rng.choice(cities)
    return {
        "make": make,
        "model": model,
        "trim": rng.choice(TRIMS),
        "year": this_year - age,
        "vin": vin_random(rng=rng, make=make, serial=serial),
        "mileage_km": mileage,
        "condition": condition,
        "body_type": body_type,
        "fuel_type": fuel_type,
        "transmission": Transmission.MANUAL if rng.random() < 0.08 else Transmission.AUTOMATIC,
        "drive": drive,
        "exterior_color": rng.choice(COLOURS),
        "price": Decimal(max(1500, round(value, -2))),
        "currency": "CAD",
        "city": city,
        "province": province,
        "description": rng.choice(DESCRIPTIONS),
        "status": rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0],
    }


@transaction.atomic
def demo_vehicles_seed() -> str:
    """Create the demo dealers' listings once; a second run finds them and adds nothing."""
    created = 0
    for dealer_index, (username, provinces) in enumerate(DEMO_DEALERS.items()):
        dealer = User.objects.filter(username=username).first()
        if dealer is None:
            continue
        rng = random.Random(f"nzila-demo-{username}")  # noqa: S311 - reproducible demo data
        existing = Vehicle.all_objects.filter(dealer=dealer).count()
        for serial in range(existing, VEHICLES_PER_DEALER):
            spec = vehicle_spec(rng=rng, serial=dealer_index * 100_000 + serial, provinces=provinces)
            if Vehicle.all_objects.filter(vin=spec["vin"]).exists():
                continue
            if spec["status"] in DEAL_DRIVEN_STATUSES:
                # Shown reserved or sold as a deal would leave it (the demo opens no deals): listed as a
                # draft, then moved as vehicle_follow_deal moves it, since a new listing is neither.
                vehicle = vehicle_create(dealer=dealer, data={**spec, "status": VehicleStatus.DRAFT})
                vehicle_follow_deal(vehicle=vehicle, status=spec["status"], user=None)
            else:
                vehicle_create(dealer=dealer, data=spec)
            created += 1
    total = Vehicle.objects.filter(dealer__username__in=DEMO_DEALERS).count()
    return f"{total} demo vehicles ({created} new)"
