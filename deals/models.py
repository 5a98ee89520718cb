from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from accounts.validators import validate_currency_code
from nzila_export.models import TimeStampedModel


class DealStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING_DOCUMENTS = "pending_documents", _("Pending documents")
    PENDING_PAYMENT = "pending_payment", _("Pending payment")
    PAID = "paid", _("Paid")
    IN_TRANSIT = "in_transit", _("In transit")
    DELIVERED = "delivered", _("Delivered")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


CLOSED_STATUSES = [DealStatus.COMPLETED, DealStatus.CANCELLED]

# From each status, where a deal may go (checked by nzila_export.transitions.transition_check in
# deals.services.deal_transition): forward one step at a time, or cancelled (with a reason) before the car
# leaves. Completed and cancelled are final. Who may ask for a move and what it needs: deals.transitions.
DEAL_MOVES = {
    DealStatus.DRAFT: {DealStatus.PENDING_DOCUMENTS, DealStatus.CANCELLED},
    DealStatus.PENDING_DOCUMENTS: {DealStatus.PENDING_PAYMENT, DealStatus.CANCELLED},
    DealStatus.PENDING_PAYMENT: {DealStatus.PAID, DealStatus.CANCELLED},
    DealStatus.PAID: {DealStatus.IN_TRANSIT, DealStatus.CANCELLED},
    DealStatus.IN_TRANSIT: {DealStatus.DELIVERED},
    DealStatus.DELIVERED: {DealStatus.COMPLETED},
    DealStatus.COMPLETED: set(),
    DealStatus.CANCELLED: set(),
}


class Incoterm(models.TextChoices):
    FOB = "FOB", _("FOB: free on board at the Canadian port")
    CIF = "CIF", _("CIF: cost, insurance and freight to the destination port")


class RiskLevel(models.TextChoices):
    LOW = "low", pgettext_lazy("risk level", "Low")
    MEDIUM = "medium", pgettext_lazy("risk level", "Medium")
    HIGH = "high", pgettext_lazy("risk level", "High")


class Deal(TimeStampedModel):
    """A sale of one vehicle from its dealer to a buyer, maybe through a broker, from the lead it
    came from to the buyer's port. Its status only moves through deals.services.deal_transition."""

    vehicle = models.ForeignKey(
        "vehicles.Vehicle", verbose_name=_("vehicle"), on_delete=models.PROTECT, related_name="deals"
    )
    dealer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dealer"), on_delete=models.PROTECT, related_name="dealer_deals"
    )
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("buyer"), on_delete=models.PROTECT, related_name="buyer_deals"
    )
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("broker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="broker_deals",
    )
    referring_broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("referring broker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referred_deals",
        help_text=_("The broker who brought the buyer when another closes the deal: they share its commission."),
    )
    lead = models.OneToOneField(
        "leads.Lead", verbose_name=_("lead"), null=True, blank=True, on_delete=models.SET_NULL, related_name="deal"
    )
    agreed_price = models.DecimalField(verbose_name=_("agreed price"), max_digits=14, decimal_places=2)
    currency = models.CharField(verbose_name=_("currency"), max_length=3, validators=[validate_currency_code])
    destination_country = CountryField(verbose_name=_("destination country"))
    destination_port = models.CharField(
        verbose_name=_("destination port"), max_length=5, help_text=_("UN/LOCODE, for example CIABJ")
    )
    incoterm = models.CharField(
        verbose_name=_("incoterm"), max_length=3, choices=Incoterm.choices, default=Incoterm.CIF
    )
    notes = models.TextField(verbose_name=_("notes"), blank=True)
    status = models.CharField(
        verbose_name=_("status"), max_length=20, choices=DealStatus.choices, default=DealStatus.DRAFT, db_index=True
    )
    status_changed_at = models.DateTimeField(verbose_name=_("status changed at"))
    cancellation_reason = models.TextField(verbose_name=_("cancellation reason"), blank=True)
    destination_override_reason = models.TextField(
        verbose_name=_("destination override reason"),
        blank=True,
        help_text=_("Why staff let this deal through although the destination's rules refuse the car"),
    )
    risk_score = models.PositiveSmallIntegerField(verbose_name=_("risk score"), default=0)
    risk_level = models.CharField(
        verbose_name=_("risk level"), max_length=8, choices=RiskLevel.choices, default=RiskLevel.LOW
    )
    risk_flags = models.JSONField(verbose_name=_("risk flags"), default=list, blank=True)
    risk_recommendation = models.CharField(verbose_name=_("risk recommendation"), max_length=255, blank=True)
    is_on_hold = models.BooleanField(
        verbose_name=_("on hold"), default=False, help_text=_("Held for staff review: no move but cancel")
    )
    hold_reason = models.CharField(verbose_name=_("hold reason"), max_length=255, blank=True)
    last_follow_up_at = models.DateTimeField(verbose_name=_("last follow-up at"), null=True, blank=True)

    class Meta:
        verbose_name = _("deal")
        verbose_name_plural = _("deals")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vehicle"], condition=~Q(status__in=CLOSED_STATUSES), name="one_open_deal_per_vehicle"
            ),
            models.CheckConstraint(condition=Q(agreed_price__gt=0), name="deal_agreed_price_positive"),
        ]
        indexes = [
            models.Index(fields=["dealer", "status"], name="deal_dealer_status_idx"),
            models.Index(fields=["buyer", "status"], name="deal_buyer_status_idx"),
            models.Index(fields=["broker", "status"], name="deal_broker_status_idx"),
            models.Index(fields=["status", "status_changed_at"], name="deal_stalled_idx"),
        ]

    def __str__(self) -> str:
        return f"Deal {self.pk}: vehicle {self.vehicle_id} ({self.status})"

    @property
    def participants(self) -> list:
        return [user for user in (self.dealer, self.buyer, self.broker) if user is not None]


class DealEvent(models.Model):
    """The deal's timeline: each status move, hold and release, with who and why."""

    deal = models.ForeignKey(Deal, verbose_name=_("deal"), on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(verbose_name=_("from status"), max_length=20, choices=DealStatus.choices, blank=True)
    to_status = models.CharField(verbose_name=_("to status"), max_length=20, choices=DealStatus.choices)
    # A reason typed by a person is kept as its text; one the platform writes with values (a released hold's
    # note) as nzila_export.stored_text's {"message", "values"}, so that each reader reads it in their language.
    reason = models.JSONField(verbose_name=_("reason"), blank=True, default=str)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("actor"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("deal event")
        verbose_name_plural = _("deal events")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.deal_id}: {self.from_status or '-'} → {self.to_status}"
