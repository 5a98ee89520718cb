from django.utils.translation import gettext
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from phonenumber_field.serializerfields import PhoneNumberField
from rest_framework import serializers

from accounts.models import User
from leads.models import ContactChannel, Lead, LeadContact, LeadPriority, LeadSource, LeadStatus
from leads.selectors import lead_can_work, lead_conversion_estimates
from nzila_export.api.fields import CountryCodeField, StoredTextField
from nzila_export.api.serializers import BuiltOnceModelSerializer, BuiltOnceSerializer
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


class ConversionFactorSerializer(serializers.Serializer):
    feature = serializers.CharField(help_text="A stable code of the factor (price_vs_similar, dealer_answer, ...).")
    label = serializers.CharField(help_text="What the factor is, in the caller's language.")
    effect = serializers.FloatField(
        help_text="How much this factor moves the probability for this lead against a typical lead (+ raises it)."
    )


class LeadConversionSerializer(serializers.Serializer):
    probability = serializers.FloatField(help_text="0-1: the chance the lead ends in a deal.")
    source = serializers.CharField(
        help_text="model: the active learned model (open leads); rule: the lead score's conversion_probability."
    )
    model_version = serializers.IntegerField(allow_null=True, help_text="The model's version; null for the rule.")
    factors = ConversionFactorSerializer(
        many=True, help_text="The model's top factors, largest first; none for the rule."
    )


class LeadListSerializer(serializers.ListSerializer):
    """Estimates the conversion of the leads of a page at once (one query and one prediction for the page)."""

    def to_representation(self, data):
        leads = list(data)
        self.conversion_estimates = lead_conversion_estimates(leads=[lead for lead in leads if self.child.works(lead)])
        return super().to_representation(leads)


WORKING_DATA_NOTE = "Null unless the caller works the lead (its dealer, its broker, staff)."

# The dealer's own assessment of a lead: not shown to the buyer or the visitor who sent it.
WORKING_FIELDS = ("lost_reason", "score", "priority", "conversion_probability", "next_action", "conversion")


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
    conversion = serializers.SerializerMethodField(
        help_text="The learned model's estimate when one is active (open leads), else the rule's. " + WORKING_DATA_NOTE
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
            "conversion",
            "last_contacted_at",
            "is_stalled",
            "destination_allowed",
            "destination_reasons",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
        list_serializer_class = LeadListSerializer

    def get_is_stalled(self, lead) -> bool:
        return bool(getattr(lead, "is_stalled", False))

    @extend_schema_field(LeadConversionSerializer(allow_null=True))
    def get_conversion(self, lead) -> dict | None:
        if not self.works(lead):
            return None
        estimates = getattr(self.parent, "conversion_estimates", None)
        if estimates is None:  # a lead on its own
            estimates = lead_conversion_estimates(leads=[lead])
        return LeadConversionSerializer(estimates[lead.pk]).data

    def works(self, lead) -> bool:
        user = getattr(self.context.get("request"), "user", None)
        return user is not None and user.is_authenticated and lead_can_work(lead=lead, user=user)

    def to_representation(self, lead):
        data = super().to_representation(lead)
        if not self.works(lead):
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


class LeadCreateSerializer(BuiltOnceSerializer):
    vehicle = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="The id of an available vehicle.")
    full_name = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=254)
    phone = PhoneNumberField(required=False, allow_blank=True, help_text="E.164, for example +2250701020304.")
    message = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    destination_country = CountryCodeField(help_text="ISO 3166-1 alpha-2 code of the country the car goes to.")
    source = serializers.ChoiceField(choices=LeadSource.choices, default=LeadSource.WEBSITE)

    def validate_full_name(self, value):
        if not value.strip():
            raise serializers.ValidationError(gettext("Enter the buyer's name."))
        return value

    def validate_vehicle(self, value):
        vehicle = Vehicle.objects.filter(pk=value).first()
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
        if isinstance(data, bool) or not isinstance(data, int | str) or not str(data).isdecimal():
            raise serializers.ValidationError(gettext("Give a broker's user id, or null."))
        broker = User.objects.filter(pk=int(data)).first()
        if broker is None:
            raise serializers.ValidationError(gettext("No user with this id."))
        return broker

    def to_representation(self, value):
        return value.pk if value is not None else None


class LeadBrokerAssignSerializer(serializers.Serializer):
    broker = BrokerField(allow_null=True)
