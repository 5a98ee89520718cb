from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from rest_framework import serializers

from accounts.models import Role, User
from accounts.validators import validate_currency_code
from currencies.api.serializers import MoneyRepresentationMixin
from currencies.money import money_precision_refusal
from deals.models import Deal, DealEvent, DealStatus, Incoterm
from nzila_export.api.fields import CountryCodeFieldMixin, StoredTextField
from nzila_export.stored_text import stored_text_read
from vehicles.api.serializers import MAX_PRICE
from vehicles.models import Vehicle


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "company_name", "role"]


class DealSerializer(CountryCodeFieldMixin, MoneyRepresentationMixin, serializers.ModelSerializer):
    """A deal as its parties and staff read it; it changes through its own actions, never by a write here."""

    money_fields = {"agreed_price": "currency"}

    dealer = PartySerializer(read_only=True)
    buyer = PartySerializer(read_only=True)
    broker = PartySerializer(read_only=True, allow_null=True, help_text="null: a deal without a broker")
    referring_broker = PartySerializer(
        read_only=True, allow_null=True, help_text="null: no other broker brought the buyer"
    )
    is_stalled = serializers.BooleanField(read_only=True)
    hold_reason = StoredTextField(help_text="Why staff hold the deal; empty when it is not held")
    risk = serializers.SerializerMethodField()

    class Meta:
        model = Deal
        fields = [
            "id", "vehicle", "lead", "dealer", "buyer", "broker", "referring_broker", "agreed_price", "currency",
            "destination_country", "destination_port", "incoterm", "notes", "status", "status_changed_at",
            "cancellation_reason", "destination_override_reason", "is_on_hold", "hold_reason", "is_stalled", "risk",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_risk(self, deal) -> dict:
        return {
            "risk_score": deal.risk_score,
            "risk_level": deal.risk_level,
            "red_flags": [stored_text_read(flag) for flag in deal.risk_flags],
            "recommendation": stored_text_read(deal.risk_recommendation),
        }


class DealTermsSerializer(serializers.Serializer):
    """The terms every new deal needs, whether opened directly or from a lead."""

    agreed_price = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=1, max_value=MAX_PRICE)
    currency = serializers.CharField(max_length=3)
    destination_port = serializers.RegexField(r"^[A-Za-z]{2}[A-Za-z2-9]{3}$", help_text="UN/LOCODE, e.g. CIABJ")
    incoterm = serializers.ChoiceField(choices=Incoterm.choices, default=Incoterm.CIF)
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    destination_override_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Staff only: why the destination's rules are overridden"
    )

    def validate_currency(self, value):
        try:
            validate_currency_code(value.upper())
        except ValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return value.upper()

    def validate(self, attrs):
        price, currency = attrs["agreed_price"], attrs["currency"]
        if refusal := money_precision_refusal(price, currency):
            raise serializers.ValidationError({"agreed_price": refusal})
        return attrs


class DealCreateSerializer(DealTermsSerializer):
    vehicle = serializers.PrimaryKeyRelatedField(queryset=Vehicle.objects.all())
    buyer = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(role=Role.BUYER, is_active=True))
    broker = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(role=Role.BROKER, is_active=True), required=False, allow_null=True, default=None
    )
    referring_broker = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(role=Role.BROKER, is_active=True),
        required=False,
        allow_null=True,
        default=None,
        help_text="The broker who brought the buyer, when another broker closes the deal",
    )
    destination_country = serializers.CharField(max_length=2)

    def validate_destination_country(self, value):
        if value.upper() not in dict(countries):
            raise serializers.ValidationError(
                gettext("%(value)s is not an ISO 3166-1 alpha-2 country code.") % {"value": value}
            )
        return value.upper()


class DealTransitionSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=DealStatus.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class DealReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=[("release", _("Release the hold")), ("cancel", _("Cancel the deal"))])
    note = serializers.CharField()


class DealEventSerializer(serializers.ModelSerializer):
    from_status = serializers.ChoiceField(
        choices=DealStatus.choices,
        allow_null=True,
        read_only=True,
        help_text="The status the deal left; null on the opening entry, which has none before it.",
    )
    actor = serializers.CharField(source="actor.username", default=None, read_only=True)
    reason = StoredTextField()

    class Meta:
        model = DealEvent
        fields = ["from_status", "to_status", "reason", "actor", "created_at"]
        read_only_fields = fields

    def to_representation(self, event):
        data = super().to_representation(event)
        data["from_status"] = data["from_status"] or None  # stored blank on the opening entry
        return data
