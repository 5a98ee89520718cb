from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import StreamingHttpResponse
from django.urls import path
from django.utils.functional import cached_property

from audit.admin_filters import ActionFilter, DateRangeFilter, ObjectFilter, UserFilter
from audit.models import AuditLog
from audit.services import audit_log_export

# Below this many rows (the planner's estimate) the unfiltered list is counted exactly.
ESTIMATED_COUNT_ABOVE = 100_000


class EstimatedCountPaginator(Paginator):
    """The unfiltered list counts the planner's estimate of the table's rows: an exact COUNT(*) would read
    millions of rows on every page. A filtered list is counted exactly, from its index."""

    @cached_property
    def count(self) -> int:
        if not self.object_list.query.where:
            with connection.cursor() as cursor:
                cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = 'audit_auditlog'::regclass")
                (estimate,) = cursor.fetchone()
            if estimate > ESTIMATED_COUNT_ABOVE:
                return estimate
        return super().count


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the audit log is evidence, so nobody edits or deletes it here (nor anywhere: the database
    refuses it). Staff filter it and export what they filtered as CSV, which is itself audited."""

    list_display = ["timestamp", "sequence", "action", "user", "model_name", "object_id", "object_repr", "ip_address"]
    list_filter = [UserFilter, ObjectFilter, ActionFilter, DateRangeFilter]
    list_select_related = ["user"]
    readonly_fields = [field.name for field in AuditLog._meta.fields]
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    paginator = EstimatedCountPaginator

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        export = path("export/", self.admin_site.admin_view(self.export_view), name="audit_auditlog_export")
        return [export, *super().get_urls()]

    def export_view(self, request):
        """The list as filtered on the page (the same query string), as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        filters = {name: values[-1] for name, values in changelist.get_filters_params().items()}
        lines = audit_log_export(entries=changelist.queryset, filters=filters, user=request.user)
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
        return response
