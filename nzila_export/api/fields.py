from django_countries.serializer_fields import CountryField
from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from nzila_export.stored_text import stored_text_read


class StoredTextField(serializers.CharField):
    """A text the platform wrote into the row (nzila_export.stored_text), in the reader's language."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return stored_text_read(value)


class CountryCodeField(CountryField):
    """A country given by its ISO 3166-1 alpha-2 code (or its name), as a string. django-countries' field looks
    up whatever it is given: `{}`, `[]`, `0` or `false` came out as no country at all, and the row was written
    with an empty one; a string is the only input the schema describes."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


class CountryCodeFieldMixin(CountryFieldMixin):
    """django-countries' ModelSerializer mixin, its country fields read by CountryCodeField."""

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        return (CountryCodeField if field_class is CountryField else field_class), field_kwargs
