"""Serializer building blocks shared by the apps' APIs."""

import copy
import operator
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject

from nzila_export.periods import Period


def _field_copy(field: serializers.Field) -> serializers.Field:
    """A new, unbound field like `field`. DRF's deepcopy of a field makes it again from its arguments, and
    a ChoiceField then lays out its choices anew (a country field: 250 of them, on every request). A plain
    field is copied attribute by attribute instead: DRF never changes its choices, labels or validators,
    and the validators and error messages, which a caller could change, are copied. A nested serializer is
    deep-copied whole, and a field made with another field (a ListField's `child`) is made again."""
    if isinstance(field, serializers.BaseSerializer):
        return copy.deepcopy(field)
    if any(isinstance(value, serializers.Field) for value in field._kwargs.values()):
        return _field_made_again(field)
    clone = copy.copy(field)
    clone.error_messages = dict(field.error_messages)
    if "_validators" in field.__dict__:
        clone._validators = list(field._validators)
    return clone


def _field_made_again(field: serializers.Field) -> serializers.Field:
    """`field` made again from the arguments it was made with, as DRF's own deepcopy of a field does, but
    without deep-copying those arguments; a field among them (a `child`, which binding gave a source) is
    made again the same way."""
    kwargs = {
        key: _field_made_again(value) if isinstance(value, serializers.Field) else value
        for key, value in field._kwargs.items()
    }
    return field.__class__(*field._args, **kwargs)


def _plain_reader(field: serializers.Field) -> Callable | None:
    """How to read `field`'s value straight off an object, when DRF's lookup would come to the same: a field
    that keeps DRF's own `get_attribute` (a relation or a nested list has its own), its source an attribute
    path or the object itself (`source="*"`)."""
    if type(field).get_attribute is not serializers.Field.get_attribute:
        return None
    if not field.source_attrs:
        return lambda instance: instance
    return operator.attrgetter(".".join(field.source_attrs))


class ReadPlanMixin:
    """Writes an object's representation from a plan made once per serializer instance (for a list, once
    per page): each readable field with a direct reader of its value. DRF walks the fields and looks each
    value up through its generic path (mappings, callables, missing attributes) for every field of every
    object, twenty times over on a page of the catalogue. A value the direct reader cannot settle (a missing
    attribute, a related object that does not exist, a callable) goes DRF's way, so the result is DRF's."""

    def _read_plan(self) -> list[tuple[str, Callable | None, serializers.Field]]:
        plan = self.__dict__.get("_plan")
        if plan is None:
            plan = self._plan = [(field.field_name, _plain_reader(field), field) for field in self._readable_fields]
        return plan

    def to_representation(self, instance):
        if isinstance(instance, Mapping):
            return super().to_representation(instance)
        representation = {}
        for name, read, field in self._read_plan():
            try:
                attribute = _read(field, read, instance)
            except SkipField:
                continue
            present = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            representation[name] = None if present is None else field.to_representation(attribute)
        return representation


def _read(field: serializers.Field, read: Callable | None, instance):
    if read is not None:
        try:
            value = read(instance)
        except (AttributeError, ObjectDoesNotExist):
            pass  # DRF decides: a default, null, a skipped field or its error
        else:
            if not callable(value):
                return value
    return field.get_attribute(instance)


class BuiltOnceSerializer(serializers.Serializer):
    """A Serializer whose declared fields each instance gets as copies made field by field (`_field_copy`),
    where DRF deep-copies them with their arguments: for a serializer on a hot path, such as the inquiry's."""

    def get_fields(self):
        return {name: _field_copy(field) for name, field in self._declared_fields.items()}


class BuiltOnceModelSerializer(ReadPlanMixin, serializers.ModelSerializer):
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


class PeriodQuerySerializer(serializers.Serializer):
    """The API's one way to ask for a period: `from` and `to`, days (YYYY-MM-DD) in the platform's time zone,
    both included, validated into `period` (nzila_export.periods.Period). `to` defaults to today, `from` to
    `default_days` days ending on `to`; `from` after `to` is refused on `from`, and a period longer than
    `max_days` (when set) on `to`. Subclasses add their own parameters."""

    default_days = 30
    max_days: int | None = None
    # The days the platform can have data for (as a commission summary's year); a day at the calendar's edge
    # (9999-12-31, 0001-01-01) would also overflow the period's end or its default start.
    first_day, last_day = date(2000, 1, 1), date(2100, 12, 31)

    def get_fields(self):
        fields = super().get_fields()  # `from` is a Python keyword: not a class attribute
        fields["from"] = serializers.DateField(
            required=False,
            help_text=f"First day, YYYY-MM-DD (default: {self.default_days - 1} days before `to`)",
            validators=[self._day_on_the_calendar],
        )
        fields["to"] = serializers.DateField(
            required=False,
            help_text="Last day, included, YYYY-MM-DD (default: today)",
            validators=[self._day_on_the_calendar],
        )
        return fields

    def _day_on_the_calendar(self, day: date) -> None:
        if not self.first_day <= day <= self.last_day:
            raise serializers.ValidationError(
                gettext("Give a day from %(first)s to %(last)s.")
                % {"first": self.first_day.isoformat(), "last": self.last_day.isoformat()}
            )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        end = attrs.pop("to", None) or timezone.localdate()
        start = attrs.pop("from", None) or end - timedelta(days=self.default_days - 1)
        period = Period(start=start, end=end)
        if start > end:
            raise serializers.ValidationError({"from": [gettext("The first day must be on or before the last day.")]})
        if self.max_days is not None and period.days_count > self.max_days:
            message = gettext("A period covers at most %(days)d days; shorten it.") % {"days": self.max_days}
            raise serializers.ValidationError({"to": [message]})
        return {**attrs, "period": period}
