from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Concat, Lower, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.validators import validate_currency_code
from nzila_export.models import SoftDeleteModel, TimeStampedModel
from vehicles.validators import validate_vin


class Condition(models.TextChoices):
    NEW = "new", pgettext_lazy("vehicle condition", "New")
    USED_EXCELLENT = "used_excellent", pgettext_lazy("vehicle condition", "Used, excellent")
    USED_GOOD = "used_good", pgettext_lazy("vehicle condition", "Used, good")
    USED_FAIR = "used_fair", pgettext_lazy("vehicle condition", "Used, fair")
    SALVAGE = "salvage", pgettext_lazy("vehicle condition", "Salvage")


class BodyType(models.TextChoices):
    SEDAN = "sedan", _("Sedan")
    SUV = "suv", _("SUV")
    PICKUP = "pickup", _("Pickup truck")
    HATCHBACK = "hatchback", _("Hatchback")
    COUPE = "coupe", _("Coupe")
    CONVERTIBLE = "convertible", _("Convertible")
    WAGON = "wagon", _("Wagon")
    MINIVAN = "minivan", _("Minivan")
    VAN = "van", _("Van")
    TRUCK = "truck", _("Truck")


class FuelType(models.TextChoices):
    GASOLINE = "gasoline", _("Gasoline")
    DIESEL = "diesel", _("Diesel")
    HYBRID = "hybrid", _("Hybrid")
    PLUG_IN_HYBRID = "plug_in_hybrid", _("Plug-in hybrid")
    ELECTRIC = "electric", _("Electric")


class Transmission(models.TextChoices):
    AUTOMATIC = "automatic", _("Automatic")
    MANUAL = "manual", _("Manual")
    CVT = "cvt", _("CVT")


class Drive(models.TextChoices):
    FWD = "fwd", _("Front-wheel drive")
    RWD = "rwd", _("Rear-wheel drive")
    AWD = "awd", _("All-wheel drive")
    FOUR_WD = "4wd", _("Four-wheel drive")


class Province(models.TextChoices):
    ALBERTA = "AB", _("Alberta")
    BRITISH_COLUMBIA = "BC", _("British Columbia")
    MANITOBA = "MB", _("Manitoba")
    NEW_BRUNSWICK = "NB", _("New Brunswick")
    NEWFOUNDLAND_AND_LABRADOR = "NL", _("Newfoundland and Labrador")
    NOVA_SCOTIA = "NS", _("Nova Scotia")
    NORTHWEST_TERRITORIES = "NT", _("Northwest Territories")
    NUNAVUT = "NU", _("Nunavut")
    ONTARIO = "ON", _("Ontario")
    PRINCE_EDWARD_ISLAND = "PE", _("Prince Edward Island")
    QUEBEC = "QC", _("Quebec")
    SASKATCHEWAN = "SK", _("Saskatchewan")
    YUKON = "YT", _("Yukon")


class VehicleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AVAILABLE = "available", _("Available")
    RESERVED = "reserved", _("Reserved")
    SOLD = "sold", _("Sold")
    ARCHIVED = "archived", _("Archived")


# A listing that no longer holds its VIN: another one may be listed with it.
CLOSED_STATUSES = (VehicleStatus.SOLD, VehicleStatus.ARCHIVED)
# A car promised or handed to a buyer: it may not become a different car.
IDENTITY_LOCKED_STATUSES = (VehicleStatus.RESERVED, VehicleStatus.SOLD)
IDENTITY_FIELDS = ("make", "model", "year", "vin")


# Full text: make, model and trim with the 'simple' configuration (names are not stemmed), colour and
# description with both 'english' and 'french' so that either language's word forms match.
SEARCH_VECTOR = (
    SearchVector("make", "model", "trim", config="simple", weight="A")
    + SearchVector("exterior_color", config="english", weight="B")
    + SearchVector("exterior_color", config="french", weight="B")
    + SearchVector("description", config="english", weight="C")
    + SearchVector("description", config="french", weight="C")
)


