from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import CursorPagination

from audit.api.filters import AuditLogFilter
from audit.api.serializers import AuditLogSerializer
from audit.models import AuditLog
from audit.selectors import audit_log_list
from audit.services import audit_log_export
from nzila_export.api.permissions import IsPlatformStaff


class StaffReadAuditLog(IsPlatformStaff):
    message = _("Only staff read the audit log.")


class AuditLogPagination(CursorPagination):
    """Keyset pages (`next` and `previous` links): at millions of rows, a page number's COUNT(*) and OFFSET
    would read the whole filtered range on every page."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = ("-timestamp", "-id")


class AuditLogViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The audit log, for staff only: who did what to which object, from where, newest first, with each
    entry's place in the hash chain (sequence, previous_hash, row_hash; set when its transaction commits)."""

    queryset = AuditLog.objects.none()  # for the schema; the real one is the selector's
    serializer_class = AuditLogSerializer
    filterset_class = AuditLogFilter
    filter_backends = [DjangoFilterBackend]
    pagination_class = AuditLogPagination
    permission_classes = [StaffReadAuditLog]

    def get_queryset(self):
        return audit_log_list()

    @extend_schema(filters=True, responses={(200, "text/csv"): OpenApiTypes.STR})
    @action(detail=False, methods=["get"], pagination_class=None)
    def export(self, request):
        """The entries the same filters select, as CSV, streamed; the export itself is audited (audit.export)."""
        entries = self.filter_queryset(self.get_queryset())
        filters = {name: value for name, value in request.query_params.items() if name in AuditLogFilter.base_filters}
        lines = audit_log_export(entries=entries, filters=filters, user=request.user)
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
        return response
