from django.utils.translation import gettext
from django_countries import countries
from rest_framework import serializers

from nzila_export.api.serializers import PeriodQuerySerializer
from search_analytics.selectors import UNKNOWN_COUNTRY

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class FoundChoice:
    ANY = "any"
    NONE = "none"
    CHOICES = (ANY, NONE)


class SearchDemandQuerySerializer(PeriodQuerySerializer):
    """The query parameters: a period, a country, `found`, `limit`."""

    country = serializers.CharField(
        required=False,
        max_length=7,
        help_text="The buyers' destination country, ISO 3166-1 alpha-2 (CI, SN, ...), or `unknown` for visitors "
        "and accounts without a country. Default: every country together.",
    )
    found = serializers.ChoiceField(
        choices=FoundChoice.CHOICES,
        default=FoundChoice.ANY,
        help_text="`none`: only the searches that found nothing (at least once), by how often they did.",
    )
    limit = serializers.IntegerField(
        min_value=1, max_value=MAX_LIMIT, default=DEFAULT_LIMIT, help_text="How many searches, the most frequent."
    )

    def validate_country(self, value: str) -> str:
        if value.lower() == UNKNOWN_COUNTRY:
            return ""
        code = value.upper()
        if code not in countries:
            raise serializers.ValidationError(
                gettext("%(value)s is not a country code; give ISO 3166-1 alpha-2 (CI, SN) or unknown.")
                % {"value": value}
            )
        return code


class SearchDemandRowSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="The words, lowercased; empty when the search was by filters alone.")
    filters = serializers.DictField(
        child=serializers.CharField(),
        help_text="The catalogue filters given with it, as the list takes them (make, model, body_type, ...).",
    )
    searches = serializers.IntegerField(help_text="How many times buyers made this search in the period.")
    found_nothing = serializers.IntegerField(help_text="How many of those found no listing.")
    days = serializers.IntegerField(help_text="On how many different days.")
    last_searched_on = serializers.DateField()


class SearchDemandSerializer(serializers.Serializer):
    to = serializers.DateField(help_text="The period's last day.")
    country = serializers.CharField(
        allow_null=True, help_text="The country asked for (`unknown`: visitors and accounts without one); null: all."
    )
    found = serializers.ChoiceField(choices=FoundChoice.CHOICES)
    min_searches = serializers.IntegerField(help_text="A search is shown only when made at least this many times ...")
    min_days = serializers.IntegerField(
        help_text="... on at least this many different days, in the period and country."
    )
    results = SearchDemandRowSerializer(many=True)

    def get_fields(self):
        return {"from": serializers.DateField(help_text="The period's first day."), **super().get_fields()}
