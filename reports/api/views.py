"""One endpoint per report, GET only. Who may read: staff (the whole platform), dealers (their own listings'
figures) and brokers (the deals they closed, the leads assigned to them, their commissions); a buyer gets
403, a visitor 401. JSON by default; `?format=csv` or `Accept: text/csv` gives one table of the report."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from plans.api.permissions import HasPlanFeature
from plans.models import PlanFeature
from reports import selectors
from reports.api import serializers
from reports.api.renderers import ReportCSVRenderer
from reports.api.tables import REPORT_TABLES
from reports.cache import report_cached
from reports.scopes import report_scope_for, report_scope_has_reports


class StaffDealersAndBrokersReadReports(BasePermission):
    message = _("Reports are for staff, dealers and brokers.")

    def has_permission(self, request, view):
        return report_scope_has_reports(user=request.user)


class ReportView(APIView):
    """A report: its query validated (400 naming the field), computed for the caller's scope or read from the
    cache, answered as JSON or as one of its tables in CSV."""

    permission_classes = [StaffDealersAndBrokersReadReports, HasPlanFeature(PlanFeature.REPORTS)]
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, ReportCSVRenderer]
    report = ""
    query_serializer_class = serializers.ReportQuerySerializer
    response_serializer_class = serializers.ReportSerializer
    csv_table = ""
    csv_columns: list = []

    def compute(self, *, scope, period, query: dict) -> dict:
        raise NotImplementedError

    def extra_params(self, query: dict) -> dict:
        return {}

    def get(self, request):
        query = self.query_serializer_class(data=request.query_params)
        query.is_valid(raise_exception=True)
        period = query.validated_data["period"]
        self._choose_table(request)
        scope = report_scope_for(user=request.user)
        params = {
            "from": period.start.isoformat(),
            "to": period.end.isoformat(),
            **self.extra_params(query.validated_data),
        }
        body, cached = report_cached(
            report=self.report, scope=scope, params=params,
            compute=lambda: self.compute(scope=scope, period=period, query=query.validated_data),
        )  # fmt: skip
        response = Response({"period": {"from": period.start, "to": period.end}, **body, "cached": cached})
        if isinstance(request.accepted_renderer, ReportCSVRenderer):
            filename = f"{self.report}-{self.csv_table}-{params['from']}-{params['to']}.csv"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def _choose_table(self, request) -> None:
        tables = REPORT_TABLES[self.report]
        self.csv_table = request.query_params.get("table") or next(iter(tables))
        if self.csv_table not in tables:
            message = gettext("Choose one of: %(tables)s.") % {"tables": ", ".join(tables)}
            raise ValidationError({"table": [message]})
        self.csv_columns = tables[self.csv_table]

    def handle_exception(self, exc):
        """A refusal or an error is answered in the one JSON error format, even to a CSV request."""
        response = super().handle_exception(exc)
        self._answer_in_json()
        return response

    def options(self, request, *args, **kwargs):
        """The report's description (OPTIONS) is JSON, even when CSV is asked for: it has no table."""
        self._answer_in_json()
        return super().options(request, *args, **kwargs)

    def _answer_in_json(self) -> None:
        if isinstance(getattr(self.request, "accepted_renderer", None), ReportCSVRenderer):
            self.request.accepted_renderer, self.request.accepted_media_type = JSONRenderer(), "application/json"


def report_schema(view_class: type[ReportView], description: str):
    tables = list(REPORT_TABLES[view_class.report])
    return extend_schema(
        description=description,
        parameters=[
            view_class.query_serializer_class,
            OpenApiParameter("format", str, enum=["json", "csv"], description="csv: one table (also Accept: text/csv)"),
            OpenApiParameter("table", str, enum=tables, description=f"The table CSV gives; default {tables[0]}"),
        ],
        responses={
            (200, "application/json"): view_class.response_serializer_class,
            (200, "text/csv"): OpenApiTypes.STR,
            402: OpenApiResponse(description="A dealer whose plan does not include reports."),
        },
    )(view_class)


class PipelineReportView(ReportView):
    report = "pipeline"
    response_serializer_class = serializers.PipelineReportSerializer

    def compute(self, *, scope, period, query):
        return selectors.report_pipeline(scope=scope, period=period)


class RevenueReportView(ReportView):
    report = "revenue"
    query_serializer_class = serializers.RevenueQuerySerializer
    response_serializer_class = serializers.RevenueReportSerializer

    def extra_params(self, query):
        return {"interval": query["interval"]}

    def compute(self, *, scope, period, query):
        return selectors.report_revenue(scope=scope, period=period, interval=query["interval"])


class PaymentsReportView(ReportView):
    report = "payments"
    response_serializer_class = serializers.PaymentsReportSerializer

    def compute(self, *, scope, period, query):
        return selectors.report_payments(scope=scope, period=period)


class CommissionsReportView(ReportView):
    report = "commissions"
    response_serializer_class = serializers.CommissionsReportSerializer

    def compute(self, *, scope, period, query):
        return selectors.report_commissions(scope=scope, period=period)


class ShipmentsReportView(ReportView):
    report = "shipments"
    response_serializer_class = serializers.ShipmentsReportSerializer

    def compute(self, *, scope, period, query):
        return selectors.report_shipments(scope=scope, period=period)


class TopVehiclesReportView(ReportView):
    report = "top-vehicles"
    query_serializer_class = serializers.TopVehiclesQuerySerializer
    response_serializer_class = serializers.TopVehiclesReportSerializer

    def extra_params(self, query):
        return {"limit": query["limit"]}

    def compute(self, *, scope, period, query):
        return selectors.report_top_vehicles(scope=scope, period=period, limit=query["limit"])


class DealersReportView(ReportView):
    report = "dealers"
    response_serializer_class = serializers.DealersReportSerializer

    def compute(self, *, scope, period, query):
        return selectors.report_dealers(scope=scope, period=period)


report_schema(
    PipelineReportView,
    "Leads and deals opened in the period by status; the deals' stages reached, the "
    "conversion from each stage to the next and the average days in each; leads converted.",
)
report_schema(
    RevenueReportView,
    "The ledger's money by day or month (`interval`) and currency, with its CAD "
    "value at each payment's rate; totals per currency and in CAD.",
)
report_schema(
    PaymentsReportView,
    "Payments made in the period by rail and by destination country: attempts, "
    "succeeded, failed, open, the success rate of those settled, CAD captured.",
)
report_schema(
    CommissionsReportView,
    "Commissions of the deals completed in the period, in CAD: by status, and by "
    "broker what was earned and paid. A broker sees its own, a dealer those on its deals.",
)
report_schema(
    ShipmentsReportView,
    "Active shipments due (ETA) in the period, by route: on time, late, overdue, on the way, and the on-time rate.",
)
report_schema(
    TopVehiclesReportView,
    "For each destination country, the makes and models with the most deals opened in the period (cancelled left out).",
)
report_schema(
    DealersReportView,
    "Each dealer's leads of the period: answered, average days to the first contact, "
    "converted and the rate; its deals opened and completed.",
)
