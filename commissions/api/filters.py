import django_filters
from drf_spectacular.utils import extend_schema_field

from commissions.models import Commission, CommissionRole, CommissionStatus

MONTH_SCHEMA = {
    "type": "string",
    "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])$",
    "example": "2025-03",
    "description": "YYYY-MM: the commissions of deals completed in that month",
}


class CommissionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=CommissionStatus.choices)
    role = django_filters.ChoiceFilter(choices=CommissionRole.choices)
    deal = django_filters.NumberFilter(field_name="deal_id", min_value=1, max_value=2**63 - 1)
    broker = django_filters.NumberFilter(
        field_name="broker_id", min_value=1, max_value=2**63 - 1, help_text="For staff: one broker's commissions"
    )
    period_start = django_filters.DateFromToRangeFilter(
        help_text="period_start_after and period_start_before (YYYY-MM-DD), both days included: the first day of "
        "the plan period the deal completed in"
    )
    month = django_filters.DateFilter(method="filter_month", input_formats=["%Y-%m"])

    class Meta:
        model = Commission
        fields = ["status", "role", "deal", "broker", "period_start", "month"]

    @extend_schema_field(MONTH_SCHEMA)
    def filter_month(self, commissions, name, first_day):
        return commissions.filter(completed_on__year=first_day.year, completed_on__month=first_day.month)
