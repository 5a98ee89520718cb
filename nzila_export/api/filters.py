"""Filters the API's lists share."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import BooleanField


class _RawNullBooleanSelect(forms.NullBooleanSelect):
    """Hands the field the value as sent: Django's widget turns anything it does not know into "unknown",
    which its field reads as no filter at all."""

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class StrictBooleanField(forms.NullBooleanField):
    """A boolean as the API reads one in a body (DRF's spellings: true, false, 1, 0, yes, no ...); absent
    or empty is no filter, and anything else a 400 naming the filter, like every other filter's bad value."""

    widget = _RawNullBooleanSelect
    default_error_messages = {"invalid": _("Must be a valid boolean.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            value = value.lower()
        if value in BooleanField.TRUE_VALUES:
            return True
        if value in BooleanField.FALSE_VALUES:
            return False
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField
