from django.shortcuts import get_object_or_404
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from shipments import selectors, services
from shipments.api import serializers
from shipments.models import Shipment, ShipmentStatus

CONFLICT = OpenApiResponse(
    description="The deal or shipment does not allow this (closed deal, active shipment, delivered)."
)


class ShipmentFilter(filters.FilterSet):
    deal = filters.NumberFilter(field_name="deal_id", min_value=1)
    status = filters.ChoiceFilter(choices=ShipmentStatus.choices)

    class Meta:
        model = Shipment
        fields = ["deal", "status"]


@extend_schema_view(
    list=extend_schema(description="Shipments of the deals the caller takes part in (staff: all)."),
    retrieve=extend_schema(description="One shipment with its timeline."),
)
class ShipmentViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """A deal's shipment: its dealer (or staff) books it and records its events; every party follows it."""

    queryset = Shipment.objects.none()  # for the schema; the real one is scoped to the caller
    filterset_class = ShipmentFilter
    ordering_fields = ["created_at", "eta"]
    ordering = ["-created_at", "-id"]
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        shipments = selectors.shipment_list_visible_to(user=self.request.user)
        if self.action == "retrieve":
            shipments = shipments.prefetch_related("events")
        return shipments

    def get_serializer_class(self):
        return serializers.ShipmentDetailSerializer if self.action == "retrieve" else serializers.ShipmentSerializer

    @extend_schema(
        request=serializers.ShipmentCreateSerializer,
        responses={201: serializers.ShipmentDetailSerializer, 409: CONFLICT},
    )
    def create(self, request, *args, **kwargs):
        """Book the shipment of a deal (its dealer, or staff): a container (ISO 6346 number) or RoRo,
        from a Canadian port to the deal's destination port."""
        booking = serializers.ShipmentCreateSerializer(data=request.data, context={"request": request})
        booking.is_valid(raise_exception=True)
        data = dict(booking.validated_data)
        shipment = services.shipment_create(deal=data.pop("deal"), user=request.user, **data)
        return Response(serializers.ShipmentDetailSerializer(shipment).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=serializers.ShipmentEventCreateSerializer,
        responses={201: serializers.ShipmentEventSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def events(self, request, pk=None):
        """Record a step (the deal's dealer, or staff). Events never go back: not to an earlier status,
        not to a time before the latest event. `delivered` moves an in-transit deal to delivered."""
        shipment = self.get_object()
        payload = serializers.ShipmentEventCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        event = services.shipment_record_event(shipment=shipment, user=request.user, **payload.validated_data)
        return Response(serializers.ShipmentEventSerializer(event).data, status=status.HTTP_201_CREATED)

    @extend_schema(filters=False, responses={200: serializers.TrackSerializer})
    @action(detail=True, methods=["get"], pagination_class=None)
    def track(self, request, pk=None):
        """The timeline and the ETA in the caller's time zone and language (ISO and in words)."""
        shipment = get_object_or_404(self.get_queryset(), pk=pk)
        return Response(
            serializers.TrackSerializer(selectors.shipment_track(shipment=shipment, user=request.user)).data
        )
