from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.admin_edits import AuditedAdminMixin
from deals.models import Deal, DealEvent
from deals.services import deal_release_hold
from nzila_export.stored_text import stored_text_read


class DealEventInline(admin.TabularInline):
    model = DealEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "from_status", "to_status", "actor", "reason_text"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("reason"))
    def reason_text(self, event: DealEvent) -> str:
        return stored_text_read(event.reason)  # in the staff member's language, not as JSON


@admin.register(Deal)
class DealAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Status, money and risk change only through the services (the API), so they are read-only here; what
    staff may correct here (destination, incoterm, referring broker, notes) is audited before and after."""

    list_display = [
        "id",
        "vehicle",
        "dealer",
        "buyer",
        "agreed_price",
        "currency",
        "status",
        "risk_level",
        "is_on_hold",
    ]
    list_filter = ["status", "risk_level", "is_on_hold", "incoterm", "destination_country"]
    search_fields = ["id", "vehicle__vin", "vehicle__make", "vehicle__model", "buyer__username", "dealer__username"]
    list_select_related = ["vehicle", "dealer", "buyer"]
    readonly_fields = [
        "vehicle", "dealer", "buyer", "broker", "lead", "agreed_price", "currency", "status", "status_changed_at",
        "cancellation_reason", "destination_override_reason", "risk_score", "risk_level", "risk_flags",
        "risk_recommendation", "is_on_hold", "hold_reason", "last_follow_up_at",
    ]  # fmt: skip
    inlines = [DealEventInline]
    actions = ["release_hold"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Release the hold on the selected deals (reviewed)"))
    def release_hold(self, request, queryset):
        released = 0
        for deal in queryset.filter(is_on_hold=True):
            deal_release_hold(deal=deal, reviewer=request.user, note="Reviewed in the admin")
            released += 1
        message = ngettext("%(count)d deal released.", "%(count)d deals released.", released)
        self.message_user(request, message % {"count": released}, messages.SUCCESS)
