"""A deal's shipment to the buyer's port and its timeline of events."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nzila_export.models import TimeStampedModel
from shipments.containers import validate_container_number
from shipments.ports import validate_canadian_port, validate_unlocode


class ShipmentStatus(models.TextChoices):
    """In the order a shipment goes through them: a shipment never moves back up this list."""

    BOOKED = "booked", pgettext_lazy("shipment status", "Booked")
    AT_ORIGIN_PORT = "at_origin_port", pgettext_lazy("shipment status", "At the port of origin")
    DEPARTED = "departed", pgettext_lazy("shipment status", "Departed")
    IN_TRANSIT = "in_transit", pgettext_lazy("shipment status", "In transit")
    ARRIVED = "arrived", pgettext_lazy("shipment status", "Arrived at the destination port")
    CUSTOMS_CLEARED = "customs_cleared", pgettext_lazy("shipment status", "Cleared customs")
    DELIVERED = "delivered", pgettext_lazy("shipment status", "Delivered")


STATUS_ORDER = list(ShipmentStatus.values)
DEPARTED_OR_LATER = STATUS_ORDER[STATUS_ORDER.index(ShipmentStatus.DEPARTED) :]
ARRIVED_OR_LATER = STATUS_ORDER[STATUS_ORDER.index(ShipmentStatus.ARRIVED) :]

# From each status, where a shipment may go (checked by nzila_export.transitions.transition_check in
# shipments.services.shipment_record_event): forward only, to any later status, or the same one again (an
# in-transit position report). Delivered closes the timeline.
SHIPMENT_MOVES = {
    status: set(STATUS_ORDER[index:]) if status != ShipmentStatus.DELIVERED else set()
    for index, status in enumerate(STATUS_ORDER)
}


class Shipment(TimeStampedModel):
    """How a deal's car travels: by container (ISO 6346 number) or RoRo (none). One active shipment per
    deal; its status is always that of its latest event."""

    deal = models.ForeignKey("deals.Deal", verbose_name=_("deal"), on_delete=models.PROTECT, related_name="shipments")
    is_active = models.BooleanField(verbose_name=_("active"), default=True)
    carrier = models.CharField(verbose_name=_("carrier"), max_length=120)
    vessel = models.CharField(verbose_name=_("vessel"), max_length=120, blank=True)
    voyage = models.CharField(verbose_name=_("voyage"), max_length=40, blank=True)
    booking_number = models.CharField(verbose_name=_("booking number"), max_length=40)
    bill_of_lading_number = models.CharField(verbose_name=_("bill of lading number"), max_length=40, blank=True)
    is_roro = models.BooleanField(_("RoRo"), default=False, help_text=_("Roll-on/roll-off: no container."))
    container_number = models.CharField(
        verbose_name=_("container number"),
        max_length=11,
        blank=True,
        validators=[validate_container_number],
        help_text=_("ISO 6346; blank for RoRo."),
    )
    origin_port = models.CharField(
        verbose_name=_("origin port"), max_length=5, validators=[validate_canadian_port], help_text=_("UN/LOCODE")
    )
    destination_port = models.CharField(
        verbose_name=_("destination port"), max_length=5, validators=[validate_unlocode], help_text=_("UN/LOCODE")
    )
    etd = models.DateTimeField(_("estimated departure"))
    eta = models.DateTimeField(_("estimated arrival"))
    status = models.CharField(
        verbose_name=_("status"), max_length=20, choices=ShipmentStatus.choices, default=ShipmentStatus.BOOKED
    )
    delay_flagged_for_eta = models.DateTimeField(
        verbose_name=_("delay flagged for estimated arrival"),
        null=True,
        blank=True,
        help_text=_("The ETA the last delay was flagged for: each ETA missed is flagged once."),
    )
    delay_flagged_at = models.DateTimeField(verbose_name=_("delay flagged at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["deal"], condition=Q(is_active=True), name="one_active_shipment_per_deal"),
            models.CheckConstraint(
                condition=(Q(is_roro=True) & Q(container_number="")) | (Q(is_roro=False) & ~Q(container_number="")),
                name="shipment_container_or_roro",
                violation_error_message=_("A container shipment has a container number; a RoRo one has none."),
            ),
            models.CheckConstraint(condition=Q(eta__gte=models.F("etd")), name="shipment_eta_after_etd"),
        ]
        indexes = [models.Index(fields=["status", "eta"], name="shipment_status_eta")]

    def __str__(self):
        return f"Shipment {self.pk} of deal {self.deal_id} ({self.status})"


class ShipmentEvent(models.Model):
    """One step of the timeline, ordered by when it happened (not when it was recorded)."""

    shipment = models.ForeignKey(Shipment, verbose_name=_("shipment"), on_delete=models.CASCADE, related_name="events")
    status = models.CharField(verbose_name=_("status"), max_length=20, choices=ShipmentStatus.choices)
    location = models.CharField(verbose_name=_("location"), max_length=120, blank=True)
    occurred_at = models.DateTimeField(verbose_name=_("occurred at"))
    # A note typed by a person is kept as its text; one the platform writes with values (the booking's) as
    # nzila_export.stored_text's {"message", "values"}, so that each reader reads it in their language.
    note = models.JSONField(verbose_name=_("note"), blank=True, default=str)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True)
    notified_at = models.DateTimeField(
        verbose_name=_("notified at"),
        null=True,
        blank=True,
        help_text=_("When the buyer was told of this event (send_shipment_updates)."),
    )

    class Meta:
        verbose_name = _("shipment event")
        verbose_name_plural = _("shipment events")
        ordering = ["occurred_at", "id"]
        indexes = [
            models.Index(fields=["shipment", "occurred_at"], name="shipment_event_timeline"),
            models.Index(fields=["id"], condition=Q(notified_at__isnull=True), name="shipment_event_unnotified"),
        ]

    def __str__(self):
        return f"{self.get_status_display()} at {self.occurred_at:%Y-%m-%d %H:%M} (shipment {self.shipment_id})"
