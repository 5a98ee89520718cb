import factory
from django.utils import timezone

from search_analytics.models import SearchDay


class SearchDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SearchDay

    day = factory.LazyFunction(timezone.localdate)
    country = "CI"
    query = "toyota hilux"
    filters = factory.LazyFunction(dict)
    search_count = 1
    found_nothing_count = 0
