from django.db import transaction
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from nzila_export.api.pagination import PageOrCursorPagination
from nzila_export.api.sparse_fieldsets import FIELDS_SCHEMA_PARAMETER, SparseFieldsetMixin
from nzila_export.exceptions import DomainError
from vehicles import photos, selectors, services
from vehicles.api import serializers as vehicle_serializers
from vehicles.api.caching import CataloguePageCacheMixin
from vehicles.api.cards import card_rows, vehicle_cards
from vehicles.api.csv_io import CsvFileError, export_lines, import_plan_build
from vehicles.api.permissions import IsBuyer, IsDealer, IsDealerOrStaff, ReadAnyoneWriteDealerOrStaff
from vehicles.api.visitors import visitor_id
from vehicles.cache import CATALOGUE, scope_for_listing
from vehicles.filters import VehicleFilterSet
from vehicles.hooks import FEATURE_USING
from vehicles.models import PriceAlert, SavedSearch, Vehicle, VehiclePhoto, VehicleStatus
from vehicles.search import vehicle_autocomplete, vehicle_did_you_mean
from vehicles.search_reports import catalogue_search_report
from vehicles.view_buffer import view_buffer

WRITE_ACTIONS = {"update", "partial_update", "destroy"}

# The refusals of a listing's writes besides a 400 (services.VinAlreadyListed, VehicleStatusFollowsDeal,
# currencies' ExchangeRateUnavailable, plans' listing limit through LISTING_PUBLISHING).
OVER_PLAN_LIMIT = OpenApiResponse(
    description="`plan_limit_reached`: the listing would pass the dealer plan's limit of listings on the market."
)
VIN_TAKEN = OpenApiResponse(description="`vin_already_listed`: another live listing has this VIN.")
VIN_TAKEN_OR_FOLLOWS_DEAL = OpenApiResponse(
    description="`vin_already_listed`: another live listing has this VIN; or `vehicle_status_follows_deal`: "
    "reserved and sold follow the vehicle's deal, so an edit moves no listing into or out of them."
)
NO_RATE = OpenApiResponse(
    description="`exchange_rate_unavailable`: no exchange rate for the price's currency, so the listing cannot "
    "be valued in CAD."
)
EDIT_RESPONSES = {
    200: vehicle_serializers.VehicleSerializer,
    402: OVER_PLAN_LIMIT,
    409: VIN_TAKEN_OR_FOLLOWS_DEAL,
    422: NO_RATE,
}
HAS_OPEN_DEAL = OpenApiResponse(
    description="`vehicle_status_follows_deal`: the vehicle is reserved by an open deal; cancel the deal first."
)


class VehiclePagination(PageOrCursorPagination):
    """Numbered or keyset pages, plus `did_you_mean`, which the view fills when a search found nothing."""

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["did_you_mean"] = None
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["did_you_mean"] = {
            "type": "string",
            "nullable": True,
            "description": "When a search found nothing: the search with its words corrected, e.g. Toyota Camry.",
        }
        return schema


