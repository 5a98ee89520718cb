from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from currencies.models import RATE_DECIMAL_PLACES, RATE_MAX_DIGITS
from nzila_export.models import AppendOnlyModel, TimeStampedModel


class PaymentMethod(models.TextChoices):
    CARD = "card", _("Card")
    SANDBOX = "sandbox", _("Sandbox (test money)")
    # The mobile-money rails of Payments II: listed so that rows and reports can name them already.
    MPESA = "mpesa", _("M-Pesa")
    MTN_MOMO = "mtn_momo", _("MTN MoMo")
    ORANGE_MONEY = "orange_money", _("Orange Money")
    AIRTEL_MONEY = "airtel_money", _("Airtel Money")
    PAYSTACK = "paystack", _("Paystack")


# Mobile-money rails are taken when configured, or through the sandbox in local mode; an unconfigured one is
# refused with a clear 422 before a payment is made (payments.services.mobile_money).
AVAILABLE_METHODS = [
    PaymentMethod.CARD, PaymentMethod.SANDBOX, PaymentMethod.MPESA, PaymentMethod.MTN_MOMO,
    PaymentMethod.ORANGE_MONEY, PaymentMethod.AIRTEL_MONEY, PaymentMethod.PAYSTACK,
]  # fmt: skip


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    REQUIRES_ACTION = "requires_action", _("Requires action (3-D Secure)")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")
    REFUNDED = "refunded", _("Refunded")
    PARTIALLY_REFUNDED = "partially_refunded", _("Partially refunded")
    DISPUTED = "disputed", _("Disputed")
    HELD = "held", _("Held for fraud review")


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", _("Approved")
    REJECT = "reject", _("Rejected")


# Statuses in which money was captured (refunds may be made against it).
CAPTURED_STATUSES = [PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.DISPUTED]

# Where a payment's status may move (payments.services.status). A payment is made pending, held or (blocked)
# failed. A failed payment may still succeed: the buyer retried the same PaymentIntent with another card.
# A won dispute gives the money back: the status it had before the dispute (as far as refunds tell).
PAYMENT_MOVES = {
    PaymentStatus.HELD: {PaymentStatus.PENDING, PaymentStatus.FAILED},
    PaymentStatus.PENDING: {PaymentStatus.REQUIRES_ACTION, PaymentStatus.SUCCEEDED, PaymentStatus.FAILED},
    PaymentStatus.REQUIRES_ACTION: {PaymentStatus.PENDING, PaymentStatus.SUCCEEDED, PaymentStatus.FAILED},
    PaymentStatus.FAILED: {PaymentStatus.SUCCEEDED},
    PaymentStatus.SUCCEEDED: {PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED, PaymentStatus.DISPUTED},
    PaymentStatus.PARTIALLY_REFUNDED: {
        PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED, PaymentStatus.DISPUTED,
    },
    PaymentStatus.DISPUTED: {PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED},
    PaymentStatus.REFUNDED: {PaymentStatus.DISPUTED},
}  # fmt: skip

MONEY_MAX_DIGITS, MONEY_DECIMAL_PLACES = 18, 3  # 3: the largest ISO 4217 exponent in use (KWD, BHD)


