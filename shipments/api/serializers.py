from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from deals.models import Deal
from deals.selectors import deal_list_visible_to
from nzila_export.api.fields import StoredTextField
from shipments.models import Shipment, ShipmentEvent, ShipmentStatus
from shipments.ports import port_name


class ShipmentEventSerializer(serializers.ModelSerializer):
    note = StoredTextField()

    class Meta:
        model = ShipmentEvent
        fields = ["id", "status", "location", "occurred_at", "note", "created_at", "notified_at"]
        read_only_fields = fields


class ShipmentSerializer(serializers.ModelSerializer):
    origin_port_name = serializers.SerializerMethodField()
    destination_port_name = serializers.SerializerMethodField()

    class Meta:
        model = Shipment
        fields = [
            "id",
            "deal",
            "is_active",
            "carrier",
            "vessel",
            "voyage",
            "booking_number",
            "bill_of_lading_number",
            "is_roro",
            "container_number",
            "origin_port",
            "origin_port_name",
            "destination_port",
            "destination_port_name",
            "etd",
            "eta",
            "status",
            "delay_flagged_for_eta",
            "created_at",
        ]
        read_only_fields = fields

    def get_origin_port_name(self, shipment: Shipment) -> str:
        return port_name(shipment.origin_port)

    def get_destination_port_name(self, shipment: Shipment) -> str:
        return port_name(shipment.destination_port)


class ShipmentDetailSerializer(ShipmentSerializer):
    events = ShipmentEventSerializer(many=True, read_only=True)

    class Meta(ShipmentSerializer.Meta):
        fields = [*ShipmentSerializer.Meta.fields, "events"]
        read_only_fields = fields


class ShipmentCreateSerializer(serializers.ModelSerializer):
    """Field checks (UN/LOCODE format, Canadian origin, ISO 6346 check digit) come from the model's
    validators; the rules across fields and the deal are the service's."""

    deal = serializers.PrimaryKeyRelatedField(
        queryset=Deal.objects.none(),
        error_messages={"does_not_exist": _("No deal you take part in has the id {pk_value}.")},
    )
    destination_port = serializers.CharField(
        max_length=5, required=False, help_text="UN/LOCODE; the deal's destination port when left out."
    )
    booked_at = serializers.DateTimeField(
        required=False,
        help_text="When the booking was made, for a shipment recorded late; by default now, or the ETD if past.",
    )

    class Meta:
        model = Shipment
        fields = [
            "deal",
            "carrier",
            "vessel",
            "voyage",
            "booking_number",
            "bill_of_lading_number",
            "is_roro",
            "container_number",
            "origin_port",
            "destination_port",
            "etd",
            "eta",
            "booked_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            self.fields["deal"].queryset = deal_list_visible_to(user=request.user)

    def validate_container_number(self, value: str) -> str:
        return value.strip().upper()

    def validate_destination_port(self, value: str) -> str:
        from django.core.exceptions import ValidationError as DjangoValidationError

        from shipments.ports import validate_unlocode

        try:
            validate_unlocode(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return value


class ShipmentEventCreateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ShipmentStatus.choices)
    location = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    occurred_at = serializers.DateTimeField()
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    eta = serializers.DateTimeField(required=False, allow_null=True, default=None, help_text="A new estimated arrival.")


class MomentSerializer(serializers.Serializer):
    iso = serializers.CharField(help_text="ISO 8601 in the caller's time zone, with its offset.")
    display = serializers.CharField(help_text="The same moment in words, in the caller's language.")


class PortSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text="Empty for a port not in our list.")


class TrackEventSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ShipmentStatus.choices)
    status_label = serializers.CharField()
    location = serializers.CharField()
    note = serializers.CharField()
    occurred_at = MomentSerializer()


class TrackSerializer(serializers.Serializer):
    shipment = serializers.IntegerField()
    deal = serializers.IntegerField()
    language = serializers.CharField()
    timezone = serializers.CharField()
    status = serializers.ChoiceField(choices=ShipmentStatus.choices)
    status_label = serializers.CharField()
    carrier = serializers.CharField()
    vessel = serializers.CharField()
    voyage = serializers.CharField()
    container_number = serializers.CharField()
    is_roro = serializers.BooleanField()
    origin_port = PortSerializer()
    destination_port = PortSerializer()
    etd = MomentSerializer()
    eta = MomentSerializer()
    is_delayed = serializers.BooleanField()
    timeline = TrackEventSerializer(many=True)
