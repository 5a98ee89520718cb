import django_filters

from leads.models import Lead, LeadPriority, LeadSource, LeadStatus
from nzila_export.api.filters import StrictBooleanFilter


class LeadFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=LeadStatus.choices)
    priority = django_filters.ChoiceFilter(choices=LeadPriority.choices)
    source = django_filters.ChoiceFilter(choices=LeadSource.choices)
    vehicle = django_filters.NumberFilter(field_name="vehicle_id")
    is_stalled = StrictBooleanFilter(
        field_name="is_stalled", help_text="Open leads with no contact for 3 days (or never contacted and older)."
    )

    class Meta:
        model = Lead
        fields = ["status", "priority", "source", "vehicle", "is_stalled"]
