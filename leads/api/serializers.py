from django.utils.translation import gettext
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from phonenumber_field.serializerfields import PhoneNumberField
from rest_framework import serializers

from accounts.models import User
from leads.models import ContactChannel, Lead, LeadContact, LeadPriority, LeadSource, LeadStatus
from leads.selectors import lead_can_work
from nzila_export.api.fields import StoredTextField
from nzila_export.api.serializers import BuiltOnceModelSerializer
from vehicles.models import Vehicle


class LeadVehicleSerializer(BuiltOnceModelSerializer):
    class Meta:
        model = Vehicle
        fields = ["id", "make", "model", "trim", "year", "body_type", "price", "currency", "price_cad", "status"]
        read_only_fields = fields


class NextActionSerializer(serializers.Serializer):
    action = serializers.CharField(
        help_text="A stable code: none, first_contact, offer_eligible_alternatives, follow_up, qualify, "
        "send_offer, close_deal."
    )
    reason = StoredTextField()
    due_within_hours = serializers.IntegerField(allow_null=True)


WORKING_DATA_NOTE = "Null unless the caller works the lead (its dealer, its broker, staff)."

# The dealer's own assessment of a lead: not shown to the buyer or the visitor who sent it.
WORKING_FIELDS = ("lost_reason", "score", "priority", "conversion_probability", "next_action")


class LeadSerializer(BuiltOnceModelSerializer):
    """A lead. Pass the request in the context: callers who do not work the lead get null for the
    working fields."""

    vehicle = LeadVehicleSerializer(read_only=True)
    destination_country = CountryField(read_only=True)
    phone = serializers.CharField(read_only=True)
    lost_reason = serializers.CharField(read_only=True, allow_null=True, help_text=WORKING_DATA_NOTE)
    score = serializers.IntegerField(read_only=True, allow_null=True, help_text="0-100. " + WORKING_DATA_NOTE)
    priority = serializers.ChoiceField(
        choices=LeadPriority.choices, read_only=True, allow_null=True, help_text=WORKING_DATA_NOTE
    )
    conversion_probability = serializers.DecimalField(
        max_digits=3,
        decimal_places=2,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
        help_text="0.00-1.00. " + WORKING_DATA_NOTE,
    )
    next_action = NextActionSerializer(read_only=True, allow_null=True, help_text=WORKING_DATA_NOTE)
    destination_reasons = serializers.ListField(child=StoredTextField(), read_only=True)
    is_stalled = serializers.SerializerMethodField(
        help_text="Open, and no contact for 3 days (or never contacted and older than 3 days)."
    )

    class Meta:
        model = Lead
        fields = [
            "id",
            "vehicle",
            "dealer",
            "buyer",
            "broker",
            "full_name",
            "email",
            "phone",
            "message",
            "destination_country",
            "source",
            "status",
            "lost_reason",
            "score",
            "priority",
            "conversion_probability",
            "next_action",
            "last_contacted_at",
            "is_stalled",
            "destination_allowed",
            "destination_reasons",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_is_stalled(self, lead) -> bool:
        return bool(getattr(lead, "is_stalled", False))

    def to_representation(self, lead):
        data = super().to_representation(lead)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not lead_can_work(lead=lead, user=user):
            data.update(dict.fromkeys(WORKING_FIELDS))
        return data


class LeadCreatedSerializer(LeadSerializer):
    similar_eligible_vehicles = LeadVehicleSerializer(
        many=True,
        read_only=True,
        help_text="When the destination refuses the car: available cars like it that the destination admits.",
    )

    class Meta(LeadSerializer.Meta):
        fields = [*LeadSerializer.Meta.fields, "similar_eligible_vehicles"]
        read_only_fields = fields


class LeadCreateSerializer(serializers.Serializer):
    vehicle = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="The id of an available vehicle.")
    full_name = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=254)
    phone = PhoneNumberField(required=False, allow_blank=True, help_text="E.164, for example +2250701020304.")
    message = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    destination_country = CountryField(help_text="ISO 3166-1 alpha-2 code of the country the car goes to.")
    source = serializers.ChoiceField(choices=LeadSource.choices, default=LeadSource.WEBSITE)

    def validate_full_name(self, value):
        if not value.strip():
            raise serializers.ValidationError(gettext("Enter the buyer's name."))
        return value

    def validate_vehicle(self, value):
        vehicle = Vehicle.objects.filter(pk=value).select_related("dealer").first()
        if vehicle is None:
            raise serializers.ValidationError(gettext("No vehicle with this id."))
        return vehicle


class LeadStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=LeadStatus.choices)
    lost_reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class LeadContactSerializer(serializers.ModelSerializer):
    channel = serializers.ChoiceField(choices=ContactChannel.choices)
    note = serializers.CharField(max_length=5000)
    contacted_at = serializers.DateTimeField(required=False, help_text="When the contact happened; default now.")

    class Meta:
        model = LeadContact
        fields = ["id", "channel", "note", "contacted_at", "contacted_by", "created_at"]
        read_only_fields = ["id", "contacted_by", "created_at"]

    def validate_note(self, value):
        if not value.strip():
            raise serializers.ValidationError(gettext("Say what was discussed."))
        return value


@extend_schema_field({"type": "integer", "nullable": True})
class BrokerField(serializers.Field):
    """A broker's user id, or null to take the assignment away."""

    def to_internal_value(self, data):
        if data is None:
            return None
        if isinstance(data, bool) or not isinstance(data, int | str) or not str(data).isdigit():
            raise serializers.ValidationError(gettext("Give a broker's user id, or null."))
        broker = User.objects.filter(pk=int(data)).first()
        if broker is None:
            raise serializers.ValidationError(gettext("No user with this id."))
        return broker

    def to_representation(self, value):
        return value.pk if value is not None else None


class LeadBrokerAssignSerializer(serializers.Serializer):
    broker = BrokerField(allow_null=True)
