from django.db import models
from django.utils.translation import gettext_lazy as _

from nzila_export.models import TimeStampedModel


class InboxEventStatus(models.TextChoices):
    RECEIVED = "received", _("Received, waiting for a worker")
    PROCESSED = "processed", _("Processed")
    IGNORED = "ignored", _("Ignored (nothing for us to do)")
    FAILED = "failed", _("Failed (the inbox job tries it again)")
    ABANDONED = "abandoned", _("Abandoned after its last attempt (staff alerted)")


# Where an event may be taken up by a worker: new, or failed with attempts left.
OPEN_STATUSES = (InboxEventStatus.RECEIVED, InboxEventStatus.FAILED)


class InboxEvent(TimeStampedModel):
    """One event or callback from a provider (Stripe, a mobile-money rail, Twilio, Mailgun), stored once
    by the provider's id with its raw body, after its signature or token verified. A worker applies it
    through the provider's registered handler; the outcome, the error and its traceback stay here."""

    provider = models.CharField(verbose_name=_("provider"), max_length=30)
    event_id = models.CharField(
        verbose_name=_("event ID"), max_length=255, help_text=_("The provider's id of the event")
    )
    event_type = models.CharField(verbose_name=_("event type"), max_length=100)
    target = models.CharField(
        verbose_name=_("target"),
        max_length=64,
        blank=True,
        help_text=_("Our object the event is about, when the receiving view knew it"),
    )
    body = models.TextField(verbose_name=_("body"))
    headers = models.JSONField(verbose_name=_("headers"), default=dict)
    status = models.CharField(
        verbose_name=_("status"), max_length=20, choices=InboxEventStatus.choices, default=InboxEventStatus.RECEIVED
    )
    attempts = models.PositiveIntegerField(verbose_name=_("attempts"), default=0)
    error = models.TextField(verbose_name=_("error"), blank=True)
    traceback = models.TextField(verbose_name=_("traceback"), blank=True)
    last_attempt_at = models.DateTimeField(verbose_name=_("last attempt at"), null=True, blank=True)
    processed_at = models.DateTimeField(verbose_name=_("processed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("inbox event")
        verbose_name_plural = _("inbox events")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["provider", "event_id"], name="inbox_event_once")]
        indexes = [models.Index(fields=["status", "last_attempt_at"], name="inbox_event_status_idx")]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_type} {self.event_id} ({self.status})"
