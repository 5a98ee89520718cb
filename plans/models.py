"""Dealer plans and each dealer's subscription to one.

A plan is data staff edit in the admin (seeded by a migration): its price per month, the Stripe price
it is sold at, its listing limit, its API rate and its features. A dealer without a subscription, or
whose subscription is not live (lapsed, canceled, not paid yet), is on Starter.

A subscription's status moves through SUBSCRIPTION_MOVES (plans.services.subscription_status_set):

    incomplete --> active <--> past_due --> lapsed
         \\           \\           \\          \\
          +-----------+-----------+----------+--> canceled

A failed renewal makes it past_due with a grace period, during which the plan holds and the dunning
e-mails go out (day 0, 3 and 6 by default); a payment within it makes it active again; after it, the
subscription lapses and the dealer is on Starter until a payment comes in.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from nzila_export.models import TimeStampedModel

MONEY_MAX_DIGITS, MONEY_DECIMAL_PLACES = 18, 3


class PlanCode(models.TextChoices):
    STARTER = "starter", _("Starter")
    PROFESSIONAL = "professional", _("Professional")
    ENTERPRISE = "enterprise", _("Enterprise")


class PlanFeature(models.TextChoices):
    CSV_IMPORT = "csv_import", _("CSV import")
    PRICE_GUIDANCE = "price_guidance", _("Price guidance")
    REPORTS = "reports", _("Reports")


def plan_features_validate(value) -> None:
    """A plan's features: a list of known feature codes, each once."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(gettext("Features must be a list of feature codes."), code="not_a_list")
    unknown = sorted(set(value) - set(PlanFeature.values))
    if unknown:
        raise ValidationError(
            gettext("Unknown features: %(unknown)s (known: %(known)s).")
            % {"unknown": ", ".join(unknown), "known": ", ".join(PlanFeature.values)},
            code="unknown_feature",
        )
    if len(set(value)) != len(value):
        raise ValidationError(gettext("A feature is listed twice."), code="duplicate_feature")