class Vehicle(TimeStampedModel, SoftDeleteModel):
    dealer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dealer"), on_delete=models.PROTECT, related_name="vehicles"
    )
    make = models.CharField(verbose_name=_("make"), max_length=60)
    model = models.CharField(verbose_name=_("model"), max_length=80)
    trim = models.CharField(verbose_name=_("trim"), max_length=80, blank=True)
    year = models.PositiveSmallIntegerField(verbose_name=_("year"))
    vin = models.CharField(_("VIN"), max_length=17, validators=[validate_vin])
    mileage_km = models.PositiveIntegerField(verbose_name=_("mileage (km)"))
    condition = models.CharField(verbose_name=_("condition"), max_length=16, choices=Condition.choices)
    body_type = models.CharField(verbose_name=_("body type"), max_length=16, choices=BodyType.choices, blank=True)
    fuel_type = models.CharField(verbose_name=_("fuel type"), max_length=16, choices=FuelType.choices, blank=True)
    transmission = models.CharField(
        verbose_name=_("transmission"), max_length=16, choices=Transmission.choices, blank=True
    )
    drive = models.CharField(verbose_name=_("drivetrain"), max_length=8, choices=Drive.choices, blank=True)
    exterior_color = models.CharField(verbose_name=_("exterior colour"), max_length=40, blank=True)
    price = models.DecimalField(verbose_name=_("price"), max_digits=14, decimal_places=2)
    currency = models.CharField(
        verbose_name=_("currency"), max_length=3, default="CAD", validators=[validate_currency_code]
    )
    price_cad = models.DecimalField(
        verbose_name=_("price in CAD"),
        max_digits=14,
        decimal_places=2,
        editable=False,
        help_text=_("The price in CAD, kept by the service."),
    )
    city = models.CharField(verbose_name=_("city"), max_length=80)
    province = models.CharField(verbose_name=_("province"), max_length=2, choices=Province.choices)
    description = models.TextField(verbose_name=_("description"), blank=True)
    status = models.CharField(
        verbose_name=_("status"), max_length=16, choices=VehicleStatus.choices, default=VehicleStatus.DRAFT
    )
    published_at = models.DateTimeField(
        verbose_name=_("published at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the listing first became available."),
    )
    # The gallery's summary on the listing's own row, kept by vehicles.photos: a catalogue page shows each
    # card's cover without reading the galleries (a subquery per card cost a third of the page).
    cover_photo = models.ForeignKey(
        "VehiclePhoto",
        verbose_name=_("cover photo"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The gallery's first photo."),
    )
    photo_count = models.PositiveIntegerField(verbose_name=_("photos"), default=0, editable=False)

    search_vector = models.GeneratedField(
        verbose_name=_("search vector"), expression=SEARCH_VECTOR, output_field=SearchVectorField(), db_persist=True
    )
    # "toyota camry": what fuzzy (trigram) matching, suggestions and autocomplete compare against.
    search_name = models.GeneratedField(
        verbose_name=_("search name"),
        expression=Lower(Concat("make", Value(" "), "model")),
        output_field=models.CharField(max_length=141),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")
        constraints = [
            models.UniqueConstraint(
                fields=["vin"],
                condition=Q(deleted_at__isnull=True) & ~Q(status__in=CLOSED_STATUSES),
                name="vehicles_vehicle_vin_live_unique",
                violation_error_message=_("A live listing with this VIN already exists."),
            ),
            models.CheckConstraint(condition=Q(price__gte=0), name="vehicles_vehicle_price_not_negative"),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="vehicles_search_vector_gin"),
            GinIndex(OpClass("search_name", name="gin_trgm_ops"), name="vehicles_search_name_trgm"),
            models.Index(Upper("make"), name="vehicles_make_upper"),
            models.Index(Upper("model"), name="vehicles_model_upper"),
            models.Index(fields=["status", "price_cad"], name="vehicles_status_price_cad"),
            models.Index(fields=["status", "year"], name="vehicles_status_year"),
            models.Index(fields=["status", "created_at"], name="vehicles_status_created"),
            models.Index(fields=["dealer", "status"], name="vehicles_dealer_status"),
            models.Index(fields=["search_name"], name="vehicles_search_name"),
        ]

    def __str__(self):
        return f"{self.year} {self.make} {self.model} ({self.vin})"


class VehicleName(models.Model):
    """Every make-and-model ever listed ("toyota camry"), a few hundred rows: fuzzy search matches the
    query against these first, then fetches the vehicles by name through a plain index, which is far
    cheaper than rechecking trigram candidates among every listing."""

    name = models.CharField(verbose_name=_("name"), max_length=141, unique=True)

    class Meta:
        verbose_name = _("vehicle name")
        verbose_name_plural = _("vehicle names")
        indexes = [GinIndex(OpClass("name", name="gin_trgm_ops"), name="vehicles_name_trgm")]

    def __str__(self):
        return self.name


def photo_upload_path(instance, filename):
    return f"vehicles/{instance.vehicle_id}/photos/{filename}"


class VehiclePhoto(TimeStampedModel):
    class Format(models.TextChoices):
        JPEG = "JPEG", _("JPEG")
        PNG = "PNG", _("PNG")
        WEBP = "WEBP", _("WebP")

    vehicle = models.ForeignKey(Vehicle, verbose_name=_("vehicle"), on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(verbose_name=_("image"), upload_to=photo_upload_path, max_length=255)
    thumbnail = models.FileField(verbose_name=_("thumbnail"), upload_to=photo_upload_path, max_length=255)
    image_format = models.CharField(verbose_name=_("image format"), max_length=4, choices=Format.choices)
    width = models.PositiveIntegerField(verbose_name=_("width"))
    height = models.PositiveIntegerField(verbose_name=_("height"))
    size_bytes = models.PositiveIntegerField(verbose_name=_("size (bytes)"))
    position = models.PositiveIntegerField(verbose_name=_("position"), default=0)

    class Meta:
        verbose_name = _("vehicle photo")
        verbose_name_plural = _("vehicle photos")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["vehicle", "position"], name="vehicles_photo_gallery")]

    def __str__(self):
        return f"Photo {self.position} of vehicle {self.vehicle_id}"