class Payment(TimeStampedModel):
    """One attempt to pay (part of) a deal. Its amount is in the currency paid; `deal_amount` is the same
    money in the deal's currency and `amount_cad` in CAD, each with the rate used, fixed when it was made.
    Money that actually moved is in the ledger; a payment's status is what its provider last said."""

    deal = models.ForeignKey("deals.Deal", verbose_name=_("deal"), on_delete=models.PROTECT, related_name="payments")
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("payer"), on_delete=models.PROTECT, related_name="payments"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    amount = models.DecimalField(
        verbose_name=_("amount"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES
    )
    currency = models.CharField(verbose_name=_("currency"), max_length=3)
    deal_amount = models.DecimalField(
        verbose_name=_("deal amount"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES
    )
    deal_currency = models.CharField(verbose_name=_("deal currency"), max_length=3)
    deal_rate = models.DecimalField(
        verbose_name=_("deal currency rate"),
        max_digits=RATE_MAX_DIGITS,
        decimal_places=RATE_DECIMAL_PLACES,
        help_text=_("Deal currency per unit paid"),
    )
    amount_cad = models.DecimalField(verbose_name=_("amount in CAD"), max_digits=MONEY_MAX_DIGITS, decimal_places=2)
    cad_rate = models.DecimalField(
        verbose_name=_("CAD rate"),
        max_digits=RATE_MAX_DIGITS,
        decimal_places=RATE_DECIMAL_PLACES,
        help_text=_("CAD per unit paid"),
    )
    rate_date = models.DateField(
        verbose_name=_("rate date"), null=True, blank=True, help_text=_("Date of the rates used; empty: none needed")
    )
    method = models.CharField(verbose_name=_("payment method"), max_length=20, choices=PaymentMethod.choices)
    provider = models.CharField(verbose_name=_("provider"), max_length=20)
    provider_reference = models.CharField(
        verbose_name=_("provider reference"), max_length=255, blank=True, db_index=True
    )
    provider_requested_at = models.DateTimeField(
        verbose_name=_("provider requested at"),
        null=True,
        blank=True,
        help_text=_("When the charge was sent to the provider; empty: not sent (yet)"),
    )
    status = models.CharField(
        verbose_name=_("status"), max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    status_changed_at = models.DateTimeField(verbose_name=_("status changed at"))
    idempotency_key = models.CharField(verbose_name=_("idempotency key"), max_length=255)
    request_fingerprint = models.CharField(
        verbose_name=_("request fingerprint"), max_length=64, help_text=_("SHA-256 of the request that made it")
    )
    failure_code = models.CharField(verbose_name=_("failure code"), max_length=64, blank=True)
    failure_reason = models.CharField(verbose_name=_("failure reason"), max_length=255, blank=True)
    client_secret = models.CharField(
        verbose_name=_("client secret"), max_length=255, blank=True, help_text=_("For the buyer's browser (cards)")
    )
    # Fraud controls (payments.fraud): the score and its reasons [{code, points, reason}], what the request
    # carried for the charge made after a review, and the staff review of a held payment.
    fraud_risk_score = models.PositiveSmallIntegerField(verbose_name=_("fraud risk score"), default=0)
    fraud_reasons = models.JSONField(verbose_name=_("fraud reasons"), default=list, blank=True)
    fraud_model = models.JSONField(
        verbose_name=_("fraud model assessment"), null=True, blank=True,
        help_text=_("The learned model's points, probability and top factors; empty when no model served."),
    )  # fmt: skip
    card_reference = models.CharField(
        verbose_name=_("saved card"), max_length=255, blank=True, help_text=_("The saved card charged (Stripe id)")
    )
    radar_session = models.CharField(
        verbose_name=_("Radar session"),
        max_length=255,
        blank=True,
        help_text=_("Stripe Radar session from the browser"),
    )
    ip_address = models.GenericIPAddressField(verbose_name=_("IP address"), null=True, blank=True)
    review_decision = models.CharField(
        verbose_name=_("review decision"), max_length=10, choices=ReviewDecision.choices, blank=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(verbose_name=_("reviewed at"), null=True, blank=True)
    review_note = models.CharField(verbose_name=_("review note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-created_at", "-id"]
        constraints = [
            # Idempotency keys are scoped to the caller, as Stripe scopes them to an account.
            models.UniqueConstraint(fields=["created_by", "idempotency_key"], name="payment_idempotency_key_once"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]
        indexes = [
            models.Index(fields=["deal", "status"], name="payment_deal_status_idx"),
            models.Index(fields=["payer", "-created_at"], name="payment_payer_idx"),
            models.Index(fields=["status", "status_changed_at"], name="payment_status_idx"),
        ]

    def __str__(self) -> str:
        return f"Payment {self.pk}: {self.amount} {self.currency} for deal {self.deal_id} ({self.status})"


class LedgerEntryKind(models.TextChoices):
    CHARGE = "charge", _("Charge")
    REFUND = "refund", _("Refund")
    FEE = "fee", _("Fee")
    DISPUTE = "dispute", _("Dispute")
    DISPUTE_WON = "dispute_won", _("Dispute won")
    DISPUTE_LOST = "dispute_lost", _("Dispute lost")


class LedgerEntry(AppendOnlyModel):
    """One movement of money, never updated or deleted (a correction is a new entry). Signed: money in
    to the platform is positive (a charge), money out negative (a refund, a fee, a dispute). `amount`
    is in the currency that moved; `deal_amount` is the same in the deal's currency at the payment's
    rate, so that a deal's balance is a plain sum; `amount_cad` is the CAD value."""

    kind = models.CharField(verbose_name=_("type"), max_length=20, choices=LedgerEntryKind.choices)
    payment = models.ForeignKey(
        Payment, verbose_name=_("payment"), on_delete=models.PROTECT, related_name="ledger_entries"
    )
    deal = models.ForeignKey(
        "deals.Deal", verbose_name=_("deal"), on_delete=models.PROTECT, related_name="ledger_entries"
    )
    amount = models.DecimalField(
        verbose_name=_("amount"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES
    )
    currency = models.CharField(verbose_name=_("currency"), max_length=3)
    deal_amount = models.DecimalField(
        verbose_name=_("deal amount"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES
    )
    deal_currency = models.CharField(verbose_name=_("deal currency"), max_length=3)
    amount_cad = models.DecimalField(verbose_name=_("amount in CAD"), max_digits=MONEY_MAX_DIGITS, decimal_places=2)
    provider_reference = models.CharField(verbose_name=_("provider reference"), max_length=255, blank=True)
    note = models.CharField(verbose_name=_("note"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        constraints = [
            # One charge per payment, whatever races or replays: the database has the last word.
            models.UniqueConstraint(
                fields=["payment"], condition=Q(kind="charge"), name="ledger_one_charge_per_payment"
            ),
        ]
        indexes = [models.Index(fields=["deal", "kind"], name="ledger_deal_kind_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount} {self.currency} (payment {self.payment_id})"


class ReconciliationStatus(models.TextChoices):
    CLEAN = "clean", _("Clean")
    DISCREPANCIES = "discrepancies", _("Discrepancies found")


class ReconciliationRun(TimeStampedModel):
    """One comparison of a day's payments at a provider with ours. A clean day is recorded as clean."""

    provider = models.CharField(verbose_name=_("provider"), max_length=20)
    date = models.DateField(verbose_name=_("date"), db_index=True)
    status = models.CharField(verbose_name=_("status"), max_length=20, choices=ReconciliationStatus.choices)
    provider_count = models.PositiveIntegerField(
        verbose_name=_("provider count"), default=0, help_text=_("Payments the provider holds for the day")
    )
    database_count = models.PositiveIntegerField(
        verbose_name=_("our count"), default=0, help_text=_("Our payments of the day")
    )

    class Meta:
        verbose_name = _("reconciliation run")
        verbose_name_plural = _("reconciliation runs")
        ordering = ["-date", "-created_at"]

    def __str__(self) -> str:
        return f"{self.provider} {self.date}: {self.status}"


class DiscrepancyKind(models.TextChoices):
    MISSING_IN_DB = "missing_in_db", _("At the provider, not with us")
    MISSING_AT_PROVIDER = "missing_at_provider", _("With us, not at the provider")
    AMOUNT_MISMATCH = "amount_mismatch", _("Amounts differ")
    STATUS_MISMATCH = "status_mismatch", _("Statuses differ")


class Discrepancy(models.Model):
    run = models.ForeignKey(
        ReconciliationRun, verbose_name=_("reconciliation run"), on_delete=models.CASCADE, related_name="discrepancies"
    )
    kind = models.CharField(verbose_name=_("type"), max_length=30, choices=DiscrepancyKind.choices)
    payment = models.ForeignKey(
        Payment, verbose_name=_("payment"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    provider_reference = models.CharField(verbose_name=_("provider reference"), max_length=255, blank=True)
    ours = models.CharField(verbose_name=_("our value"), max_length=255, blank=True)
    theirs = models.CharField(verbose_name=_("provider's value"), max_length=255, blank=True)

    class Meta:
        ordering = ["run", "kind", "id"]
        verbose_name = _("discrepancy")
        verbose_name_plural = _("discrepancies")

    def __str__(self) -> str:
        return f"{self.kind} {self.provider_reference}: ours {self.ours or '-'}, theirs {self.theirs or '-'}"


class StripeCustomer(TimeStampedModel):
    """The user's customer at Stripe, created once (on first need) and kept: saved cards hang on it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="stripe_customer"
    )
    customer_id = models.CharField(verbose_name=_("Stripe customer ID"), max_length=255, unique=True)

    class Meta:
        verbose_name = _("Stripe customer")
        verbose_name_plural = _("Stripe customers")

    def __str__(self) -> str:
        return f"{self.customer_id} ({self.user_id})"


class MobileMoneyPayment(TimeStampedModel):
    """What a mobile-money payment adds to its payment: the payer's phone the push went to, and a hold.
    A callback or status whose amount, currency or phone differ from the payment's is never credited: the
    payment is held here (`held_at`, with the reason) for staff, and nothing settles it automatically."""

    payment = models.OneToOneField(
        Payment, verbose_name=_("payment"), on_delete=models.PROTECT, related_name="mobile_money"
    )
    phone = models.CharField(verbose_name=_("phone"), max_length=20, help_text=_("The payer's number, E.164"))
    provider_status = models.CharField(
        verbose_name=_("provider status"), max_length=64, blank=True, help_text=_("The provider's last word")
    )
    held_at = models.DateTimeField(verbose_name=_("held at"), null=True, blank=True)
    held_reason = models.CharField(verbose_name=_("hold reason"), max_length=255, blank=True)
    provider_token_digest = models.CharField(
        verbose_name=_("provider token digest"),
        max_length=64,
        blank=True,
        help_text=_("SHA-256 of the rail's callback token (Orange's notif_token)"),
    )

    class Meta:
        verbose_name = _("mobile money payment")
        verbose_name_plural = _("mobile money payments")
        indexes = [models.Index(fields=["held_at"], name="mobile_money_held_idx")]

    def __str__(self) -> str:
        return f"{self.payment_id} {self.phone}{' (held)' if self.held_at else ''}"


class PaystackTransaction(TimeStampedModel):
    """What a Paystack payment adds to its payment: what the buyer's request gave for the checkout (the
    e-mail Paystack receipts go to, the channels offered), kept so that a payment charged later (after a
    fraud review) goes to Paystack with exactly that; Paystack's own id of the transaction once verified;
    and a hold. A charge whose amount or currency differ from the payment's is never credited: the payment
    is held here (`held_at`, with the reason) for staff."""

    payment = models.OneToOneField(
        Payment, verbose_name=_("payment"), on_delete=models.PROTECT, related_name="paystack"
    )
    email = models.EmailField(verbose_name=_("e-mail"), help_text=_("The payer's address given to Paystack"))
    channels = models.JSONField(
        verbose_name=_("channels"), default=list, blank=True, help_text=_("The checkout's channels; empty: all")
    )
    transaction_id = models.CharField(
        verbose_name=_("Paystack transaction ID"), max_length=32, blank=True, help_text=_("Paystack's own id")
    )
    provider_status = models.CharField(
        verbose_name=_("provider status"), max_length=64, blank=True, help_text=_("The provider's last word")
    )
    channel = models.CharField(
        verbose_name=_("channel"), max_length=32, blank=True, help_text=_("How the buyer paid (card, bank ...)")
    )
    held_at = models.DateTimeField(verbose_name=_("held at"), null=True, blank=True)
    held_reason = models.CharField(verbose_name=_("hold reason"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Paystack transaction")
        verbose_name_plural = _("Paystack transactions")

    def __str__(self) -> str:
        return f"{self.payment_id} {self.email}{' (held)' if self.held_at else ''}"
