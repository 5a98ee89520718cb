from django.db import transaction
from django.utils.decorators import method_decorator
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from search_analytics.api.serializers import FoundChoice, SearchDemandQuerySerializer, SearchDemandSerializer
from search_analytics.selectors import MIN_DAYS, MIN_SEARCHES, UNKNOWN_COUNTRY, search_demand_top
from vehicles.api.permissions import IsDealerOrStaff


# Outside ATOMIC_REQUESTS: one read, no transaction to open and commit around it.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SearchDemandView(APIView):
    """Dealers and staff: what buyers search for, anonymized (buyers and brokers 403, visitors 401)."""

    permission_classes = [IsAuthenticated, IsDealerOrStaff]

    @extend_schema(
        operation_id="search_analytics_top",
        description=(
            "The searches buyers and visitors made in the catalogue over a period (default: the last 30 days), "
            "the most frequent first: the words (lowercased) and the filters, with how many times, how many "
            "found nothing and on how many days. Every dealer sees the same platform-wide demand: nothing here "
            "says who searched. A search is shown only when made at least `min_searches` times on at least "
            "`min_days` different days within the period and country asked for. `found=none`: the searches that "
            "found nothing, what buyers want and no listing offers. Kept 13 months."
        ),
        parameters=[SearchDemandQuerySerializer],
        responses={200: SearchDemandSerializer},
    )
    def get(self, request):
        params = SearchDemandQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        asked = params.validated_data
        country = asked.get("country")
        period = asked["period"]
        rows = search_demand_top(
            start=period.start,
            end=period.end,
            country=country,
            found_nothing_only=asked["found"] == FoundChoice.NONE,
            limit=asked["limit"],
        )
        answer = {
            "from": period.start,
            "to": period.end,
            "country": (country or UNKNOWN_COUNTRY) if country is not None else None,
            "found": asked["found"],
            "min_searches": MIN_SEARCHES,
            "min_days": MIN_DAYS,
            "results": rows,
        }
        return Response(SearchDemandSerializer(answer).data)
