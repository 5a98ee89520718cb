"""Buyer inquiries (leads) on vehicles, their contact log, and the per-country import rules that the
destination check reads."""

from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from phonenumber_field.modelfields import PhoneNumberField

from nzila_export.models import TimeStampedModel


class AgeCountedFrom(models.TextChoices):
    FIRST_REGISTRATION = "first_registration", _("First registration")
    MANUFACTURE = "manufacture", _("Manufacture")
    UNKNOWN = "unknown", _("Unknown")


class Steering(models.TextChoices):
    LHD = "LHD", _("Left-hand drive")
    RHD = "RHD", _("Right-hand drive")


class Confidence(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class DestinationRule(TimeStampedModel):
    """What can stop a used Canadian car from being imported into one country. Loaded from
    leads/data/destination_rules.csv and then edited by staff; `sources` says where each fact comes from."""

    country = CountryField(verbose_name=_("country"), unique=True, help_text=_("ISO 3166-1 alpha-2 code."))
    name = models.CharField(verbose_name=_("name"), max_length=100)
    max_age_years = models.PositiveSmallIntegerField(
        verbose_name=_("maximum age (years)"),
        null=True,
        blank=True,
        help_text=_("Import age cap for used passenger cars; empty when there is none."),
    )
    age_counted_from = models.CharField(
        verbose_name=_("age counted from"),
        max_length=20,
        choices=AgeCountedFrom.choices,
        default=AgeCountedFrom.UNKNOWN,
    )
    steering_allowed = models.CharField(
        verbose_name=_("steering allowed"),
        max_length=3,
        choices=Steering.choices,
        default=Steering.LHD,
        help_text=_("The steering side admitted."),
    )
    age_penalty_note = models.TextField(verbose_name=_("age penalty note"), blank=True)
    required_documents = ArrayField(
        models.CharField(max_length=64),
        verbose_name=_("required documents"),
        default=list,
        blank=True,
        help_text=_("Document codes, comma-separated."),
    )
    ports = ArrayField(
        models.CharField(max_length=5),
        verbose_name=_("ports"),
        default=list,
        blank=True,
        help_text=_("UN/LOCODEs, comma-separated."),
    )
    currency = models.CharField(verbose_name=_("currency"), max_length=3)
    confidence = models.CharField(
        verbose_name=_("confidence"), max_length=6, choices=Confidence.choices, default=Confidence.MEDIUM
    )
    sources = models.TextField(verbose_name=_("sources"), help_text=_("Where these facts come from, with dates."))
    as_of = models.CharField(
        verbose_name=_("as of"),
        max_length=7,
        validators=[RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", _("Use YYYY-MM."))],
        help_text=_("The month the sources speak for (YYYY-MM)."),
    )

    class Meta:
        verbose_name = _("destination rule")
        verbose_name_plural = _("destination rules")
        ordering = ["country"]

    def __str__(self):
        return f"{self.name} ({self.country})"


class LeadSource(models.TextChoices):
    WEBSITE = "website", _("Website")
    REFERRAL = "referral", _("Referral")
    BROKER = "broker", _("Broker")
    DIRECT = "direct", _("Direct")
    WHATSAPP = "whatsapp", _("WhatsApp")


class LeadStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    QUALIFIED = "qualified", _("Qualified")
    NEGOTIATING = "negotiating", _("Negotiating")
    CONVERTED = "converted", _("Converted")
    LOST = "lost", _("Lost")


OPEN_STATUSES = (LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.NEGOTIATING)

# From each status, where a lead may go (checked by nzila_export.transitions.transition_check in
# leads.services.lead_transition). Converted and lost are final: a buyer who comes back is a new lead,
# so that conversion figures count each inquiry once.
LEAD_MOVES = {
    LeadStatus.NEW: {LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.LOST},
    LeadStatus.CONTACTED: {LeadStatus.QUALIFIED, LeadStatus.NEGOTIATING, LeadStatus.LOST},
    LeadStatus.QUALIFIED: {LeadStatus.NEGOTIATING, LeadStatus.CONVERTED, LeadStatus.LOST},
    LeadStatus.NEGOTIATING: {LeadStatus.CONVERTED, LeadStatus.LOST},
    LeadStatus.CONVERTED: set(),
    LeadStatus.LOST: set(),
}

# An open lead with no contact for this long (or never contacted and this old) is stalled.
STALLED_AFTER = timedelta(days=3)


class LeadPriority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class ContactChannel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")
    IN_PERSON = "in_person", _("In person")
    OTHER = "other", _("Other")


class Lead(TimeStampedModel):
    """A buyer's inquiry on one vehicle. `dealer` is the vehicle's dealer when the lead came in, kept
    on the row so that scoping a list needs no join. Score, priority, next action and conversion
    probability come from the scoring engine (leads.scoring) and are refreshed on every change."""

    vehicle = models.ForeignKey(
        "vehicles.Vehicle", verbose_name=_("vehicle"), on_delete=models.PROTECT, related_name="leads"
    )
    dealer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dealer"), on_delete=models.PROTECT, related_name="dealer_leads"
    )
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buyer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buyer_leads",
    )
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("broker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="broker_leads",
    )
    full_name = models.CharField(verbose_name=_("full name"), max_length=200)
    email = models.EmailField(verbose_name=_("e-mail address"))
    phone = PhoneNumberField(verbose_name=_("phone"), blank=True, help_text=_("E.164, for example +2250701020304."))
    message = models.TextField(verbose_name=_("message"), blank=True)
    destination_country = CountryField(verbose_name=_("destination country"), help_text=_("ISO 3166-1 alpha-2 code."))
    source = models.CharField(
        verbose_name=_("source"), max_length=16, choices=LeadSource.choices, default=LeadSource.WEBSITE
    )
    status = models.CharField(
        verbose_name=_("status"), max_length=16, choices=LeadStatus.choices, default=LeadStatus.NEW, db_index=True
    )
    lost_reason = models.TextField(verbose_name=_("lost reason"), blank=True)
    score = models.PositiveSmallIntegerField(
        verbose_name=_("score"), default=0, validators=[MaxValueValidator(100)], db_index=True
    )
    priority = models.CharField(
        verbose_name=_("priority"), max_length=8, choices=LeadPriority.choices, default=LeadPriority.LOW
    )
    conversion_probability = models.DecimalField(
        verbose_name=_("conversion probability"),
        max_digits=3,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    next_action = models.JSONField(verbose_name=_("next action"), default=dict, blank=True)
    last_contacted_at = models.DateTimeField(verbose_name=_("last contacted at"), null=True, blank=True)
    last_follow_up_at = models.DateTimeField(
        verbose_name=_("last follow-up at"),
        null=True,
        blank=True,
        help_text=_("When the dealer was last reminded of this lead (stalled-lead job)."),
    )
    destination_allowed = models.BooleanField(
        verbose_name=_("destination check"),
        null=True,
        blank=True,
        help_text=_("The destination check when the lead came in (empty: not checked)."),
    )
    destination_reasons = models.JSONField(verbose_name=_("destination check reasons"), default=list, blank=True)
    dealer_told_at = models.DateTimeField(
        verbose_name=_("dealer told at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the dealer was told of the inquiry (empty: not yet)."),
    )

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["dealer", "status"], name="leads_dealer_status_idx"),
            models.Index(fields=["broker", "status"], name="leads_broker_status_idx"),
            models.Index(fields=["buyer", "status"], name="leads_buyer_status_idx"),
            # The leads whose dealer is not told yet (leads.tasks, every minute): a minute's inquiries at most.
            models.Index(
                fields=["created_at"], condition=models.Q(dealer_told_at__isnull=True), name="leads_dealer_untold_idx"
            ),
        ]

    def __str__(self):
        return f"Lead {self.pk}: {self.full_name} on vehicle {self.vehicle_id}"


class LeadContact(TimeStampedModel):
    """One contact with the buyer about a lead; the latest moves the lead's last_contacted_at."""

    lead = models.ForeignKey(Lead, verbose_name=_("lead"), on_delete=models.CASCADE, related_name="contacts")
    channel = models.CharField(verbose_name=_("channel"), max_length=16, choices=ContactChannel.choices)
    note = models.TextField(verbose_name=_("note"))
    contacted_at = models.DateTimeField(verbose_name=_("contacted at"))
    contacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contacted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("lead contact")
        verbose_name_plural = _("lead contacts")
        ordering = ["-contacted_at", "-id"]
        # A lead's first contact in one probe: the dealers' response times (reports.selectors.market).
        indexes = [models.Index(fields=["lead", "contacted_at"], name="lead_contact_lead_time_idx")]

    def __str__(self):
        return f"{self.get_channel_display()} contact on lead {self.lead_id}"
