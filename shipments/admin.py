from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from nzila_export.stored_text import stored_text_read
from shipments.models import Shipment, ShipmentEvent


class ShipmentEventInline(admin.TabularInline):
    """The timeline, read-only: events are added through the API so that the ordering rules hold."""

    model = ShipmentEvent
    extra = 0
    can_delete = False
    fields = ["occurred_at", "status", "location", "note_text", "recorded_by", "created_at", "notified_at"]
    readonly_fields = fields
    ordering = ["occurred_at", "id"]

    @admin.display(description=_("note"))
    def note_text(self, event: ShipmentEvent) -> str:
        return stored_text_read(event.note)  # in the staff member's language, not as JSON

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Shipment)
class ShipmentAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "deal",
        "status",
        "carrier",
        "vessel",
        "container_number",
        "is_roro",
        "origin_port",
        "destination_port",
        "etd",
        "eta",
        "delay_flagged_for_eta",
        "is_active",
    ]
    list_filter = ["status", "is_active", "is_roro", "origin_port", "destination_port", "carrier"]
    search_fields = ["=deal__id", "booking_number", "bill_of_lading_number", "container_number", "vessel"]
    list_select_related = ["deal"]
    readonly_fields = [field.name for field in Shipment._meta.fields]
    inlines = [ShipmentEventInline]
    ordering = ["-created_at"]

    def has_add_permission(self, request):
        return False  # booked through the API, where the deal's rules are checked

    def has_delete_permission(self, request, obj=None):
        return False
