from rest_framework import serializers

from currencies.api.serializers import MoneyRepresentationMixin
from plans.models import Plan, PlanCode, PlanFeature, Subscription, SubscriptionInvoice


class PlanSerializer(MoneyRepresentationMixin, serializers.ModelSerializer):
    """A dealer plan: its monthly price, limits and features."""

    money_fields = {"price_per_month": "currency"}
    name = serializers.SerializerMethodField(help_text="The plan's name in the caller's language.")
    features = serializers.ListField(
        child=serializers.ChoiceField(choices=PlanFeature.choices), help_text="The features the plan includes."
    )
    listing_limit = serializers.IntegerField(
        allow_null=True, help_text="Listings on the market at once (available or reserved); null: unlimited."
    )

    class Meta:
        model = Plan
        fields = ["code", "name", "price_per_month", "currency", "listing_limit", "api_requests_per_hour", "features"]

    def get_name(self, plan: Plan) -> str:
        from plans.services import plan_name

        return plan_name(plan)


class SubscriptionInvoiceSerializer(MoneyRepresentationMixin, serializers.ModelSerializer):
    """A period of a dealer's plan as charged, with the platform invoice that records it."""

    money_fields = {"amount": "currency"}
    plan = serializers.CharField(source="plan.code")
    invoice = serializers.IntegerField(source="invoice_id", allow_null=True, help_text="The platform invoice's id.")
    invoice_number = serializers.CharField(source="invoice.number", default="", allow_null=True)

    class Meta:
        model = SubscriptionInvoice
        fields = ["provider_reference", "plan", "amount", "currency", "period_start", "period_end", "paid_at",
                  "invoice", "invoice_number"]  # fmt: skip


class SubscriptionDetailSerializer(serializers.ModelSerializer):
    plan = serializers.CharField(source="plan.code")

    class Meta:
        model = Subscription
        fields = ["plan", "status", "status_changed_at", "provider", "current_period_start", "current_period_end",
                  "grace_until", "dunning_step"]  # fmt: skip


class UsageSerializer(serializers.Serializer):
    dealer = serializers.IntegerField()
    plan = serializers.ChoiceField(choices=PlanCode.choices, help_text="The plan that applies now.")
    listings = serializers.IntegerField(help_text="Listings on the market (available or reserved).")
    listing_limit = serializers.IntegerField(allow_null=True, help_text="null: unlimited.")
    api_calls_this_hour = serializers.IntegerField(help_text="This clock hour's API requests (the rate limit's count).")
    api_requests_per_hour = serializers.IntegerField()
    api_calls_this_month = serializers.IntegerField(help_text="API requests this calendar month (UTC).")
    leads_this_month = serializers.IntegerField(help_text="Inquiries received this calendar month (UTC).")


class SubscriptionSerializer(serializers.Serializer):
    plan = PlanSerializer(help_text="The plan that applies now (Starter without a live subscription).")
    subscription = SubscriptionDetailSerializer(allow_null=True)
    usage = UsageSerializer()
    invoices = SubscriptionInvoiceSerializer(many=True, help_text="The paid periods, newest first.")


class SubscribeSerializer(serializers.Serializer):
    plan = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Plan.objects.all(),
        help_text="The paid plan to subscribe to: professional or enterprise.",
    )


class CheckoutSerializer(serializers.Serializer):
    checkout_url = serializers.CharField(
        help_text="Stripe Checkout's page to send the dealer to; empty in local mode, where the plan is active at once."
    )
    subscription = SubscriptionDetailSerializer()


class UsageQuerySerializer(serializers.Serializer):
    dealer = serializers.IntegerField(required=False, help_text="Staff: the dealer whose usage to read.")