class VehiclePriceChange(models.Model):
    """One row per price a listing has had: the first with no old price, then one per change."""

    vehicle = models.ForeignKey(
        Vehicle, verbose_name=_("vehicle"), on_delete=models.CASCADE, related_name="price_changes"
    )
    old_price = models.DecimalField(verbose_name=_("old price"), max_digits=14, decimal_places=2, null=True, blank=True)
    old_currency = models.CharField(verbose_name=_("old currency"), max_length=3, blank=True)
    new_price = models.DecimalField(verbose_name=_("new price"), max_digits=14, decimal_places=2)
    new_currency = models.CharField(verbose_name=_("new currency"), max_length=3)
    old_price_cad = models.DecimalField(
        verbose_name=_("old price in CAD"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    new_price_cad = models.DecimalField(verbose_name=_("new price in CAD"), max_digits=14, decimal_places=2)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(verbose_name=_("changed at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("price change")
        verbose_name_plural = _("price changes")
        ordering = ["changed_at", "id"]

    def __str__(self):
        return f"{self.vehicle_id}: {self.old_price} {self.old_currency} -> {self.new_price} {self.new_currency}"

    @property
    def is_drop(self) -> bool:
        return self.old_price_cad is not None and self.new_price_cad < self.old_price_cad


class ViewHistory(models.Model):
    """A detail view of a listing, by a signed-in user or an anonymous session: input to recommendations."""

    vehicle = models.ForeignKey(Vehicle, verbose_name=_("vehicle"), on_delete=models.CASCADE, related_name="views")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True, on_delete=models.CASCADE
    )
    # Named for the sessions it once held; a visitor's id from its signed cookie now (vehicles.api.views).
    session_key = models.CharField(
        verbose_name=_("visitor"), max_length=40, blank=True, help_text=_("A visitor's id, when not signed in.")
    )
    viewed_at = models.DateTimeField(verbose_name=_("viewed at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("listing view")
        verbose_name_plural = _("view history")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(session_key=""), name="vehicles_view_has_a_viewer"
            )
        ]
        indexes = [
            models.Index(fields=["user", "-viewed_at"], name="vehicles_view_user"),
            models.Index(fields=["session_key", "-viewed_at"], name="vehicles_view_session"),
        ]

    def __str__(self):
        return f"{self.user_id or self.session_key} viewed {self.vehicle_id}"


class SavedSearch(TimeStampedModel):
    """A buyer's query (the vehicle list's query parameters), announced hourly when new listings match."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(verbose_name=_("name"), max_length=120)
    query_params = models.JSONField(verbose_name=_("query parameters"), default=dict)
    is_active = models.BooleanField(verbose_name=_("active"), default=True)
    last_announced_at = models.DateTimeField(verbose_name=_("last announced at"), null=True, blank=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.name


class SavedSearchMatch(models.Model):
    """A vehicle announced for a saved search; the unique pair makes each announcement happen once."""

    saved_search = models.ForeignKey(
        SavedSearch, verbose_name=_("saved search"), on_delete=models.CASCADE, related_name="matches"
    )
    vehicle = models.ForeignKey(Vehicle, verbose_name=_("vehicle"), on_delete=models.CASCADE, related_name="+")
    announced_at = models.DateTimeField(verbose_name=_("announced at"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved search match")
        verbose_name_plural = _("saved search matches")
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "vehicle"], name="vehicles_saved_search_match_once")
        ]

    def __str__(self):
        return f"{self.vehicle_id} for saved search {self.saved_search_id}"


class PriceAlert(TimeStampedModel):
    """A buyer watching a vehicle's price; told once per drop."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="price_alerts"
    )
    vehicle = models.ForeignKey(
        Vehicle, verbose_name=_("vehicle"), on_delete=models.CASCADE, related_name="price_alerts"
    )
    last_announced_change = models.ForeignKey(
        VehiclePriceChange,
        verbose_name=_("last announced price change"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("price alert")
        verbose_name_plural = _("price alerts")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["owner", "vehicle"], name="vehicles_price_alert_once")]

    def __str__(self):
        return f"{self.owner_id} watches {self.vehicle_id}"
