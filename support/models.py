"""The support desk: tickets a buyer or dealer opens about one of its deals, payments or shipments, the
conversation on each (with staff-only notes), its private attachments, and the FAQ staff write in the admin."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from documents.storage import document_storage
from nzila_export.models import TimeStampedModel


class TicketStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_ON_CUSTOMER = "waiting_on_customer", _("Waiting on customer")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


# Every move of a ticket (nzila_export.transitions). Staff make any of them; the opener closes its ticket
# and reopens a resolved one, or a closed one within SUPPORT_REOPEN_DAYS (support.services).
TICKET_MOVES = {
    TicketStatus.OPEN: {
        TicketStatus.IN_PROGRESS,
        TicketStatus.WAITING_ON_CUSTOMER,
        TicketStatus.RESOLVED,
        TicketStatus.CLOSED,
    },
    TicketStatus.IN_PROGRESS: {TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.RESOLVED, TicketStatus.CLOSED},
    TicketStatus.WAITING_ON_CUSTOMER: {TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED},
    TicketStatus.RESOLVED: {TicketStatus.OPEN, TicketStatus.CLOSED},
    TicketStatus.CLOSED: {TicketStatus.OPEN},
}
UNRESOLVED_STATUSES = (TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_CUSTOMER)


class TicketPriority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class TicketCategory(models.TextChoices):
    DELAY = "delay", _("Delay")
    DAMAGE = "damage", _("Damage or missing items")
    PAYMENT = "payment", _("Payment or refund")
    DOCUMENTS = "documents", _("Documents")
    OTHER = "other", _("Other")


class Ticket(TimeStampedModel):
    """One request for help about exactly one deal, payment or shipment of the person who opens it. Its
    targets are fixed when it is opened, from its priority (settings.SUPPORT_*_TARGET_HOURS)."""

    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), on_delete=models.PROTECT, related_name="support_tickets"
    )
    subject = models.CharField(verbose_name=_("subject"), max_length=200)
    category = models.CharField(verbose_name=_("category"), max_length=16, choices=TicketCategory.choices)
    deal = models.ForeignKey(
        "deals.Deal", verbose_name=_("deal"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    payment = models.ForeignKey(
        "payments.Payment", verbose_name=_("payment"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    shipment = models.ForeignKey(
        "shipments.Shipment",
        verbose_name=_("shipment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        verbose_name=_("status"), max_length=24, choices=TicketStatus.choices, default=TicketStatus.OPEN, db_index=True
    )
    status_changed_at = models.DateTimeField(verbose_name=_("status changed at"), auto_now_add=True)
    priority = models.CharField(
        verbose_name=_("priority"), max_length=8, choices=TicketPriority.choices, default=TicketPriority.NORMAL
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_support_tickets",
    )
    first_response_due_at = models.DateTimeField(verbose_name=_("first response due at"))
    resolution_due_at = models.DateTimeField(verbose_name=_("resolution due at"))
    first_response_at = models.DateTimeField(verbose_name=_("first response at"), null=True, blank=True)
    resolved_at = models.DateTimeField(verbose_name=_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(verbose_name=_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("support ticket")
        verbose_name_plural = _("support tickets")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="support_ticket_concerns_exactly_one_object",
                condition=(
                    Q(deal__isnull=False, payment__isnull=True, shipment__isnull=True)
                    | Q(deal__isnull=True, payment__isnull=False, shipment__isnull=True)
                    | Q(deal__isnull=True, payment__isnull=True, shipment__isnull=False)
                ),
            )
        ]
        indexes = [models.Index(fields=["status", "assigned_to"], name="support_ticket_status_assignee")]

    def __str__(self):
        return f"#{self.pk} {self.subject}"


class MessageVia(models.TextChoices):
    APP = "app", _("In the app")
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")


class TicketMessage(models.Model):
    """One message of a ticket's conversation. An internal note is between staff: never shown to the opener.
    The opener may write by replying to an e-mail or on WhatsApp: such a message keeps the provider's id of
    the message it came from, once (support.inbound)."""

    ticket = models.ForeignKey(Ticket, verbose_name=_("ticket"), on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(verbose_name=_("message"))
    is_internal = models.BooleanField(
        verbose_name=_("internal note"), default=False, help_text=_("Seen by staff only.")
    )
    via = models.CharField(verbose_name=_("channel"), max_length=8, choices=MessageVia.choices, default=MessageVia.APP)
    external_id = models.CharField(
        verbose_name=_("provider's message ID"),
        max_length=255,
        blank=True,
        help_text=_("The e-mail or WhatsApp message it came from"),
    )
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ticket message")
        verbose_name_plural = _("ticket messages")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"], condition=~Q(external_id=""), name="support_message_from_external_once"
            )
        ]

    def __str__(self):
        return f"Message {self.pk} on ticket {self.ticket_id}"


def attachment_upload_path(instance, filename):
    return f"support/{instance.ticket_id}/{filename}"


class TicketAttachment(models.Model):
    """A file a party or staff adds to a ticket: stored privately like export documents, served by a signed link."""

    ticket = models.ForeignKey(Ticket, verbose_name=_("ticket"), on_delete=models.CASCADE, related_name="attachments")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(
        verbose_name=_("file"), upload_to=attachment_upload_path, storage=document_storage, max_length=255
    )
    original_name = models.CharField(verbose_name=_("original file name"), max_length=255)
    content_type = models.CharField(verbose_name=_("file format"), max_length=20)
    size_bytes = models.PositiveIntegerField(verbose_name=_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ticket attachment")
        verbose_name_plural = _("ticket attachments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.original_name


class FaqCategory(models.TextChoices):
    BUYING = "buying", _("Buying a vehicle")
    PAYMENTS = "payments", _("Payments")
    SHIPPING = "shipping", _("Shipping and delivery")
    DOCUMENTS = "documents", _("Documents and customs")
    ACCOUNT = "account", _("Your account")


class FaqEntry(TimeStampedModel):
    """A question and its answer in English and French, written by staff in the admin."""

    category = models.CharField(verbose_name=_("category"), max_length=16, choices=FaqCategory.choices)
    question_en = models.CharField(verbose_name=_("question (English)"), max_length=300)
    answer_en = models.TextField(verbose_name=_("answer (English)"))
    question_fr = models.CharField(
        verbose_name=_("question (French)"), max_length=300, blank=True, help_text=_("Empty: the English is shown.")
    )
    answer_fr = models.TextField(verbose_name=_("answer (French)"), blank=True)
    order = models.PositiveSmallIntegerField(verbose_name=_("order"), default=0)
    is_published = models.BooleanField(verbose_name=_("published"), default=False)

    class Meta:
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")
        ordering = ["category", "order", "id"]

    def __str__(self):
        return self.question_en
