from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from currencies.api.serializers import MoneyRepresentationMixin
from nzila_export.api.serializers import BuiltOnceModelSerializer, ReadPlanMixin
from vehicles.filters import PAGE_PARAMETERS, VehicleFilterSet
from vehicles.models import PriceAlert, SavedSearch, Vehicle, VehiclePhoto, VehiclePriceChange, VehicleStatus
from vehicles.pricing import listed_price_refusal, supported_currencies
from vehicles.validators import validate_vin

WRITABLE_FIELDS = [
    "make",
    "model",
    "trim",
    "year",
    "vin",
    "mileage_km",
    "condition",
    "body_type",
    "fuel_type",
    "transmission",
    "drive",
    "exterior_color",
    "price",
    "currency",
    "city",
    "province",
    "description",
    "status",
]
MIN_YEAR, MAX_YEAR = 1900, 2100
# Far above any car, and low enough that its CAD value fits the price columns in any listed currency.
MAX_PRICE = 100_000_000


class VehiclePhotoSerializer(BuiltOnceModelSerializer):
    class Meta:
        model = VehiclePhoto
        fields = ["id", "position", "image", "thumbnail", "image_format", "width", "height", "size_bytes", "created_at"]
        read_only_fields = fields


class DealerSummarySerializer(ReadPlanMixin, serializers.Serializer):
    """Read from the vehicle's own columns and annotations (vehicles.selectors.vehicle_for_cards)."""

    id = serializers.IntegerField(source="dealer_id", read_only=True)
    company_name = serializers.CharField(source="dealer_company_name", read_only=True)


class CoverPhotoSerializer(serializers.Serializer):
    image = serializers.URLField()
    thumbnail = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class AbsoluteFileUrls:
    """A stored file's URL, absolute when there is a request, for a whole page of files. On the local disk's
    storage a URL is the storage's base URL and the quoted name, so the absolute base is worked out once per
    storage (a page of cards has forty photo URLs); another storage (S3: signed, or on its own domain)
    answers each URL itself."""

    def __init__(self, request):
        self.request = request
        self._absolute_bases: dict = {}

    def __call__(self, storage, name: str) -> str:
        if self.request is None:
            return storage.url(name)
        if not isinstance(storage, FileSystemStorage):
            return self.request.build_absolute_uri(storage.url(name))
        base = self._absolute_bases.get(storage)
        if base is None:
            base = self._absolute_bases[storage] = self.request.build_absolute_uri(storage.base_url)
        return base + filepath_to_uri(name).lstrip("/")


class VehicleSerializer(MoneyRepresentationMixin, BuiltOnceModelSerializer):
    """A listing as everyone sees it; written by its dealer (never chooses the dealer)."""

    money_fields = {"price": "currency"}

    vin = serializers.CharField(max_length=17, help_text="17 characters; no I, O or Q; check digit verified.")
    year = serializers.IntegerField(min_value=MIN_YEAR, max_value=MAX_YEAR)
    price = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=0,
        max_value=MAX_PRICE,
        help_text="Positive, with no more decimals than the currency has (none in XOF and XAF).",
    )
    currency = serializers.ChoiceField(choices=[(code, code) for code in supported_currencies()], default="CAD")
    dealer = DealerSummarySerializer(source="*", read_only=True)
    cover_photo = serializers.SerializerMethodField(help_text="The gallery's first photo; null without photos.")
    photo_count = serializers.IntegerField(read_only=True)
    photos = VehiclePhotoSerializer(many=True, read_only=True)
    search_rank = serializers.FloatField(read_only=True, required=False, allow_null=True)

    class Meta:
        model = Vehicle
        fields = [
            "id",
            "dealer",
            *WRITABLE_FIELDS,
            "price_cad",
            "cover_photo",
            "photo_count",
            "photos",
            "search_rank",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "price_cad", "created_at", "updated_at"]

    @extend_schema_field(CoverPhotoSerializer(allow_null=True))
    def get_cover_photo(self, vehicle) -> dict | None:
        photo = vehicle.cover_photo
        if photo is None:
            return None
        return {
            "image": self._file_urls(photo.image.storage, photo.image.name),
            "thumbnail": self._file_urls(photo.thumbnail.storage, photo.thumbnail.name),
            "width": photo.width,
            "height": photo.height,
        }

    @cached_property
    def _file_urls(self) -> AbsoluteFileUrls:
        return AbsoluteFileUrls(self.context.get("request"))

    def validate_vin(self, value):
        value = value.strip().upper()
        try:
            validate_vin(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return value

    def validate(self, attrs):
        """The price against its currency, on an edit that changes either (a new currency, the stored price)."""
        if "price" in attrs or "currency" in attrs:
            price = attrs.get("price", getattr(self.instance, "price", None))
            currency = attrs.get("currency", getattr(self.instance, "currency", None))
            refusal = listed_price_refusal(price=price, currency=currency) if price is not None and currency else None
            if refusal:
                raise serializers.ValidationError({"price": [refusal]})
        return attrs

    def to_internal_value(self, data):
        if hasattr(data, "get") and isinstance(data.get("currency"), str):
            data = data.copy()
            data["currency"] = data["currency"].strip().upper()
        return super().to_internal_value(data)


class VehicleCardSerializer(VehicleSerializer):
    """A listing in the catalogue's pages: everything but the gallery, which its detail shows."""

    photos = None

    class Meta(VehicleSerializer.Meta):
        fields = [name for name in VehicleSerializer.Meta.fields if name != "photos"]


class VehiclePriceChangeSerializer(MoneyRepresentationMixin, serializers.ModelSerializer):
    """A price the dealer set, with the one it replaced (null on the first) and both in CAD."""

    money_fields = {"old_price": "old_currency", "new_price": "new_currency"}

    class Meta:
        model = VehiclePriceChange
        fields = [
            "id",
            "old_price",
            "old_currency",
            "new_price",
            "new_currency",
            "old_price_cad",
            "new_price_cad",
            "changed_at",
        ]
        read_only_fields = fields


class PhotoUploadSerializer(serializers.Serializer):
    image = serializers.FileField(help_text="JPEG, PNG or WebP (recognised by content), at most 10 MB.")


class PhotoReorderSerializer(serializers.Serializer):
    order = serializers.ListField(
        child=serializers.IntegerField(min_value=1), max_length=500, help_text="Every photo id, in the new order."
    )


class CsvImportSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV with a header row; see the export for the columns.")


class ImportRowReportSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="Line number in the file (the header is line 1).")
    vin = serializers.CharField()
    result = serializers.ChoiceField(choices=["created", "updated", "unchanged", "rejected"])
    vehicle = serializers.IntegerField(allow_null=True)
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class ImportReportSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    rejected = serializers.IntegerField()
    rows = ImportRowReportSerializer(many=True)


