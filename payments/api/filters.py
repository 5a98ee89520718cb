import django_filters

from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentMethod, PaymentStatus


class PaymentFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=PaymentStatus.choices)
    method = django_filters.ChoiceFilter(choices=PaymentMethod.choices)
    deal = django_filters.NumberFilter(field_name="deal_id", min_value=1, max_value=2**63 - 1)

    class Meta:
        model = Payment
        fields = ["status", "method", "deal"]


class LedgerEntryFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=LedgerEntryKind.choices)
    deal = django_filters.NumberFilter(field_name="deal_id", min_value=1, max_value=2**63 - 1)
    payment = django_filters.NumberFilter(field_name="payment_id", min_value=1, max_value=2**63 - 1)

    class Meta:
        model = LedgerEntry
        fields = ["kind", "deal", "payment"]
