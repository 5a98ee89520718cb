from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Listing(models.Model):
    """The columns of `vehicles_vehicle` a listing shows; the table is the platform's (not managed here)."""

    dealer_id = models.BigIntegerField()
    make = models.CharField(max_length=60)
    model = models.CharField(max_length=80)
    trim = models.CharField(max_length=80)
    year = models.PositiveSmallIntegerField()
    vin = models.CharField(max_length=17)
    mileage_km = models.PositiveIntegerField()
    condition = models.CharField(max_length=16)
    body_type = models.CharField(max_length=16)
    fuel_type = models.CharField(max_length=16)
    transmission = models.CharField(max_length=16)
    drive = models.CharField(max_length=8)
    exterior_color = models.CharField(max_length=40)
    price = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3)
    price_cad = models.DecimalField(max_digits=14, decimal_places=2)
    city = models.CharField(max_length=80)
    province = models.CharField(max_length=2)
    description = models.TextField()
    status = models.CharField(max_length=16)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    deleted_at = models.DateTimeField(null=True)
    search_vector = SearchVectorField()
    search_name = models.CharField(max_length=141)

    class Meta:
        managed = False
        db_table = "vehicles_vehicle"

    def __str__(self) -> str:
        return f"{self.year} {self.make} {self.model}"


class Name(models.Model):
    """The platform's make-and-model vocabulary, which its fuzzy search reads first."""

    name = models.CharField(max_length=141)

    class Meta:
        managed = False
        db_table = "vehicles_vehiclename"

    def __str__(self) -> str:
        return self.name
