from django.contrib import admin, messages

from notifications.models import ChannelPreference, MessageLog, MessageStatus, Notification, SuppressedRecipient
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

    @admin.action(description="Resend the selected failed messages")
    def resend(self, request, queryset):
        resent = 0
        for message in queryset.filter(status__in=[MessageStatus.FAILED, MessageStatus.UNDELIVERABLE]):
            try:
                message_resend(message=message, user=request.user)
            except DomainError as error:
                self.message_user(request, f"{message}: {error.message}", messages.ERROR)
            else:
                resent += 1
        self.message_user(request, f"{resent} message(s) queued again.", messages.SUCCESS)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "event", "title", "read_at"]
    list_filter = ["event", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username", "title"]
    list_select_related = ["user"]
    readonly_fields = [field.name for field in Notification._meta.fields]


@admin.register(SuppressedRecipient)
class SuppressedRecipientAdmin(admin.ModelAdmin):
    """Staff may lift a suppression (delete) once an address is known to work again."""

    list_display = ["address", "channel", "reason", "created_at"]
    list_filter = ["channel"]
    search_fields = ["address", "reason"]


@admin.register(ChannelPreference)
class ChannelPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "channel", "category", "enabled", "consented_at"]
    list_filter = ["channel", "category", "enabled"]
    search_fields = ["user__username", "user__email"]
    readonly_fields = ["consented_at"]
