"""The privacy officer's register (people's requests about their personal information, and confidentiality
incidents) and the history of each person's consents."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from documents.storage import document_storage
from nzila_export.models import TimeStampedModel

# PIPEDA (s. 8(3)) and Quebec's private-sector act (s. 32) give 30 days to answer a request.
RESPONSE_DAYS = 30


class DataRequestKind(models.TextChoices):
    ACCESS = "access", _("Access")
    DELETION = "deletion", _("Deletion")
    RECTIFICATION = "rectification", _("Rectification")


class DataRequestStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("data request status", "Received")
    COMPLETED = "completed", pgettext_lazy("data request status", "Completed")
    CANCELLED = "cancelled", pgettext_lazy("data request status", "Cancelled")


# Where a request's status may move (privacy.services.requests.data_request_close): a request is answered
# (an export built, an account anonymized, a correction made) or withdrawn; both are final.
DATA_REQUEST_MOVES = {
    DataRequestStatus.RECEIVED: {DataRequestStatus.COMPLETED, DataRequestStatus.CANCELLED},
    DataRequestStatus.COMPLETED: set(),
    DataRequestStatus.CANCELLED: set(),
}


def export_path(instance, filename):
    return f"privacy/exports/{filename}"


class DataRequest(TimeStampedModel):
    """A person's request about their personal information, as the privacy officer's register keeps it.
    An access request's ZIP stays in private storage while its link works; a deletion request is due when
    its grace period ends, and the daily job anonymizes the account then."""

    kind = models.CharField(_("kind"), max_length=16, choices=DataRequestKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="data_requests", verbose_name=_("person")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DataRequestStatus.choices, default=DataRequestStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    due_at = models.DateTimeField(
        _("due at"), help_text=_("30 days after it was received; a deletion: when its grace period ends.")
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    export_file = models.FileField(
        _("export file"), upload_to=export_path, storage=document_storage, max_length=255, blank=True
    )

    class Meta:
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")
        ordering = ["-received_at", "-id"]
        constraints = [
            # One export in the making and one deletion in its grace period per person at most.
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=Q(kind__in=["access", "deletion"], status="received"),
                name="privacy_one_open_request_per_kind",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "status", "due_at"], name="privacy_request_due_idx"),
            models.Index(fields=["user", "kind", "status"], name="privacy_request_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    @property
    def is_overdue(self) -> bool:
        return self.status == DataRequestStatus.RECEIVED and self.due_at < timezone.now()


class ConsentPurpose(models.TextChoices):
    MARKETING_EMAIL = "marketing_email", _("Marketing by e-mail")
    MARKETING_WHATSAPP = "marketing_whatsapp", _("Marketing by WhatsApp")
    MARKETING_SMS = "marketing_sms", _("Marketing by SMS")
    ANALYTICS = "analytics", _("Analytics")
    PROFILING = "profiling", _("Profiling for recommendations")


class ConsentSource(models.TextChoices):
    API = "api", _("The person, through the app")
    ADMIN = "admin", _("Staff, on the person's word")
    SIGNUP = "signup", _("Sign-up form")


class ConsentRecord(models.Model):
    """One change of one consent, as it was given or withdrawn: the history that proves it. The current
    state is the latest row per purpose (for marketing, notifications' channel preferences hold it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_records", verbose_name=_("person")
    )
    purpose = models.CharField(_("purpose"), max_length=24, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("granted"))
    source = models.CharField(_("source"), max_length=8, choices=ConsentSource.choices)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.TextField(_("user agent"), blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["user", "purpose", "-recorded_at"], name="privacy_consent_latest_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose}: {'granted' if self.granted else 'withdrawn'}"


class Incident(TimeStampedModel):
    """A confidentiality incident (Quebec's Law 25) or breach of security safeguards (PIPEDA), as the
    register keeps it: kept at least five years after it became known (Quebec's Regulation respecting
    confidentiality incidents; PIPEDA's Breach of Security Safeguards Regulations ask 24 months)."""

    occurred_on = models.DateField(_("occurred on"), help_text=_("The first day, if it lasted a while."))
    occurred_until = models.DateField(_("occurred until"), null=True, blank=True)
    discovered_on = models.DateField(_("discovered on"))
    description = models.TextField(_("description"), help_text=_("What happened, how, and its cause if known."))
    personal_information = models.TextField(
        _("personal information concerned"), help_text=_("What kinds of personal information; if unknown, why.")
    )
    people_affected = models.PositiveIntegerField(
        _("people affected"), null=True, blank=True, help_text=_("Empty while unknown.")
    )
    risk_of_serious_injury = models.BooleanField(_("risk of serious injury"), default=False)
    risk_assessment = models.TextField(
        _("risk assessment"),
        blank=True,
        help_text=_("The sensitivity of the information, the likely consequences and their likelihood."),
    )
    reported_to_cai_on = models.DateField(
        _("reported to the Commission d'accès à l'information on"), null=True, blank=True
    )
    reported_to_opc_on = models.DateField(
        _("reported to the Office of the Privacy Commissioner of Canada on"), null=True, blank=True
    )
    people_notified_on = models.DateField(_("people notified on"), null=True, blank=True)
    measures_taken = models.TextField(
        _("measures taken"),
        blank=True,
        help_text=_("To reduce the risk of injury and to keep it from happening again."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("confidentiality incident")
        verbose_name_plural = _("confidentiality incidents")
        ordering = ["-discovered_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(discovered_on__gte=models.F("occurred_on")), name="privacy_incident_discovered_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.discovered_on:%Y-%m-%d} #{self.pk}"

    @property
    def needs_reporting(self) -> bool:
        """A risk of serious injury is reported promptly to the people concerned and to the regulator (the
        Commission for Quebec residents, the OPC for the others): flagged while either notice is missing."""
        regulator_told = self.reported_to_cai_on is not None or self.reported_to_opc_on is not None
        return self.risk_of_serious_injury and (self.people_notified_on is None or not regulator_told)
