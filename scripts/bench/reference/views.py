from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.db.models import F, Q
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination

from scripts.bench.reference.models import Listing, Name


class ListingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Listing
        exclude = ["deleted_at", "search_vector", "search_name"]


class ReferencePagination(PageNumberPagination):
    page_size = 20


class ListingList(generics.ListAPIView):
    """Available listings, newest first, 20 a page; `?search=` runs the platform's search query (full text
    in three configurations, or a make-and-model name like the words, ranked by both), so that the two
    differ by what surrounds the query, not by the query."""

    serializer_class = ListingSerializer
    pagination_class = ReferencePagination

    def get_queryset(self):
        listings = Listing.objects.filter(status="available", deleted_at__isnull=True)
        text = " ".join(self.request.query_params.get("search", "").split())
        if not text:
            return listings.order_by("-created_at", "-id")
        query = SearchQuery(text, config="simple", search_type="websearch")
        for config in ("english", "french"):
            query |= SearchQuery(text, config=config, search_type="websearch")
        fuzzy = text.lower()
        names = Name.objects.filter(Q(name__trigram_similar=fuzzy) | Q(name__trigram_word_similar=fuzzy))
        match = Q(search_vector=query)
        names = list(names.order_by("name").values_list("name", flat=True)[:100])
        if names:
            match |= Q(search_name__in=names)
        return (
            listings.filter(match)
            .annotate(rank=SearchRank(F("search_vector"), query) + TrigramSimilarity("search_name", fuzzy))
            .order_by("-rank", "-id")
        )
