from datetime import date

import django_filters
from django import forms
from django.utils.translation import gettext

from audit.models import AuditLog
from nzila_export.periods import day_start


class AuditLogFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("object_id") and not data.get("model_name"):
            self.add_error("object_id", gettext("Give model_name with object_id: an object id alone names nothing."))
        return data


class AuditLogFilter(django_filters.FilterSet):
    """Each filter, alone or with the date range, is answered from its own index."""

    user = django_filters.NumberFilter(field_name="user_id", min_value=1, max_value=2**63 - 1, help_text="A user's id")
    action = django_filters.CharFilter(help_text="Exactly, e.g. deal.transition")
    model_name = django_filters.CharFilter(help_text="app_label.Model, e.g. deals.Deal")
    object_id = django_filters.CharFilter(help_text="The object's id; with model_name")
    since = django_filters.DateFilter(method="filter_since", help_text="YYYY-MM-DD, Toronto time: from that day on")
    until = django_filters.DateFilter(method="filter_until", help_text="YYYY-MM-DD, Toronto time: to that day included")

    class Meta:
        model = AuditLog
        fields = ["user", "action", "model_name", "object_id", "since", "until"]
        form = AuditLogFilterForm

    def filter_since(self, entries, name, day):
        return entries.filter(timestamp__gte=day_start(day))

    def filter_until(self, entries, name, day):
        if day == date.max:  # no day after the calendar's last to stop before: every entry is until then
            return entries
        return entries.filter(timestamp__lt=day_start(day, days_later=1))
