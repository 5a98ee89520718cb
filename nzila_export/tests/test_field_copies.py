"""The fields a BuiltOnceSerializer or BuiltOnceModelSerializer instance gets (nzila_export.api.serializers)
are copies made field by field rather than DRF's deep copies: they validate and write exactly what DRF's
own do, and each instance's fields are its own."""

from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from nzila_export.api.serializers import BuiltOnceSerializer


def no_sevens(value):
    if "7" in str(value):
        raise serializers.ValidationError("No sevens.")


class Inquiry(serializers.Serializer):
    name = serializers.CharField(max_length=5, validators=[no_sevens])
    country = CountryField()
    colour = serializers.ChoiceField(choices=[("red", "Red"), ("blue", "Blue")], default="red")
    tags = serializers.ListField(child=serializers.CharField(max_length=3), required=False)

    class Part(serializers.Serializer):
        number = serializers.IntegerField(min_value=1)

    part = Part(required=False)


class CopiedInquiry(BuiltOnceSerializer, Inquiry):
    pass


INPUTS = [
    {"name": "Ama", "country": "CI", "tags": ["a", "bc"], "part": {"number": 2}},
    {"name": "Ama", "country": "ci", "colour": "blue"},
    {"name": "Kofi Annan", "country": "XX", "colour": "green", "tags": ["long"], "part": {"number": 0}},
    {"name": "Ama7", "country": "SN"},
    {},
]


def test_copies_validate_and_write_as_drfs_deep_copies_do():
    for data in INPUTS:
        drf, copied = Inquiry(data=data), CopiedInquiry(data=data)
        assert drf.is_valid() == copied.is_valid(), data
        assert (drf.errors, dict(drf.validated_data)) == (copied.errors, dict(copied.validated_data)), data
    shown = {"name": "Ama", "country": "GH", "colour": "blue", "tags": ["x"], "part": {"number": 3}}
    assert CopiedInquiry(shown).data == Inquiry(shown).data == shown


def test_each_instance_has_fields_of_its_own():
    first, second = CopiedInquiry(), CopiedInquiry()
    first.fields["name"].validators.append(lambda value: None)
    first.fields["name"].error_messages["blank"] = "Say a name."
    assert len(second.fields["name"].validators) == len(Inquiry().fields["name"].validators)
    assert second.fields["name"].error_messages["blank"] == "This field may not be blank."
    assert first.fields["name"] is not second.fields["name"]
    # Bound to their own serializer: the list's child to its own list, the nested serializer to its parent.
    assert first.fields["tags"].child.parent is first.fields["tags"]
    assert second.fields["tags"].child.parent is second.fields["tags"]
    assert first.fields["part"].parent is first
    assert second.fields["part"] is not first.fields["part"]
