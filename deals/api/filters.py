import django_filters

from deals.models import Deal
from nzila_export.api.filters import StrictBooleanFilter


class DealFilter(django_filters.FilterSet):
    is_on_hold = StrictBooleanFilter(field_name="is_on_hold", help_text="Deals held for staff review.")
    is_stalled = StrictBooleanFilter(
        field_name="is_stalled", help_text="Deals that have not moved for their status's allowed days."
    )

    class Meta:
        model = Deal
        fields = ["status", "is_on_hold", "risk_level", "destination_country", "vehicle", "is_stalled"]