@extend_schema_view(
    list=extend_schema(
        description="Available vehicles (a dealer also sees its own, staff all), filtered and searched. "
        "Numbered pages to result 10,000; `cursor` walks any depth. Visitors, buyers and brokers get cached "
        "pages with ETag and Last-Modified (a conditional request may answer 304).",
        parameters=[FIELDS_SCHEMA_PARAMETER],
    ),
    retrieve=extend_schema(parameters=[FIELDS_SCHEMA_PARAMETER]),
    create=extend_schema(
        description="List a vehicle (dealers). The dealer is the caller.",
        responses={
            201: vehicle_serializers.VehicleSerializer,
            402: OVER_PLAN_LIMIT,
            409: VIN_TAKEN,
            422: NO_RATE,
        },
    ),
    update=extend_schema(responses=EDIT_RESPONSES),
    partial_update=extend_schema(responses=EDIT_RESPONSES),
    destroy=extend_schema(description="Soft delete.", responses={204: None, 409: HAS_OPEN_DEAL}),
)
# Outside ATOMIC_REQUESTS: a cached page then touches no database at all (not even to open a transaction),
# and each write is already its service's own transaction.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class VehicleViewSet(CataloguePageCacheMixin, SparseFieldsetMixin, viewsets.ModelViewSet):
    """Listings: anyone reads available ones; a dealer creates and edits its own; staff edit all. The public
    catalogue's reads come from the page cache (vehicles.api.caching)."""

    permission_classes = [ReadAnyoneWriteDealerOrStaff]
    serializer_class = vehicle_serializers.VehicleSerializer
    queryset = Vehicle.objects.none()  # for the schema; the real one is scoped to the caller
    pagination_class = VehiclePagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = VehicleFilterSet
    lookup_value_regex = r"\d+"
    throttle_scope = "uploads"
    throttled_actions = {"import_csv"}

    def get_queryset(self):
        user = self.request.user
        if self.action in WRITE_ACTIONS:
            vehicles = selectors.vehicle_list_editable_by(user=user)
        else:
            vehicles = selectors.vehicle_list_visible_to(user=user)
        vehicles = vehicles.order_by("-created_at", "-id")
        if self.action == "list":
            return vehicles  # the cards are written from the page's ids (vehicles.api.cards)
        return selectors.vehicle_with_gallery(vehicles)

    def get_serializer_class(self):
        if self.action == "list":
            return vehicle_serializers.VehicleCardSerializer
        return super().get_serializer_class()

    def list(self, request, *args, **kwargs):
        return self.cached_page(
            request,
            scope=CATALOGUE,
            compute=lambda: self._list_page(request, *args, **kwargs),
            answered=lambda result_count: catalogue_search_report(
                params=request.query_params, user=request.user, result_count=result_count
            ),
        )

    def _list_page(self, request, *args, **kwargs):
        fields = self.requested_fields()
        rows = self.paginate_queryset(card_rows(self.filter_queryset(self.get_queryset())))
        response = self.get_paginated_response(vehicle_cards(rows, request=request, fields=fields))
        search = request.query_params.get("search", "").strip()
        if search and not response.data["results"]:
            response.data["did_you_mean"] = vehicle_did_you_mean(
                queryset=selectors.vehicle_list_visible_to(user=request.user), text=search
            )
        return response

    def retrieve(self, request, *args, **kwargs):
        vehicle_id = int(kwargs["pk"])
        response = self.cached_page(
            request,
            scope=scope_for_listing(vehicle_id),
            compute=lambda: Response(self.get_serializer(self.get_object()).data),
        )
        self._view_record(request, response, vehicle_id=vehicle_id)  # a 304 is a view too
        return response

    @staticmethod
    def _view_record(request, response, *, vehicle_id: int) -> None:
        """A signed-in user's view by its account; a visitor's by the id in its cookie (given here if new)."""
        if request.user.is_authenticated:
            view_buffer(vehicle_id=vehicle_id, user_id=request.user.pk, visitor="")
        else:
            view_buffer(vehicle_id=vehicle_id, user_id=None, visitor=visitor_id(request, response))

    def perform_create(self, serializer):
        vehicle = services.vehicle_create(dealer=self.request.user, data=serializer.validated_data)
        serializer.instance = self._as_shown(vehicle)

    def perform_update(self, serializer):
        vehicle = services.vehicle_update(
            vehicle=serializer.instance, data=serializer.validated_data, user=self.request.user
        )
        serializer.instance = self._as_shown(vehicle)

    @staticmethod
    def _as_shown(vehicle: Vehicle) -> Vehicle:
        """The written listing read back with what its page shows (dealer's name, cover, gallery)."""
        return selectors.vehicle_with_gallery(Vehicle.objects.filter(pk=vehicle.pk)).get()

    def perform_destroy(self, instance):
        services.vehicle_delete(vehicle=instance, user=self.request.user)

    @extend_schema(
        filters=False, responses={200: vehicle_serializers.VehiclePriceChangeSerializer(many=True)}, parameters=[]
    )
    @action(detail=True, methods=["get"], url_path="price-history", pagination_class=None)
    def price_history(self, request, pk=None):
        """Every price the listing has had, oldest first."""

        def history() -> Response:
            changes = selectors.vehicle_price_history(vehicle=self.get_object())
            return Response(vehicle_serializers.VehiclePriceChangeSerializer(changes, many=True).data)

        return self.cached_page(request, scope=scope_for_listing(int(pk)), compute=history)

    @extend_schema(filters=True, responses={200: vehicle_serializers.FacetsSerializer})
    @action(detail=False, methods=["get"], pagination_class=None)
    def facets(self, request):
        """Counts per make, model, year, condition, body type, fuel type and CAD price band, under
        the same filters as the list; each facet ignores its own filter."""

        def facets() -> Response:
            visible = selectors.vehicle_list_visible_to(user=request.user)
            filterset = VehicleFilterSet(data=request.query_params, queryset=visible, request=request)
            if not filterset.is_valid():
                raise translate_validation(filterset.errors)
            return Response(selectors.vehicle_facets(params=filterset.form.data, queryset=visible))

        return self.cached_page(request, scope=CATALOGUE, compute=facets)

    @extend_schema(
        filters=False,
        parameters=[vehicle_serializers.AutocompleteQuerySerializer],
        responses={200: vehicle_serializers.AutocompleteSerializer},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def autocomplete(self, request):
        """Makes and models beginning with what the user typed, most listed first."""

        def suggestions() -> Response:
            query = vehicle_serializers.AutocompleteQuerySerializer(data=request.query_params)
            query.is_valid(raise_exception=True)
            visible = selectors.vehicle_list_visible_to(user=request.user).filter(status=VehicleStatus.AVAILABLE)
            return Response({"suggestions": vehicle_autocomplete(queryset=visible, text=query.validated_data["q"])})

        return self.cached_page(request, scope=CATALOGUE, compute=suggestions)

    @extend_schema(
        filters=False,
        request={"multipart/form-data": vehicle_serializers.CsvImportSerializer},
        responses={
            200: vehicle_serializers.ImportReportSerializer,
            400: OpenApiResponse(
                vehicle_serializers.ImportRejectedSerializer,
                description="A bad file or a rejected row: nothing was imported; `report` says why, row by row.",
            ),
            402: OpenApiResponse(
                description="The dealer's plan does not include CSV import, or the listings would pass its limit."
            ),
        },
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        permission_classes=[IsDealer],
        parser_classes=[MultiPartParser, FormParser],
        pagination_class=None,
    )
    def import_csv(self, request):
        """Create or update (by VIN) the dealer's vehicles from a CSV file, all or nothing."""
        FEATURE_USING.announce(user=request.user, feature="csv_import")  # plans: 402 if the plan lacks it
        upload = vehicle_serializers.CsvImportSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        try:
            plan = import_plan_build(upload=upload.validated_data["file"], dealer=request.user)
        except CsvFileError as error:
            raise ValidationError({"file": [str(error)]}) from error
        if plan.rejected:
            message = gettext("%(rejected)s of %(total)s rows were rejected; nothing was imported.") % {
                "rejected": plan.rejected,
                "total": len(plan.report_rows),
            }
            raise DomainError(message, field="file", code="import_rejected", report=plan.report())
        vehicles = services.vehicle_import(dealer=request.user, rows=plan.rows)
        for report, vehicle in zip(plan.written_reports, vehicles, strict=True):
            report["vehicle"] = vehicle.pk
        return Response(plan.report())

    @extend_schema(filters=False, responses={(200, "text/csv"): OpenApiTypes.STR})
    @action(detail=False, methods=["get"], permission_classes=[IsDealer], pagination_class=None)
    def export(self, request):
        """The dealer's own live inventory as CSV, in the columns an import reads."""
        vehicles = Vehicle.objects.filter(dealer=request.user).order_by("id")
        services.vehicle_export_record(dealer=request.user, rows=vehicles.count())
        response = StreamingHttpResponse(export_lines(vehicles=vehicles), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="inventory.csv"'
        return response


@extend_schema_view(
    create=extend_schema(
        request={"multipart/form-data": vehicle_serializers.PhotoUploadSerializer},
        responses={201: vehicle_serializers.VehiclePhotoSerializer},
    ),
)
class VehiclePhotoViewSet(
    mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet
):
    """A vehicle's ordered gallery: anyone who sees the vehicle sees its photos; its dealer (or staff)
    adds, removes and reorders them."""

    serializer_class = vehicle_serializers.VehiclePhotoSerializer
    queryset = VehiclePhoto.objects.none()
    pagination_class = None
    filter_backends = []
    parser_classes = [MultiPartParser, FormParser]
    lookup_value_regex = r"\d+"
    throttle_scope = "uploads"
    throttled_actions = {"create"}

    def get_permissions(self):
        if self.action == "list":
            return [AllowAny()]
        return [IsAuthenticated(), IsDealerOrStaff()]

    def get_vehicle(self) -> Vehicle:
        user = self.request.user
        if self.action == "list":
            vehicles = selectors.vehicle_list_visible_to(user=user)
        else:
            vehicles = selectors.vehicle_list_editable_by(user=user)
        return get_object_or_404(vehicles, pk=self.kwargs["vehicle_id"])

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return VehiclePhoto.objects.none()
        return self.get_vehicle().photos.order_by("position", "id")

    def create(self, request, *args, **kwargs):
        vehicle = self.get_vehicle()
        upload = vehicle_serializers.PhotoUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        image = upload.validated_data["image"]
        if image.size > photos.MAX_PHOTO_BYTES:
            raise ValidationError({"image": [photos.photo_too_large_message(size_bytes=image.size)]})
        photo = photos.vehicle_photo_add(vehicle=vehicle, content=image.read(), user=request.user)
        return Response(self.get_serializer(photo).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        photos.vehicle_photo_delete(photo=instance, user=self.request.user)

    @extend_schema(
        request=vehicle_serializers.PhotoReorderSerializer,
        responses={200: vehicle_serializers.VehiclePhotoSerializer(many=True)},
    )
    @action(detail=False, methods=["post"], parser_classes=[JSONParser])
    def reorder(self, request, *args, **kwargs):
        """Put the gallery in the given order (every photo id once)."""
        vehicle = self.get_vehicle()
        body = vehicle_serializers.PhotoReorderSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        ordered = photos.vehicle_photos_reorder(
            vehicle=vehicle, photo_ids=body.validated_data["order"], user=request.user
        )
        return Response(self.get_serializer(ordered, many=True).data)


class SavedSearchViewSet(viewsets.ModelViewSet):
    """A buyer's saved searches, announced hourly when new listings match."""

    permission_classes = [IsBuyer]
    serializer_class = vehicle_serializers.SavedSearchSerializer
    queryset = SavedSearch.objects.none()
    filter_backends = []
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return selectors.saved_search_list_for(user=self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.saved_search_create(owner=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.saved_search_update(
            saved_search=serializer.instance, data=serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.saved_search_delete(saved_search=instance)


class PriceAlertViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Vehicles a buyer watches: told when the price drops."""

    permission_classes = [IsBuyer]
    serializer_class = vehicle_serializers.PriceAlertSerializer
    queryset = PriceAlert.objects.none()
    filter_backends = []
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return selectors.price_alert_list_for(user=self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.price_alert_create(
            owner=self.request.user, vehicle=serializer.validated_data["vehicle"]
        )

    def perform_destroy(self, instance):
        services.price_alert_delete(alert=instance)
