from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from deals import services
from deals.api import serializers
from deals.api.filters import DealFilter
from deals.models import Deal, DealStatus
from deals.selectors import deal_list_visible_to, deal_timeline
from leads.selectors import lead_list_visible_to

RESERVED = OpenApiResponse(description="The vehicle is reserved by another open deal, or no longer listed.")
NOT_A_MOVE = OpenApiResponse(description="The deal's status does not allow this move.")
NOT_HELD = OpenApiResponse(description="The deal is not held, or its status does not allow cancelling it.")
CONVERTED = OpenApiResponse(description="The lead was already converted into a deal, or its vehicle is reserved.")


class DealViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Deals the caller is part of (staff: all). Dealers open deals on their own vehicles, staff on
    any; every status change goes through `transition`."""

    permission_classes = [IsAuthenticated]
    serializer_class = serializers.DealSerializer
    queryset = Deal.objects.none()  # for the schema; the real one is scoped to the caller
    filterset_class = DealFilter
    ordering_fields = ["created_at", "status_changed_at", "agreed_price"]

    def get_queryset(self):
        return deal_list_visible_to(user=self.request.user)

    @extend_schema(request=serializers.DealCreateSerializer, responses={201: serializers.DealSerializer, 409: RESERVED})
    def create(self, request):
        terms = serializers.DealCreateSerializer(data=request.data)
        terms.is_valid(raise_exception=True)
        data = dict(terms.validated_data)
        vehicle = data.pop("vehicle")
        if not (request.user.is_platform_staff or vehicle.dealer_id == request.user.pk):
            raise PermissionDenied(gettext("Dealers open deals on their own vehicles only."))
        deal = services.deal_create(vehicle=vehicle, created_by=request.user, **data)
        return Response(self._fresh(deal), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=serializers.DealTransitionSerializer, responses={200: serializers.DealSerializer, 409: NOT_A_MOVE}
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        move = serializers.DealTransitionSerializer(data=request.data)
        move.is_valid(raise_exception=True)
        deal = services.deal_transition(deal=self.get_object(), actor=request.user, **move.validated_data)
        return Response(self._fresh(deal))

    @extend_schema(responses=serializers.DealEventSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def timeline(self, request, pk=None):
        return Response(serializers.DealEventSerializer(deal_timeline(deal=self.get_object()), many=True).data)

    @extend_schema(request=serializers.DealReviewSerializer, responses={200: serializers.DealSerializer, 409: NOT_HELD})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Staff only: release a deal held for review, or cancel it."""
        if not request.user.is_platform_staff:
            raise PermissionDenied(gettext("Only staff review held deals."))
        review = serializers.DealReviewSerializer(data=request.data)
        review.is_valid(raise_exception=True)
        deal, note = self.get_object(), review.validated_data["note"]
        if review.validated_data["decision"] == "release":
            deal = services.deal_release_hold(deal=deal, reviewer=request.user, note=note)
        else:
            deal = services.deal_transition(deal=deal, to=DealStatus.CANCELLED, actor=request.user, reason=note)
        return Response(self._fresh(deal))

    def _fresh(self, deal: Deal) -> dict:
        return self.get_serializer(deal_list_visible_to(user=self.request.user).get(pk=deal.pk)).data


class LeadConvertView(APIView):
    """Turn a lead into a deal: the dealer of its vehicle (or staff) sets the terms."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=serializers.DealTermsSerializer, responses={201: serializers.DealSerializer, 409: CONVERTED})
    def post(self, request, pk: int):
        lead = get_object_or_404(lead_list_visible_to(user=request.user), pk=pk)
        if not (request.user.is_platform_staff or lead.dealer_id == request.user.pk):
            raise PermissionDenied(gettext("Only the dealer of the vehicle or staff convert a lead."))
        terms = serializers.DealTermsSerializer(data=request.data)
        terms.is_valid(raise_exception=True)
        deal = services.deal_create_from_lead(lead=lead, created_by=request.user, **terms.validated_data)
        body = serializers.DealSerializer(deal_list_visible_to(user=request.user).get(pk=deal.pk)).data
        return Response(body, status=status.HTTP_201_CREATED)
