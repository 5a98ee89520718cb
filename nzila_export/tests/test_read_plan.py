"""The read plan (nzila_export.api.serializers.ReadPlanMixin) writes exactly what DRF's own walk writes, in
every case DRF's lookup handles: attribute paths, a null on the way, callables, defaults, relations, nested
lists, mappings and fields removed after the serializer was made."""

import pytest
from rest_framework import serializers

from nzila_export.api.serializers import ReadPlanMixin
from vehicles.models import Vehicle
from vehicles.photos import vehicle_galleries_summarize
from vehicles.tests.factories import VehicleFactory, VehiclePhotoFactory

pytestmark = pytest.mark.django_db


class PhotoSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    image = serializers.CharField()


class DrfWalk(serializers.ModelSerializer):
    dealer_name = serializers.CharField(source="dealer.company_name")
    cover_width = serializers.IntegerField(source="cover_photo.width", allow_null=True)  # null on the way: None
    cover_height = serializers.IntegerField(source="cover_photo.height", read_only=True)  # null: left out
    title = serializers.CharField(source="__str__")  # a callable
    status_label = serializers.CharField(source="get_status_display")
    nickname = serializers.CharField(source="no_such_attribute", default="none given")
    photos = PhotoSerializer(many=True, read_only=True)  # a related manager

    class Meta:
        model = Vehicle
        fields = [
            "id",
            "make",
            "price",
            "created_at",
            "dealer",  # a relation: DRF's PKOnlyObject
            "dealer_name",
            "cover_width",
            "cover_height",
            "title",
            "status_label",
            "nickname",
            "photos",
        ]


class Planned(ReadPlanMixin, DrfWalk):
    pass


@pytest.fixture
def vehicles():
    pictured, bare = VehicleFactory(), VehicleFactory()
    VehiclePhotoFactory(vehicle=pictured, position=0, width=640, height=480)
    VehiclePhotoFactory(vehicle=pictured, position=1)
    vehicle_galleries_summarize(vehicle_ids=[pictured.pk, bare.pk])
    return list(Vehicle.objects.filter(pk__in=[pictured.pk, bare.pk]).select_related("dealer", "cover_photo"))


def test_the_plan_writes_what_drfs_walk_writes(vehicles):
    planned = Planned(vehicles, many=True).data

    assert planned == DrfWalk(vehicles, many=True).data
    pictured, bare = sorted(planned, key=lambda shown: shown["cover_width"] is None)
    assert (pictured["cover_width"], pictured["cover_height"], len(pictured["photos"])) == (640, 480, 2)
    assert bare["cover_width"] is None
    assert "cover_height" not in bare
    titles = {vehicle.pk: str(vehicle) for vehicle in vehicles}
    assert all(shown["title"] == titles[shown["id"]] and shown["nickname"] == "none given" for shown in planned)
    assert {shown["dealer"] for shown in planned} == {vehicle.dealer_id for vehicle in vehicles}


def test_a_mapping_and_a_field_removed_after_creation_read_as_drf_reads_them(vehicles):
    mapping = {"id": 7, "make": "Toyota", "price": "1.50", "dealer_name": "Bay Motors"}

    class Partial(serializers.Serializer):
        id = serializers.IntegerField()
        make = serializers.CharField()
        price = serializers.DecimalField(max_digits=8, decimal_places=2)

    class PlannedPartial(ReadPlanMixin, Partial):
        pass

    assert PlannedPartial(mapping).data == Partial(mapping).data == {"id": 7, "make": "Toyota", "price": "1.50"}
    trimmed = Planned(vehicles, many=True)
    trimmed.child.fields.pop("photos")
    assert all("photos" not in shown and "make" in shown for shown in trimmed.data)
