"""Sparse fieldsets: `?fields=id,make,price_cad` answers with only those fields, so that a phone on a slow
network downloads what it shows. For a view's reads (`sparse_fieldset_actions`); a name the serializer
does not have is a 400 that lists the ones it has."""

import functools

from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.serializers import ListSerializer

FIELDS_PARAMETER = "fields"
FIELDS_SCHEMA_PARAMETER = OpenApiParameter(
    FIELDS_PARAMETER,
    OpenApiTypes.STR,
    description="Only these fields in each object, comma-separated (e.g. id,make,model,price_cad).",
)


@functools.cache
def _field_names(serializer_class) -> list[str]:
    """A serializer's field names, once per class (a ModelSerializer builds its fields to know them)."""
    return list(serializer_class().fields)


class SparseFieldsetMixin:
    sparse_fieldset_actions = ("list", "retrieve")

    def requested_fields(self) -> list[str] | None:
        """The fields the caller asked for, or None for all of them."""
        raw = self.request.query_params.get(FIELDS_PARAMETER) if self.request else None
        if raw is None or self.action not in self.sparse_fieldset_actions:
            return None
        names = list(dict.fromkeys(name.strip() for name in raw.split(",") if name.strip()))
        known = _field_names(self.get_serializer_class())
        unknown = [name for name in names if name not in known]
        if unknown or not names:
            message = gettext("Unknown field %(unknown)s; choose among %(known)s.") % {
                "unknown": ", ".join(unknown) or '""',
                "known": ", ".join(known),
            }
            raise ValidationError({FIELDS_PARAMETER: [message]})
        return names

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        names = self.requested_fields()
        if names is not None:
            target = serializer.child if isinstance(serializer, ListSerializer) else serializer
            for name in set(target.fields) - set(names):
                target.fields.pop(name)
        return serializer