class Plan(TimeStampedModel):
    code = models.CharField(verbose_name=_("code"), max_length=20, choices=PlanCode.choices, unique=True)
    name_en = models.CharField(verbose_name=_("name (English)"), max_length=100)
    name_fr = models.CharField(verbose_name=_("name (French)"), max_length=100)
    price_per_month = models.DecimalField(
        verbose_name=_("price per month"),
        max_digits=MONEY_MAX_DIGITS,
        decimal_places=MONEY_DECIMAL_PLACES,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(verbose_name=_("currency"), max_length=3, default="CAD")
    stripe_price_id = models.CharField(
        verbose_name=_("Stripe price ID"),
        max_length=100,
        blank=True,
        help_text=_("The recurring monthly Stripe price a dealer subscribes to (price_...); empty for a free plan"),
    )
    listing_limit = models.PositiveIntegerField(
        verbose_name=_("listing limit"),
        null=True,
        blank=True,
        help_text=_("Listings on the market (available or reserved) at once; empty: unlimited"),
    )
    api_requests_per_hour = models.PositiveIntegerField(
        verbose_name=_("API requests per hour"), validators=[MinValueValidator(1)]
    )
    features = models.JSONField(
        verbose_name=_("features"),
        default=list,
        blank=True,
        validators=[plan_features_validate],
        help_text=_("Feature codes: csv_import, price_guidance, reports"),
    )

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["price_per_month", "id"]

    def __str__(self) -> str:
        return self.name_en

    def has_feature(self, feature: str) -> bool:
        return feature in self.features


class SubscriptionStatus(models.TextChoices):
    INCOMPLETE = "incomplete", _("Incomplete (waiting for the first payment)")
    ACTIVE = "active", _("Active")
    PAST_DUE = "past_due", _("Past due (in its grace period)")
    LAPSED = "lapsed", _("Lapsed to Starter")
    CANCELED = "canceled", _("Canceled")


SUBSCRIPTION_MOVES = {
    SubscriptionStatus.INCOMPLETE: {SubscriptionStatus.ACTIVE, SubscriptionStatus.CANCELED},
    SubscriptionStatus.ACTIVE: {SubscriptionStatus.PAST_DUE, SubscriptionStatus.CANCELED},
    SubscriptionStatus.PAST_DUE: {SubscriptionStatus.ACTIVE, SubscriptionStatus.LAPSED, SubscriptionStatus.CANCELED},
    SubscriptionStatus.LAPSED: {SubscriptionStatus.ACTIVE, SubscriptionStatus.INCOMPLETE, SubscriptionStatus.CANCELED},
    SubscriptionStatus.CANCELED: {SubscriptionStatus.INCOMPLETE, SubscriptionStatus.ACTIVE},
}

# The statuses in which the subscribed plan applies; any other means Starter.
LIVE_STATUSES = (SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE)


class BillingProvider(models.TextChoices):
    STRIPE = "stripe", _("Stripe")
    SANDBOX = "sandbox", _("Sandbox (local mode, no payment)")


class Subscription(TimeStampedModel):
    """A dealer's subscription to a paid plan, as Stripe's events left it (or the sandbox's, locally)."""

    dealer = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("dealer"), on_delete=models.PROTECT, related_name="plan_subscription"
    )
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="subscriptions")
    status = models.CharField(
        verbose_name=_("status"),
        max_length=20,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.INCOMPLETE,
    )
    status_changed_at = models.DateTimeField(verbose_name=_("status changed at"))
    provider = models.CharField(
        verbose_name=_("provider"), max_length=20, choices=BillingProvider.choices, default=BillingProvider.STRIPE
    )
    stripe_customer_id = models.CharField(verbose_name=_("Stripe customer ID"), max_length=100, blank=True)
    stripe_subscription_id = models.CharField(verbose_name=_("Stripe subscription ID"), max_length=100, blank=True)
    checkout_session_id = models.CharField(verbose_name=_("checkout session ID"), max_length=255, blank=True)
    current_period_start = models.DateTimeField(verbose_name=_("current period start"), null=True, blank=True)
    current_period_end = models.DateTimeField(verbose_name=_("current period end"), null=True, blank=True)
    payment_failed_at = models.DateTimeField(
        verbose_name=_("payment failed at"), null=True, blank=True, help_text=_("When the failed renewal was told")
    )
    failed_invoice_id = models.CharField(
        verbose_name=_("failed Stripe invoice"), max_length=100, blank=True, help_text=_("The renewal that failed")
    )
    grace_until = models.DateTimeField(
        verbose_name=_("grace until"), null=True, blank=True, help_text=_("After this, an unpaid renewal lapses")
    )
    dunning_step = models.PositiveSmallIntegerField(
        verbose_name=_("dunning step"), default=0, help_text=_("Dunning e-mails sent for the failed renewal")
    )

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["stripe_subscription_id"],
                condition=~Q(stripe_subscription_id=""),
                name="plan_subscription_stripe_once",
            ),
        ]
        indexes = [models.Index(fields=["status", "grace_until"], name="plan_subscription_status_idx")]

    def __str__(self) -> str:
        return f"{self.dealer_id}: {self.plan.code} ({self.status})"

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_STATUSES


class SubscriptionInvoice(models.Model):
    """One paid period of a subscription: the provider's invoice, once, and the platform invoice issued
    for it (invoices app). The unique provider reference makes a redelivered invoice.paid a no-op."""

    subscription = models.ForeignKey(
        Subscription, verbose_name=_("subscription"), on_delete=models.PROTECT, related_name="period_invoices"
    )
    provider_reference = models.CharField(verbose_name=_("provider's invoice"), max_length=100, unique=True)
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(
        verbose_name=_("amount"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES
    )
    currency = models.CharField(verbose_name=_("currency"), max_length=3)
    period_start = models.DateTimeField(verbose_name=_("period start"), null=True, blank=True)
    period_end = models.DateTimeField(verbose_name=_("period end"), null=True, blank=True)
    invoice = models.OneToOneField(
        "invoices.Invoice",
        verbose_name=_("platform invoice"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subscription_period",
    )
    paid_at = models.DateTimeField(verbose_name=_("paid at"))

    class Meta:
        verbose_name = _("subscription invoice")
        verbose_name_plural = _("subscription invoices")
        ordering = ["-paid_at", "-id"]

    def __str__(self) -> str:
        return f"{self.provider_reference}: {self.amount} {self.currency}"