class ImportRejectedSerializer(serializers.Serializer):
    """The error format, with the per-row report: nothing was imported."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    fields = serializers.DictField(required=False)
    report = ImportReportSerializer(required=False)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.JSONField()
    count = serializers.IntegerField()
    make = serializers.CharField(required=False)


class PriceBandSerializer(serializers.Serializer):
    value = serializers.CharField()
    min = serializers.IntegerField(allow_null=True)
    max = serializers.IntegerField(allow_null=True)
    count = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    make = FacetValueSerializer(many=True)
    model = FacetValueSerializer(many=True)
    year = FacetValueSerializer(many=True)
    condition = FacetValueSerializer(many=True)
    body_type = FacetValueSerializer(many=True)
    fuel_type = FacetValueSerializer(many=True)
    price_cad = PriceBandSerializer(many=True)


class AutocompleteQuerySerializer(serializers.Serializer):
    q = serializers.CharField(max_length=100, help_text="What the user has typed so far.")


class SuggestionSerializer(serializers.Serializer):
    text = serializers.CharField()
    make = serializers.CharField()
    model = serializers.CharField(allow_blank=True)
    count = serializers.IntegerField()


class AutocompleteSerializer(serializers.Serializer):
    suggestions = SuggestionSerializer(many=True)


class SavedSearchSerializer(serializers.ModelSerializer):
    query_params = serializers.DictField(
        child=serializers.CharField(max_length=300, allow_blank=True),
        help_text='The vehicle list\'s query parameters, e.g. {"make": "Toyota,Honda", "price__lte": "20000"}.',
    )

    class Meta:
        model = SavedSearch
        fields = ["id", "name", "query_params", "is_active", "last_announced_at", "created_at"]
        read_only_fields = ["id", "last_announced_at", "created_at"]

    def validate_query_params(self, value):
        known = set(VehicleFilterSet.base_filters) - {"ordering"}
        unknown = sorted(set(value) - known - PAGE_PARAMETERS)
        if unknown:
            raise serializers.ValidationError(
                _("Unknown search parameter %(names)s; use %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(sorted(known))}
            )
        params = {key: item for key, item in value.items() if key in known}
        filterset = VehicleFilterSet(data=params, queryset=Vehicle.objects.none())
        if not filterset.is_valid():
            raise serializers.ValidationError(
                [f"{field}: {message}" for field, messages in filterset.errors.items() for message in messages]
            )
        if not params:
            raise serializers.ValidationError(_("Give at least one search parameter."))
        return params


class PriceAlertSerializer(serializers.ModelSerializer):
    vehicle = serializers.PrimaryKeyRelatedField(queryset=Vehicle.objects.filter(status=VehicleStatus.AVAILABLE))

    class Meta:
        model = PriceAlert
        fields = ["id", "vehicle", "created_at"]
        read_only_fields = ["id", "created_at"]
