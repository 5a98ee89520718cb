from decimal import Decimal

from django_countries import countries
from rest_framework import serializers

from currencies.api.serializers import MoneyRepresentationMixin
from nzila_export.api.fields import StoredTextField
from nzila_export.stored_text import stored_text_read
from payments.fraud import BLOCKED_FAILURE_CODE, PaymentBlocked
from payments.models import LedgerEntry, Payment, PaymentMethod, ReviewDecision


class PaymentSerializer(MoneyRepresentationMixin, serializers.ModelSerializer):
    money_fields = {"amount": "currency", "deal_amount": "deal_currency"}
    client_secret = serializers.SerializerMethodField(help_text="For the payer's browser to finish 3-D Secure")
    instructions = serializers.SerializerMethodField(help_text="What the payer must do next (mobile money)")
    # Declared rather than derived from the model, so that the schema says what a non-staff caller gets.
    fraud_risk_score = serializers.IntegerField(
        read_only=True, allow_null=True, min_value=0, max_value=100,
        help_text="The fraud controls' score, 0 to 100; null for everyone but staff",
    )  # fmt: skip
    fraud_reasons = serializers.ListField(
        child=serializers.DictField(), read_only=True,
        help_text="Each risk point as {code, points, reason}; empty for everyone but staff",
    )  # fmt: skip
    fraud_model = serializers.JSONField(
        read_only=True, allow_null=True,
        help_text=(
            "The learned model's part of the score: {points, probability, threshold, model_version, factors: "
            "[{feature, label, effect}]}; null when no model served (the rule alone) and for everyone but staff"
        ),
    )  # fmt: skip
    review_note = serializers.CharField(read_only=True, help_text="Staff's review note; empty for everyone but staff")
    failure_reason = StoredTextField(help_text="Why the payment failed; empty unless it failed")
    review_decision = serializers.ChoiceField(
        choices=ReviewDecision.choices, read_only=True, allow_blank=True,
        help_text="Staff's decision on a payment held for review; empty until then",
    )  # fmt: skip

    class Meta:
        model = Payment
        fields = [
            "id", "deal", "payer", "amount", "currency", "deal_amount", "deal_currency", "deal_rate", "amount_cad",
            "cad_rate", "rate_date", "method", "provider", "provider_reference", "status", "status_changed_at",
            "failure_code", "failure_reason", "client_secret", "instructions", "fraud_risk_score", "fraud_reasons",
            "fraud_model", "review_decision", "reviewed_at", "review_note", "created_at",
        ]  # fmt: skip
        read_only_fields = fields

    FRAUD_FIELDS = ("fraud_risk_score", "fraud_reasons", "fraud_model", "review_note")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not request.user.is_platform_staff:  # the reasons would teach a fraudster
            data.update(fraud_risk_score=None, fraud_reasons=[], fraud_model=None, review_note="")
            if instance.failure_code == BLOCKED_FAILURE_CODE:
                data["failure_code"] = PaymentBlocked.code
        elif data["fraud_model"]:
            factors = [
                {**factor, "label": stored_text_read(factor["label"])} for factor in data["fraud_model"]["factors"]
            ]
            data["fraud_model"] = {**data["fraud_model"], "factors": factors}
        return data

    def get_instructions(self, payment) -> str:
        from payments.services.mobile_money import mobile_money_instructions
        from payments.services.paystack import paystack_instructions

        return mobile_money_instructions(payment) or paystack_instructions(payment)

    def get_client_secret(self, payment) -> str:
        request = self.context.get("request")
        is_payer = request is not None and request.user.pk in (payment.payer_id, payment.created_by_id)
        return payment.client_secret if is_payer else ""


class PaymentCreateSerializer(serializers.Serializer):
    deal = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    amount = serializers.DecimalField(max_digits=18, decimal_places=3, min_value=Decimal("0.001"))
    currency = serializers.CharField(min_length=3, max_length=3, help_text="ISO 4217, e.g. CAD or XOF")
    method = serializers.ChoiceField(
        choices=PaymentMethod.choices,
        help_text="card, sandbox, paystack (NGN, GHS), or a mobile-money rail: mpesa, mtn_momo, ...",
    )
    payment_method = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=255, help_text="A saved card's id (Stripe)"
    )
    phone = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=32,
        help_text="Mobile money: the payer's number in E.164 (+254712345678), of a country the rail serves",
    )  # fmt: skip
    channels = serializers.ListField(
        child=serializers.ChoiceField(choices=["card", "bank", "ussd", "bank_transfer", "mobile_money"]),
        required=False, default=list, max_length=5,
        help_text="Paystack: the checkout's channels (NGN: card, bank, ussd, bank_transfer; GHS: card, "
        "mobile_money, bank_transfer); omit for all",
    )  # fmt: skip
    billing_country = serializers.ChoiceField(
        choices=list(countries), required=False, allow_blank=True, default="",
        help_text="Cards: the billing address's country (ISO 3166-1 alpha-2)",
    )  # fmt: skip
    radar_session = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=255,
        help_text="Cards: the Stripe Radar session id from Stripe.js (stripe.createRadarSession)",
    )  # fmt: skip


class PaymentReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=ReviewDecision.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=255)


class MobileMoneyCallbackSerializer(serializers.Serializer):
    """Whatever the rail posts (README, Mobile money); the body is read by the rail's adapter."""


class PaystackEventSerializer(serializers.Serializer):
    """Paystack's event as it posts it: {event, data} (README, Payments, Paystack)."""

    event = serializers.CharField(help_text="charge.success, refund.processed, refund.failed ...")
    data = serializers.DictField(help_text="The transaction or refund")


class WebhookAnswerSerializer(serializers.Serializer):
    event = serializers.CharField(help_text="The event's id at the provider")
    status = serializers.CharField(help_text="received (a worker applies it), processed, ignored or failed")


class PaymentRefundSerializer(serializers.Serializer):
    amount = serializers.DecimalField(
        max_digits=18, decimal_places=3, min_value=Decimal("0.001"), required=False, allow_null=True,
        help_text="Omit to refund all that is left",
    )  # fmt: skip
    reason = serializers.CharField(max_length=255)


class LedgerEntrySerializer(MoneyRepresentationMixin, serializers.ModelSerializer):
    money_fields = {"amount": "currency", "deal_amount": "deal_currency"}

    class Meta:
        model = LedgerEntry
        fields = [
            "id", "kind", "payment", "deal", "amount", "currency", "deal_amount", "deal_currency", "amount_cad",
            "provider_reference", "note", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class SavedCardSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Stripe's PaymentMethod id: pass it as payment_method to pay")
    brand = serializers.CharField()
    last4 = serializers.CharField()
    exp_month = serializers.IntegerField()
    exp_year = serializers.IntegerField()
    is_default = serializers.BooleanField()


class CardAttachSerializer(serializers.Serializer):
    payment_method = serializers.CharField(max_length=255, help_text="A PaymentMethod made by Stripe.js (pm_...)")
