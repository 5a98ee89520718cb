from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from recommendations.api.serializers import ScoredVehicleSerializer
from recommendations.cache import recommendations_cache_key, recommendations_cached
from recommendations.selectors import recommendations_for, similar_listings_to
from vehicles.api.caching import CataloguePageCacheMixin
from vehicles.api.permissions import IsBuyer
from vehicles.cache import CATALOGUE
from vehicles.selectors import vehicle_list_visible_to


class IsBuyerForRecommendations(IsBuyer):
    message = _("Only buyers get recommendations.")


# Outside ATOMIC_REQUESTS, as the catalogue's reads: a cached answer then opens no transaction.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SimilarListingsView(CataloguePageCacheMixin, GenericAPIView):
    """Anyone who may see the listing: the available listings most like it. Visitors, buyers and brokers
    share cached pages under the public catalogue's version (vehicles.api.caching)."""

    permission_classes = [AllowAny]
    serializer_class = ScoredVehicleSerializer
    pagination_class = None
    filter_backends = []

    @extend_schema(
        operation_id="vehicles_similar",
        description=(
            "The 10 available listings most like this one, best first: same or near make and model, body type, "
            "year, price (CAD) and mileage, each with its `reason` and `score` (0 to 1). Not paginated: a top 10. "
            "404 when the caller may not see the listing."
        ),
        responses={200: ScoredVehicleSerializer(many=True)},
    )
    def get(self, request, vehicle_id: int):
        # The cached page's key names the action and the query string, not the path: the listing goes in the action.
        self.action = f"similar-{vehicle_id}"

        def similar() -> Response:
            vehicle = get_object_or_404(vehicle_list_visible_to(user=request.user), pk=vehicle_id)
            listings = similar_listings_to(vehicle=vehicle, user=request.user)
            return Response(self.get_serializer(listings, many=True).data)

        return self.cached_page(request, scope=CATALOGUE, compute=similar)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class RecommendationsView(GenericAPIView):
    """Buyers only: listings for the signed-in buyer, cached per buyer (recommendations.cache)."""

    permission_classes = [IsBuyerForRecommendations]
    serializer_class = ScoredVehicleSerializer
    pagination_class = None
    filter_backends = []

    @extend_schema(
        operation_id="recommendations_list",
        description=(
            "The signed-in buyer's 10 recommended listings, best first: like the listings the buyer viewed or "
            "asked about lately (content-based), viewed by the buyers who viewed those (collaborative), and "
            "popular with buyers of the buyer's country when there is little to go on. Only available listings "
            "that the buyer's country admits and that the buyer has not asked about. Each has its `reason` and "
            "`score` (0 to 1). Not paginated: a top 10. Buyers only."
        ),
        responses={200: ScoredVehicleSerializer(many=True)},
    )
    def get(self, request):
        key = recommendations_cache_key(buyer=request.user, language=get_language(), host=request.get_host())

        def recommendations() -> list:
            listings = recommendations_for(buyer=request.user)
            return list(self.get_serializer(listings, many=True).data)

        items, hit = recommendations_cached(key=key, compute=recommendations)
        return Response(items, headers={"X-Cache": "hit" if hit else "miss"})
