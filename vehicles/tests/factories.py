import random
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, DealerFactory
from vehicles.models import (
    BodyType,
    Condition,
    FuelType,
    PriceAlert,
    Province,
    SavedSearch,
    Transmission,
    Vehicle,
    VehiclePhoto,
    VehicleStatus,
)
from vehicles.pricing import price_in_cad
from vehicles.services import vehicle_names_register
from vehicles.vins import vin_random

_rng = random.Random(2026)


class VehicleFactory(factory.django.DjangoModelFactory):
    """A listing as the service would store it (price_cad included). Tests of writes use the services."""

    class Meta:
        model = Vehicle
        skip_postgeneration_save = True

    dealer = factory.SubFactory(DealerFactory)
    make = "Toyota"
    model = "Camry"
    trim = "LE"
    year = 2019
    vin = factory.LazyAttribute(lambda vehicle: vin_random(rng=_rng, make=vehicle.make))
    mileage_km = 80_000
    condition = Condition.USED_GOOD
    body_type = BodyType.SEDAN
    fuel_type = FuelType.GASOLINE
    transmission = Transmission.AUTOMATIC
    exterior_color = "Silver"
    price = Decimal("18500.00")
    currency = "CAD"
    price_cad = factory.LazyAttribute(lambda vehicle: price_in_cad(amount=vehicle.price, currency=vehicle.currency))
    city = "Halifax"
    province = Province.NOVA_SCOTIA
    description = "One owner, winter tires included."
    status = VehicleStatus.AVAILABLE
    published_at = factory.LazyAttribute(
        lambda vehicle: timezone.now() if vehicle.status == VehicleStatus.AVAILABLE else None
    )

    @factory.post_generation
    def _register_name(self, create, extracted, **kwargs):
        if create:
            vehicle_names_register(vehicle_ids=[self.pk])


class SavedSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedSearch

    owner = factory.SubFactory(BuyerFactory)
    name = "Toyotas under 20k"
    query_params = factory.LazyFunction(lambda: {"make": "Toyota", "price__lte": "20000"})


class PriceAlertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriceAlert

    owner = factory.SubFactory(BuyerFactory)
    vehicle = factory.SubFactory(VehicleFactory)


class VehiclePhotoFactory(factory.django.DjangoModelFactory):
    """A gallery row whose files need not exist (a page shows their URLs); the listing's gallery summary is
    the test's to refresh (vehicles.photos.vehicle_galleries_summarize), as the photo services do."""

    class Meta:
        model = VehiclePhoto

    vehicle = factory.SubFactory(VehicleFactory)
    position = factory.Sequence(lambda n: n)
    image = factory.LazyAttribute(lambda photo: f"vehicles/{photo.vehicle.pk}/photos/{photo.position}.jpg")
    thumbnail = factory.LazyAttribute(lambda photo: f"vehicles/{photo.vehicle.pk}/photos/{photo.position}-thumb.jpg")
    image_format = VehiclePhoto.Format.JPEG
    width = 10
    height = 10
    size_bytes = 100
