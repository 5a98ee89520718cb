from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from webhooks.models import InboxEvent
from webhooks.services import inbox_event_replay
from webhooks.tasks import inbox_event_queue


@admin.register(InboxEvent)
class InboxEventAdmin(admin.ModelAdmin):
    """Read-only: what providers sent and how applying it went. Staff replay an event after a fix."""

    list_display = ["created_at", "provider", "event_type", "event_id", "status", "attempts", "last_attempt_at"]
    list_filter = ["status", "provider", "event_type"]
    search_fields = ["event_id", "target"]
    date_hierarchy = "created_at"
    actions = ["replay"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Replay the selected events"))
    def replay(self, request, queryset):
        for event in queryset:
            inbox_event_queue(inbox_event_replay(event=event, user=request.user))
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)d event queued again.", "%(count)d events queued again.", count) % {"count": count},
            messages.SUCCESS,
        )
