from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ml.api.serializers import PriceGuidanceSerializer
from ml.price_guidance.engine import PricePredictionEngine
from plans.api.permissions import HasPlanFeature
from plans.models import PlanFeature
from vehicles.selectors import vehicle_list_visible_to


# Outside ATOMIC_REQUESTS: it only reads, so no transaction to open and commit around its five queries.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PriceGuidanceView(GenericAPIView):
    """The listing's dealer and staff: what the car would sell for. Others who may see the listing get a 403,
    those who may not a 404 (as for any listing they cannot see), visitors a 401; a dealer whose plan does not
    include price guidance a 402."""

    permission_classes = [IsAuthenticated, HasPlanFeature(PlanFeature.PRICE_GUIDANCE)]
    serializer_class = PriceGuidanceSerializer
    pagination_class = None
    filter_backends = []

    @extend_schema(
        operation_id="vehicles_price_guidance",
        description=(
            "Price guidance for one listing, for its dealer and staff: the suggested price in CAD and a range "
            "meant to hold 80 % of such cars' prices, from the active learned model (with the factors that move "
            "this car's price most against its comparables) or, when none is active, from the median of its "
            "comparables (the same make and model within one model year; 10th to 90th percentile as the range). "
            "With the demand for listings of the same make and model over the last 90 days (views and inquiries "
            "per listing) and up to 5 similar cars that sold, with their days to sell. 403 for a caller who may "
            "see the listing but is not its dealer, 404 for one who may not see it; 402 for a dealer whose plan does "
            "not include price guidance."
        ),
        responses={
            200: PriceGuidanceSerializer,
            402: OpenApiResponse(description="The dealer's plan does not include price guidance."),
        },
    )
    def get(self, request, vehicle_id: int):
        vehicle = get_object_or_404(vehicle_list_visible_to(user=request.user), pk=vehicle_id)
        if not (request.user.is_platform_staff or vehicle.dealer_id == request.user.pk):
            raise PermissionDenied(gettext("Only the listing's dealer and staff see its price guidance."))
        guidance = PricePredictionEngine().suggest_price(vehicle)
        return Response(self.get_serializer(guidance).data)
