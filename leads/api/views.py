from django.db import transaction
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from leads import services
from leads.api import serializers
from leads.api.filters import LeadFilter
from leads.models import Lead
from leads.selectors import (
    lead_can_assign_broker,
    lead_can_work,
    lead_contact_list,
    lead_list_visible_to,
    similar_eligible_vehicles,
)


# Outside ATOMIC_REQUESTS: each write is its service's own transaction. An inquiry, the one write anyone on
# the Internet makes at volume, is then one transaction, without a savepoint inside the request's.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class LeadViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Buyer inquiries. Anyone (signed in or not) sends one; staff see every lead, a dealer the leads on
    its vehicles, a broker those assigned to it, a buyer its own. The dealer, the assigned broker and
    staff change the status and log contacts; the dealer and staff assign a broker."""

    queryset = Lead.objects.none()  # for the schema; the real one is scoped to the caller
    serializer_class = serializers.LeadSerializer
    filterset_class = LeadFilter
    ordering_fields = ["score", "created_at"]
    ordering = ["-created_at", "-id"]
    throttle_scope = "inquiries"  # per signed-in user, or per IP for visitors
    throttled_actions = {"create"}
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_permissions(self):
        if self.action == "create":
            return [AllowAny()]
        return [IsAuthenticated()]

    def get_queryset(self):
        return lead_list_visible_to(user=self.request.user)

    def _visible(self, lead: Lead) -> Lead:
        return self.get_queryset().get(pk=lead.pk)

    @extend_schema(request=serializers.LeadCreateSerializer, responses={201: serializers.LeadCreatedSerializer})
    def create(self, request, *args, **kwargs):
        """Send an inquiry about an available vehicle. A car the destination refuses is still taken;
        the answer gives the reasons and similar cars the destination admits."""
        serializer = serializers.LeadCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        lead = services.lead_create(**serializer.validated_data, submitted_by=request.user)
        lead.is_stalled = False
        lead.similar_eligible_vehicles = (
            similar_eligible_vehicles(vehicle=lead.vehicle, country=lead.destination_country)
            if lead.destination_allowed is False
            else []
        )
        return Response(
            serializers.LeadCreatedSerializer(lead, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        request=serializers.LeadStatusSerializer,
        responses={200: serializers.LeadSerializer, 409: OpenApiResponse(description="The status cannot change so.")},
    )
    def partial_update(self, request, *args, **kwargs):
        """Change the status (`lost` needs `lost_reason`). Allowed: new → contacted, qualified or lost;
        contacted → qualified, negotiating or lost; qualified → negotiating, converted or lost;
        negotiating → converted or lost. Converted and lost are final (409)."""
        lead = self.get_object()
        self._check_can_work(lead)
        serializer = serializers.LeadStatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        lead = services.lead_transition(lead=lead, user=request.user, **serializer.validated_data)
        return Response(serializers.LeadSerializer(self._visible(lead), context=self.get_serializer_context()).data)

    @extend_schema(methods=["GET"], request=None, responses={200: serializers.LeadContactSerializer(many=True)})
    @extend_schema(
        methods=["POST"],
        request=serializers.LeadContactSerializer,
        responses={201: serializers.LeadContactSerializer, 409: OpenApiResponse(description="The lead is closed.")},
    )
    @action(detail=True, methods=["get", "post"], url_path="contacts", filterset_class=None, pagination_class=None)
    def contacts(self, request, pk=None):
        """The contact log (newest first), or log a contact: it moves last_contacted_at, and the first
        contact on a new lead makes it contacted."""
        lead = self.get_object()
        self._check_can_work(lead)
        if request.method == "GET":
            return Response(serializers.LeadContactSerializer(lead_contact_list(lead=lead), many=True).data)
        serializer = serializers.LeadContactSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contact = services.lead_contact_log(lead=lead, user=request.user, **serializer.validated_data)
        return Response(serializers.LeadContactSerializer(contact).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=serializers.LeadBrokerAssignSerializer,
        responses={200: serializers.LeadSerializer, 409: OpenApiResponse(description="The lead is closed.")},
    )
    @action(detail=True, methods=["post"], url_path="assign-broker", filterset_class=None)
    def assign_broker(self, request, pk=None):
        """Assign a broker to the lead (`null` removes the assignment): the vehicle's dealer or staff."""
        lead = self.get_object()
        if not lead_can_assign_broker(lead=lead, user=request.user):
            raise PermissionDenied(gettext("Only the vehicle's dealer or staff assign a broker."))
        serializer = serializers.LeadBrokerAssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        lead = services.lead_assign_broker(lead=lead, broker=serializer.validated_data["broker"], user=request.user)
        return Response(serializers.LeadSerializer(self._visible(lead), context=self.get_serializer_context()).data)

    def _check_can_work(self, lead: Lead) -> None:
        if not lead_can_work(lead=lead, user=self.request.user):
            raise PermissionDenied(gettext("Only the vehicle's dealer, the assigned broker or staff work this lead."))
