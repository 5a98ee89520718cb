from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nzila_export.models import TimeStampedModel


class Channel(models.TextChoices):
    IN_APP = "in_app", _("In-app")
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")


class Category(models.TextChoices):
    """Transactional messages are about the person's own business; marketing needs consent."""

    TRANSACTIONAL = "transactional", _("Transactional")
    MARKETING = "marketing", _("Marketing")


class Notification(TimeStampedModel):
    """An in-app notification: what the person sees in the app's inbox."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField(verbose_name=_("event"), max_length=64)
    title = models.CharField(verbose_name=_("title"), max_length=255)
    body = models.TextField(verbose_name=_("body"))
    related_key = models.CharField(
        verbose_name=_("related object"),
        max_length=100,
        blank=True,
        help_text=_("app_label.model:pk of what it is about"),
    )
    read_at = models.DateTimeField(verbose_name=_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at", "-created_at"], name="notification_inbox_idx")]

    def __str__(self) -> str:
        return self.title


class MessageStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("message status", "Queued")
    SENT = "sent", pgettext_lazy("message status", "Sent")
    DELIVERED = "delivered", pgettext_lazy("message status", "Delivered")
    READ = "read", pgettext_lazy("message status", "Read")
    FAILED = "failed", pgettext_lazy("message status", "Failed")
    UNDELIVERABLE = "undeliverable", pgettext_lazy("message status", "Undeliverable")


# How far along a message is; a provider's callback never moves a message backwards.
STATUS_PROGRESS = {
    MessageStatus.QUEUED: 0,
    MessageStatus.SENT: 1,
    MessageStatus.DELIVERED: 2,
    MessageStatus.READ: 3,
    MessageStatus.FAILED: 4,
    MessageStatus.UNDELIVERABLE: 4,
}


class MessageLog(TimeStampedModel):
    """One outbound message on one channel, from queueing to its last known delivery status.

    Several notifications about one subject within the batch window share one row: `items` holds
    each one's rendered text, and the message sent combines them.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="messages"
    )
    channel = models.CharField(verbose_name=_("channel"), max_length=16, choices=Channel.choices)
    recipient = models.CharField(
        verbose_name=_("recipient"), max_length=255, help_text=_("E-mail address or E.164 phone number")
    )
    event = models.CharField(verbose_name=_("event"), max_length=64, help_text=_("The first event; see items for all"))
    language = models.CharField(verbose_name=_("language"), max_length=2)
    items = models.JSONField(
        verbose_name=_("items"), default=list, help_text=_("Rendered notifications: subject, text, html, short")
    )
    batch_key = models.CharField(verbose_name=_("batch key"), max_length=120, blank=True)
    urgent = models.BooleanField(verbose_name=_("urgent"), default=False)
    status = models.CharField(
        verbose_name=_("status"), max_length=16, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    send_after = models.DateTimeField(
        verbose_name=_("send after"), help_text=_("Not sent before this time (quiet hours, batching)")
    )
    attempts = models.PositiveSmallIntegerField(verbose_name=_("attempts"), default=0)
    # Twilio's SIDs are 34 characters; the WhatsApp Cloud API's wamid ids run past 64.
    provider_message_id = models.CharField(verbose_name=_("provider's message ID"), max_length=128, blank=True)
    error = models.TextField(verbose_name=_("error"), blank=True)
    sent_at = models.DateTimeField(verbose_name=_("sent at"), null=True, blank=True)
    status_changed_at = models.DateTimeField(verbose_name=_("status changed at"), null=True, blank=True)
    resent_from = models.ForeignKey(
        "self", verbose_name=_("resent from"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbound messages")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "send_after"], name="message_due_idx"),
            models.Index(fields=["user", "channel", "batch_key", "status"], name="message_batch_idx"),
            models.Index(fields=["provider_message_id"], name="message_provider_id_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} to {self.recipient}: {self.event} ({self.status})"


class ChannelPreference(TimeStampedModel):
    """A person's choice for one channel and one category. No row means the default
    (see notifications.preferences)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="channel_preferences"
    )
    channel = models.CharField(verbose_name=_("channel"), max_length=16, choices=Channel.choices)
    category = models.CharField(verbose_name=_("category"), max_length=16, choices=Category.choices)
    enabled = models.BooleanField(verbose_name=_("enabled"))
    consented_at = models.DateTimeField(
        verbose_name=_("consented at"), null=True, blank=True, help_text=_("When marketing consent was given")
    )

    class Meta:
        verbose_name = _("channel preference")
        verbose_name_plural = _("channel preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "channel", "category"], name="one_preference_per_channel_category")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.channel}/{self.category}: {'on' if self.enabled else 'off'}"


class SuppressedRecipient(TimeStampedModel):
    """An address we no longer send to: it bounced, complained or the provider called it invalid."""

    channel = models.CharField(verbose_name=_("channel"), max_length=16, choices=Channel.choices)
    address = models.CharField(verbose_name=_("address"), max_length=255)
    reason = models.CharField(verbose_name=_("reason"), max_length=255)

    class Meta:
        verbose_name = _("suppressed recipient")
        verbose_name_plural = _("suppressed recipients")
        constraints = [models.UniqueConstraint(fields=["channel", "address"], name="one_suppression_per_address")]

    def __str__(self) -> str:
        return f"{self.channel} {self.address}"


class SoftBounceStreak(models.Model):
    """How many messages in a row to one e-mail address bounced softly (mailbox full, server deferring,
    given up after the provider's retries): at settings.EMAIL_SOFT_BOUNCE_LIMIT the address is suppressed;
    a delivery starts the count again."""

    address = models.CharField(verbose_name=_("address"), max_length=255, unique=True)
    soft_bounces = models.PositiveSmallIntegerField(verbose_name=_("soft bounces in a row"), default=0)
    last_message_id = models.CharField(
        verbose_name=_("last bounced message"),
        max_length=255,
        blank=True,
        help_text=_("A message the provider retries bounces several times but counts once"),
    )
    last_bounced_at = models.DateTimeField(verbose_name=_("last bounced at"), null=True, blank=True)

    class Meta:
        verbose_name = _("soft bounce streak")
        verbose_name_plural = _("soft bounce streaks")

    def __str__(self) -> str:
        return f"{self.address}: {self.soft_bounces}"


class WhatsAppSession(models.Model):
    """When a person last wrote to us on WhatsApp. Within 24 hours of that, WhatsApp allows free-form
    messages; outside it, only pre-approved templates."""

    phone = models.CharField(verbose_name=_("phone"), max_length=32, unique=True)
    last_inbound_at = models.DateTimeField(verbose_name=_("last inbound at"))

    class Meta:
        verbose_name = _("WhatsApp session")
        verbose_name_plural = _("WhatsApp sessions")

    def __str__(self) -> str:
        return self.phone
