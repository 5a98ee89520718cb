"""Brokers' commissions: the plans staff keep (tiers, minimum, cap, split), the commission each completed
deal accrues for each of its brokers, and the append-only entries that make up its amount.

A commission's amount is never edited: it is the sum of its entries (the accrual, adjustments when a later
deal lifts the tier, a reversal when the deal is cancelled or refunded, the payout). Its status moves
through COMMISSION_MOVES in commissions.services.status.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from documents.storage import document_storage
from nzila_export.field_encryption import EncryptedPhoneNumberField, EncryptedTextField
from nzila_export.models import AppendOnlyModel, TimeStampedModel

CAD_DIGITS, CAD_PLACES = 14, 2


class PlanBasis(models.TextChoices):
    DEALS = "deals", _("Completed deals in the period")
    VOLUME = "volume", _("CAD volume of completed deals in the period")


class PlanPeriod(models.TextChoices):
    MONTH = "month", _("Calendar month")
    QUARTER = "quarter", _("Calendar quarter")
    YEAR = "year", _("Calendar year")


class PlanApplication(models.TextChoices):
    WHOLE_PERIOD = "whole_period", _("The tier reached applies to every deal of the period")
    MARGINAL = "marginal", _("Each deal at the tier it falls in")


class CommissionPlan(TimeStampedModel):
    """Tiers by a broker's completed deals or CAD volume in a period. A tier starts at its threshold
    (inclusive) and runs up to the next tier's threshold (exclusive); the measure includes the deal being
    counted (a broker's first deal of the month is deal 1). A plan for one broker wins over the plan for
    all; the plan in force on the day the deal completed is the one that counts."""

    name = models.CharField(verbose_name=_("name"), max_length=100)
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("broker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commission_plans",
        help_text=_("Empty: the plan of every broker without a plan of its own."),
    )
    basis = models.CharField(verbose_name=_("basis"), max_length=8, choices=PlanBasis.choices, default=PlanBasis.DEALS)
    period = models.CharField(
        verbose_name=_("period"), max_length=8, choices=PlanPeriod.choices, default=PlanPeriod.MONTH
    )
    application = models.CharField(
        verbose_name=_("tier application"),
        max_length=12,
        choices=PlanApplication.choices,
        default=PlanApplication.WHOLE_PERIOD,
    )
    minimum_cad = models.DecimalField(
        verbose_name=_("minimum in CAD"), max_digits=CAD_DIGITS, decimal_places=CAD_PLACES, default=0
    )
    cap_cad = models.DecimalField(
        verbose_name=_("cap in CAD"),
        max_digits=CAD_DIGITS,
        decimal_places=CAD_PLACES,
        null=True,
        blank=True,
        help_text=_("Empty: no cap"),
    )
    referrer_share_percent = models.DecimalField(
        verbose_name=_("referrer's share (%)"),
        max_digits=5,
        decimal_places=2,
        default=0,
        help_text=_("Share of a deal's commission that goes to the referring broker when there is one."),
    )
    valid_from = models.DateField(verbose_name=_("valid from"))
    valid_until = models.DateField(verbose_name=_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("commission plan")
        verbose_name_plural = _("commission plans")
        ordering = ["-valid_from", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(referrer_share_percent__gte=0) & Q(referrer_share_percent__lte=100),
                name="commission_plan_share_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CommissionTier(models.Model):
    plan = models.ForeignKey(CommissionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="tiers")
    threshold = models.DecimalField(
        verbose_name=_("threshold"),
        max_digits=CAD_DIGITS,
        decimal_places=CAD_PLACES,
        help_text=_("Deals or CAD from which this tier applies"),
    )
    percent = models.DecimalField(verbose_name=_("rate (%)"), max_digits=5, decimal_places=3)

    class Meta:
        verbose_name = _("commission tier")
        verbose_name_plural = _("commission tiers")
        ordering = ["plan", "threshold"]
        constraints = [models.UniqueConstraint(fields=["plan", "threshold"], name="commission_tier_threshold_once")]

    def __str__(self) -> str:
        return f"{self.plan}: from {self.threshold} at {self.percent}%"


class CommissionStatus(models.TextChoices):
    # In context: French agrees them with "la commission" (other apps' "Approved" is masculine).
    PENDING = "pending", pgettext_lazy("commission status", "Pending")
    APPROVED = "approved", pgettext_lazy("commission status", "Approved")
    PAID = "paid", pgettext_lazy("commission status", "Paid")
    HELD = "held", pgettext_lazy("commission status", "Held")
    REVERSED = "reversed", pgettext_lazy("commission status", "Reversed")


# Where a commission's status may move (commissions.services.status): pending until the dispute window has
# passed, then approved, then paid; held (a dispute, or staff) until released back to pending; reversed
# (the deal cancelled or refunded) from anything not yet paid. Paid and reversed are final.
COMMISSION_MOVES = {
    CommissionStatus.PENDING: {CommissionStatus.APPROVED, CommissionStatus.HELD, CommissionStatus.REVERSED},
    CommissionStatus.APPROVED: {CommissionStatus.PAID, CommissionStatus.HELD, CommissionStatus.REVERSED},
    CommissionStatus.HELD: {CommissionStatus.PENDING, CommissionStatus.REVERSED},
    CommissionStatus.PAID: set(),
    CommissionStatus.REVERSED: set(),
}


class CommissionRole(models.TextChoices):
    CLOSING = "closing", _("Closing broker")
    REFERRING = "referring", _("Referring broker")


class Commission(TimeStampedModel):
    """What one broker earns on one completed deal, in CAD, with the deal's own currency and rate and the
    plan and tier it was computed with. Its amount is the sum of its entries."""

    deal = models.ForeignKey("deals.Deal", verbose_name=_("deal"), on_delete=models.PROTECT, related_name="commissions")
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("broker"), on_delete=models.PROTECT, related_name="commissions"
    )
    role = models.CharField(
        verbose_name=_("role"), max_length=10, choices=CommissionRole.choices, default=CommissionRole.CLOSING
    )
    plan = models.ForeignKey(
        CommissionPlan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="commissions"
    )
    tier = models.ForeignKey(
        CommissionTier, verbose_name=_("tier"), on_delete=models.PROTECT, related_name="commissions"
    )
    percent = models.DecimalField(
        verbose_name=_("rate (%)"), max_digits=5, decimal_places=3, help_text=_("The tier's rate, as last computed")
    )
    share_percent = models.DecimalField(
        verbose_name=_("share (%)"),
        max_digits=5,
        decimal_places=2,
        default=100,
        help_text=_("This broker's share of the deal's commission"),
    )
    deal_amount = models.DecimalField(
        verbose_name=_("deal amount"), max_digits=18, decimal_places=3, help_text=_("The agreed price")
    )
    deal_currency = models.CharField(verbose_name=_("deal currency"), max_length=3)
    cad_rate = models.DecimalField(
        verbose_name=_("CAD rate"), max_digits=24, decimal_places=12, help_text=_("CAD per unit of the deal's currency")
    )
    base_cad = models.DecimalField(
        verbose_name=_("base in CAD"), max_digits=CAD_DIGITS, decimal_places=CAD_PLACES, help_text=_("The deal in CAD")
    )
    period_start = models.DateField(
        verbose_name=_("period start"), help_text=_("The first day of the plan period the deal completed in")
    )
    completed_on = models.DateField(verbose_name=_("completed on"))
    status = models.CharField(
        verbose_name=_("status"),
        max_length=10,
        choices=CommissionStatus.choices,
        default=CommissionStatus.PENDING,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(verbose_name=_("status changed at"))
    hold_reason = models.CharField(verbose_name=_("hold reason"), max_length=255, blank=True)
    approved_at = models.DateTimeField(verbose_name=_("approved at"), null=True, blank=True)
    paid_at = models.DateTimeField(verbose_name=_("paid at"), null=True, blank=True)

    class Meta:
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")
        ordering = ["-completed_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["deal", "role"], name="commission_once_per_deal_and_role")]
        indexes = [
            models.Index(fields=["broker", "period_start"], name="commission_broker_period_idx"),
            models.Index(fields=["status", "completed_on"], name="commission_status_done_idx"),
        ]

    def __str__(self) -> str:
        return f"Commission {self.pk}: {self.broker_id} on deal {self.deal_id} ({self.status})"


class EntryKind(models.TextChoices):
    ACCRUAL = "accrual", _("Accrual")
    ADJUSTMENT = "adjustment", _("Tier adjustment")
    REVERSAL = "reversal", _("Reversal")


class CommissionEntry(AppendOnlyModel):
    """One change of what a commission is worth, in CAD, signed; never updated or deleted."""

    commission = models.ForeignKey(
        Commission, verbose_name=_("commission"), on_delete=models.PROTECT, related_name="entries"
    )
    kind = models.CharField(verbose_name=_("type"), max_length=12, choices=EntryKind.choices)
    amount_cad = models.DecimalField(verbose_name=_("amount in CAD"), max_digits=CAD_DIGITS, decimal_places=CAD_PLACES)
    percent = models.DecimalField(
        verbose_name=_("rate (%)"), max_digits=5, decimal_places=3, help_text=_("The rate this entry brings it to")
    )
    # The platform's own text (with its values: a tier's rate) as nzila_export.stored_text keeps it, so that
    # each reader reads it in their language; a reason a person typed is kept as its text.
    note = models.JSONField(verbose_name=_("note"), blank=True, default=str)
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("commission entry")
        verbose_name_plural = _("commission entries")
        constraints = [
            models.UniqueConstraint(
                fields=["commission"], condition=Q(kind="accrual"), name="commission_entry_one_accrual"
            ),
            models.UniqueConstraint(
                fields=["commission"], condition=Q(kind="reversal"), name="commission_entry_one_reversal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount_cad} CAD (commission {self.commission_id})"


def commission_statement_path(instance, filename):
    return f"commission-statements/{instance.month:%Y-%m}/{filename}"


class CommissionStatement(TimeStampedModel):
    """A broker's monthly statement (commissions.statements) as it was sent, its CSV and PDF kept in private
    storage unchanged; one per broker and month, so that the monthly job run again sends nothing twice."""

    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("broker"),
        on_delete=models.PROTECT,
        related_name="commission_statements",
    )
    month = models.DateField(verbose_name=_("month"), help_text=_("The first day of the month the statement covers"))
    csv = models.FileField(
        verbose_name=_("CSV"), upload_to=commission_statement_path, storage=document_storage, max_length=255
    )
    pdf = models.FileField(
        verbose_name=_("PDF"), upload_to=commission_statement_path, storage=document_storage, max_length=255
    )
    sent_at = models.DateTimeField(
        verbose_name=_("sent at"), help_text=_("When the statement went to the broker's notifications")
    )

    class Meta:
        verbose_name = _("commission statement")
        verbose_name_plural = _("commission statements")
        ordering = ["-month", "broker"]
        constraints = [
            models.UniqueConstraint(fields=["broker", "month"], name="commission_statement_once_per_month"),
            models.CheckConstraint(condition=Q(month__day=1), name="commission_statement_month_start"),
        ]

    def __str__(self) -> str:
        return f"Commission statement {self.month:%Y-%m} of broker {self.broker_id}"


class PayoutRail(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    STRIPE_CONNECT = "stripe_connect", _("Stripe Connect")
    MTN_MOMO = "mtn_momo", _("MTN MoMo")
    MPESA_B2C = "mpesa_b2c", _("M-Pesa")


class BrokerPayoutAccount(TimeStampedModel):
    """Where a broker is paid: the rail it prefers and its address on each rail it may be paid by (the phone
    and the bank details encrypted at rest, nzila_export.field_encryption)."""

    broker = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("broker"), on_delete=models.PROTECT, related_name="payout_account"
    )
    preferred_rail = models.CharField(
        verbose_name=_("preferred payout rail"),
        max_length=16,
        choices=PayoutRail.choices,
        default=PayoutRail.BANK_TRANSFER,
    )
    mobile_money_phone = EncryptedPhoneNumberField(
        verbose_name=_("mobile money phone"), blank=True, help_text=_("E.164, for MTN MoMo or M-Pesa.")
    )
    stripe_account_id = models.CharField(
        verbose_name=_("Stripe account ID"),
        max_length=64,
        blank=True,
        help_text=_("The broker's Stripe connected account (acct_...)."),
    )
    bank_details = EncryptedTextField(
        verbose_name=_("bank details"), blank=True, help_text=_("Bank, account holder and account number, for staff.")
    )

    class Meta:
        verbose_name = _("broker payout account")
        verbose_name_plural = _("broker payout accounts")

    def __str__(self) -> str:
        return f"Payout account of {self.broker_id} ({self.preferred_rail})"


class PayoutStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    PROCESSING = "processing", _("Processing")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


# Where a payout's status may move (commissions.services.payouts): pending while its row is committed before
# the provider is called; processing while the provider has it or its answer was lost (a status query
# settles it); succeeded or failed are final. A failed payout leaves its commission approved for a new one.
PAYOUT_MOVES = {
    PayoutStatus.PENDING: {PayoutStatus.PROCESSING, PayoutStatus.SUCCEEDED, PayoutStatus.FAILED},
    PayoutStatus.PROCESSING: {PayoutStatus.SUCCEEDED, PayoutStatus.FAILED},
    PayoutStatus.SUCCEEDED: set(),
    PayoutStatus.FAILED: set(),
}


class Payout(TimeStampedModel):
    """The money out for one commission: its CAD amount (the commission's, to the cent) and what was paid,
    in the currency of the rail (a mobile-money payout in the broker's local currency, at the day's rate).
    `reference` is ours, made with the row before the provider is called: MTN's X-Reference-Id, M-Pesa's
    OriginatorConversationID, Stripe's idempotency key and transfer group."""

    commission = models.ForeignKey(
        Commission, verbose_name=_("commission"), on_delete=models.PROTECT, related_name="payouts"
    )
    rail = models.CharField(verbose_name=_("payout rail"), max_length=16, choices=PayoutRail.choices)
    amount_cad = models.DecimalField(verbose_name=_("amount in CAD"), max_digits=CAD_DIGITS, decimal_places=CAD_PLACES)
    amount = models.DecimalField(
        verbose_name=_("amount"), max_digits=18, decimal_places=3, help_text=_("What the broker is paid")
    )
    currency = models.CharField(verbose_name=_("currency"), max_length=3)
    rate = models.DecimalField(
        verbose_name=_("exchange rate"),
        max_digits=24,
        decimal_places=12,
        default=1,
        help_text=_("Units of the currency paid per CAD"),
    )
    rate_date = models.DateField(
        verbose_name=_("rate date"), null=True, blank=True, help_text=_("The day of the rate; empty when paid in CAD")
    )
    destination = EncryptedTextField(
        verbose_name=_("paid to"),
        blank=True,
        help_text=_("The phone, connected account or bank account paid"),
    )
    status = models.CharField(
        verbose_name=_("status"),
        max_length=10,
        choices=PayoutStatus.choices,
        default=PayoutStatus.PENDING,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(verbose_name=_("status changed at"))
    reference = models.UUIDField(verbose_name=_("our reference"), default=uuid.uuid4, unique=True, editable=False)
    provider_reference = models.CharField(verbose_name=_("provider reference"), max_length=100, blank=True)
    provider_status = models.CharField(verbose_name=_("provider status"), max_length=64, blank=True)
    requested_at = models.DateTimeField(verbose_name=_("requested at"))
    status_checked_at = models.DateTimeField(verbose_name=_("status checked at"), null=True, blank=True)
    settled_at = models.DateTimeField(verbose_name=_("settled at"), null=True, blank=True)
    failure_reason = models.CharField(verbose_name=_("failure reason"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payouts_made",
    )

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["commission"], condition=~Q(status="failed"), name="payout_one_live_per_commission"
            ),
            models.CheckConstraint(condition=Q(amount_cad__gt=0) & Q(amount__gt=0), name="payout_amount_positive"),
        ]
        indexes = [models.Index(fields=["status", "requested_at"], name="payout_status_requested_idx")]

    def __str__(self) -> str:
        return f"Payout {self.pk}: {self.amount} {self.currency} by {self.rail} ({self.status})"
