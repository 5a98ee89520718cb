from django.contrib import admin

from audit.models import AuditLog


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the audit log is evidence, so nobody edits or deletes it here."""

    list_display = ["timestamp", "action", "user", "model_name", "object_repr", "ip_address"]
    list_filter = ["action", "model_name", ("timestamp", admin.DateFieldListFilter)]
    search_fields = ["object_repr", "object_id", "user__username", "user__email", "ip_address"]
    date_hierarchy = "timestamp"
    list_select_related = ["user"]
    readonly_fields = [field.name for field in AuditLog._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
