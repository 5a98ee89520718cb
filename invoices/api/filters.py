import django_filters

from invoices.models import Invoice, InvoiceKind, InvoiceStatus


class InvoiceFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=InvoiceStatus.choices)
    kind = django_filters.ChoiceFilter(choices=InvoiceKind.choices)
    deal = django_filters.NumberFilter(field_name="deal_id", min_value=1, max_value=2**63 - 1)
    issued_on = django_filters.DateFromToRangeFilter(
        help_text="issued_on_after and issued_on_before (YYYY-MM-DD), both days included"
    )

    class Meta:
        model = Invoice
        fields = ["status", "kind", "deal", "issued_on"]
