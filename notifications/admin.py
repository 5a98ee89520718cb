from django.contrib import admin, messages
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from audit.admin_edits import AuditedAdminMixin
from notifications.models import (
    ChannelPreference,
    MessageLog,
    MessageStatus,
    Notification,
    SoftBounceStreak,
    SuppressedRecipient,
)
from notifications.services import message_resend
from nzila_export.exceptions import DomainError


@admin.register(MessageLog)
class MessageLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "channel", "recipient", "event", "language", "status", "attempts", "sent_at"]
    list_filter = ["status", "channel", "event", "language", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["recipient", "provider_message_id", "user__username", "user__email", "event"]
    date_hierarchy = "created_at"
    list_select_related = ["user"]
    readonly_fields = [field.name for field in MessageLog._meta.fields]
    actions = ["resend"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Resend the selected failed messages"))
    def resend(self, request, queryset):
        resent = 0
        for message in queryset.filter(status__in=[MessageStatus.FAILED, MessageStatus.UNDELIVERABLE]):
            try:
                message_resend(message=message, user=request.user)
            except DomainError as error:
                refusal = gettext("%(message)s: %(refusal)s") % {"message": message, "refusal": error.message}
                self.message_user(request, refusal, messages.ERROR)
            else:
                resent += 1
        done = ngettext("%(count)d message queued again.", "%(count)d messages queued again.", resent)
        self.message_user(request, done % {"count": resent}, messages.SUCCESS)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "event", "title", "read_at"]
    list_filter = ["event", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username", "title"]
    list_select_related = ["user"]
    readonly_fields = [field.name for field in Notification._meta.fields]


@admin.register(SuppressedRecipient)
class SuppressedRecipientAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Staff may lift a suppression (delete) once an address is known to work again."""

    list_display = ["address", "channel", "reason", "created_at"]
    list_filter = ["channel"]
    search_fields = ["address", "reason"]


@admin.register(SoftBounceStreak)
class SoftBounceStreakAdmin(admin.ModelAdmin):
    """Read only: the provider's bounce events keep it (a delivery resets it)."""

    list_display = ["address", "soft_bounces", "last_bounced_at"]
    search_fields = ["address"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ChannelPreference)
class ChannelPreferenceAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["user", "channel", "category", "enabled", "consented_at"]
    list_filter = ["channel", "category", "enabled"]
    search_fields = ["user__username", "user__email"]
    readonly_fields = ["consented_at"]
