"""Serializer building blocks shared by the apps' APIs."""

import copy

from rest_framework import serializers


def _field_copy(field: serializers.Field) -> serializers.Field:
    """A new, unbound field like `field`. A plain field is made again from the arguments it was made with,
    as DRF's own deepcopy of a field does, but without deep-copying those arguments (labels, choices,
    validators), which DRF's fields copy or never change; a field given as an argument (a ListField's
    `child`) is copied the same way, for binding sets its source; a nested serializer is deep-copied whole."""
    if isinstance(field, serializers.BaseSerializer):
        return copy.deepcopy(field)
    kwargs = {
        key: _field_copy(value) if isinstance(value, serializers.Field) else value
        for key, value in field._kwargs.items()
    }
    return field.__class__(*field._args, **kwargs)


class BuiltOnceModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer that reads its model once per class. DRF builds a ModelSerializer's fields from
    the model on every instantiation (field mapping, verbose names, validators): on a hot read like the
    catalogue's list that was a tenth of the request. The fields are built the first time and each
    instance gets copies; labels stay lazy translations, so one build serves every language."""

    _built_fields: dict[type, dict] = {}

    def get_fields(self):
        built = BuiltOnceModelSerializer._built_fields.get(type(self))
        if built is None:
            built = BuiltOnceModelSerializer._built_fields[type(self)] = super().get_fields()
        return {name: _field_copy(field) for name, field in built.items()}
