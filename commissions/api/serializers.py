from django.utils.translation import gettext
from rest_framework import serializers

from accounts.models import Role, User
from commissions.models import CAD_DIGITS, CAD_PLACES, Commission, CommissionEntry, Payout, PayoutRail
from currencies.api.serializers import MoneyRepresentationMixin
from nzila_export.api.fields import StoredTextField

MAX_ID = 2**63 - 1


def cad_field(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=CAD_DIGITS, decimal_places=CAD_PLACES, read_only=True, **kwargs)


class CommissionEntrySerializer(serializers.ModelSerializer):
    note = StoredTextField()

    class Meta:
        model = CommissionEntry
        fields = ["kind", "amount_cad", "percent", "note", "created_at"]
        read_only_fields = fields


class PayoutSerializer(MoneyRepresentationMixin, serializers.ModelSerializer):
    """A payout of the commission: the CAD amount, and what the broker is paid in the rail's currency."""

    money_fields = {"amount": "currency"}
    failure_reason = StoredTextField(help_text="Why the payout failed; empty unless it failed")

    class Meta:
        model = Payout
        fields = [
            "id", "commission", "rail", "status", "status_changed_at", "amount_cad", "amount", "currency", "rate",
            "rate_date", "reference", "provider_reference", "failure_reason", "requested_at", "settled_at",
        ]  # fmt: skip
        read_only_fields = fields


class CommissionSerializer(serializers.ModelSerializer):
    """A commission as the list shows it."""

    plan_name = serializers.CharField(source="plan.name", read_only=True)
    amount_cad = cad_field(help_text="What it is worth: the sum of its entries (accrual, adjustments, reversal)")

    class Meta:
        model = Commission
        fields = [
            "id", "deal", "broker", "role", "status", "status_changed_at", "plan", "plan_name", "percent",
            "share_percent", "base_cad", "amount_cad", "period_start", "completed_on",
        ]  # fmt: skip
        read_only_fields = fields


class CommissionDetailSerializer(MoneyRepresentationMixin, CommissionSerializer):
    """The deal's price in its own currency and its rate to CAD, the tier, every entry, the hold, the dates
    it was approved and paid, and its payouts (a failed one, then the one that paid it)."""

    money_fields = {"deal_amount": "deal_currency"}
    entries = CommissionEntrySerializer(many=True, read_only=True)
    payouts = PayoutSerializer(many=True, read_only=True)
    hold_reason = StoredTextField(help_text="Why the commission is held; empty when it is not")

    class Meta(CommissionSerializer.Meta):
        fields = [
            *CommissionSerializer.Meta.fields, "tier", "deal_amount", "deal_currency", "cad_rate", "entries",
            "hold_reason", "approved_at", "paid_at", "payouts",
        ]  # fmt: skip
        read_only_fields = fields


class CommissionHoldSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=255, help_text="Why it is held: the broker sees it")


class PayoutStartSerializer(serializers.Serializer):
    rail = serializers.ChoiceField(
        choices=PayoutRail.choices,
        help_text="stripe_connect, mtn_momo or mpesa_b2c, to the broker's address on it; a bank transfer is made "
        "at the bank and recorded with mark-paid",
    )


class CommissionMarkPaidSerializer(serializers.Serializer):
    reference = serializers.CharField(max_length=100, help_text="The reference the bank transfer carries")


class BrokerQuerySerializer(serializers.Serializer):
    """Whose figures: a broker always gets its own; staff name the broker."""

    broker = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(role=Role.BROKER), required=False,
        pk_field=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        help_text="Staff: required, the broker whose figures they are; a broker always gets its own",
    )  # fmt: skip

    def validate(self, data):
        if self.context["request"].user.is_platform_staff and "broker" not in data:
            raise serializers.ValidationError({"broker": [gettext("Staff name the broker whose summary they want.")]})
        return data


class CommissionSummaryQuerySerializer(BrokerQuerySerializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100, help_text="The deals completed in that year")


class CommissionStatementQuerySerializer(BrokerQuerySerializer):
    month = serializers.RegexField(r"^20\d\d-(0[1-9]|1[0-2])$", help_text="YYYY-MM")
    file = serializers.ChoiceField(choices=[("csv", "CSV"), ("pdf", "PDF")], default="pdf")


class CommissionFiguresSerializer(serializers.Serializer):
    earned = cad_field(help_text="Every commission not reversed: pending + approved + held + paid")
    pending = cad_field()
    approved = cad_field(help_text="Approved and not yet paid")
    held = cad_field()
    paid = cad_field()


class CommissionMonthSerializer(CommissionFiguresSerializer):
    month = serializers.CharField(read_only=True, help_text="YYYY-MM")


class CommissionSummarySerializer(CommissionFiguresSerializer):
    broker = serializers.IntegerField(read_only=True)
    year = serializers.IntegerField(read_only=True)
    currency = serializers.CharField(read_only=True, help_text="Always CAD")
    by_month = CommissionMonthSerializer(many=True, read_only=True, help_text="January to December")
