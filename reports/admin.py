"""The staff dashboard in the admin (/admin/reports/dashboard/, listed on the admin index under Reports):
the platform's reports of a period as bar charts drawn in SVG on the server, no script."""

from decimal import Decimal

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from deals.models import DealStatus
from reports import selectors
from reports.api.serializers import ReportQuerySerializer
from reports.cache import report_cached
from reports.models import Dashboard
from reports.scopes import ReportScope

STAFF = ReportScope(role="staff")
BAR_AREA = 360  # the SVG width of a full bar


def chart_bars(items: list[tuple[str, Decimal | int | None, str]]) -> list[dict]:
    """Each (label, value, value as shown) with its bar's length and row, the longest bar the largest value."""
    largest = max((value or 0 for _label, value, _shown in items), default=0)
    return [
        {"label": label, "shown": shown, "y": index * 24,
         "width": int(BAR_AREA * (value or 0) / largest) if largest else 0}
        for index, (label, value, shown) in enumerate(items)
    ]  # fmt: skip


def _rate(value: str | None) -> Decimal:
    return Decimal(value) if value is not None else Decimal(0)


def _percent(value: str | None) -> str:
    return "" if value is None else f"{Decimal(value) * 100:.1f} %"


@admin.register(Dashboard)
class DashboardAdmin(admin.ModelAdmin):
    """Staff only (the admin site lets no one else in); nothing to add, change or delete."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        query = ReportQuerySerializer(data=request.GET)
        errors = {}
        if not query.is_valid():
            errors = query.errors
            query = ReportQuerySerializer(data={})
            query.is_valid(raise_exception=True)
        period = query.validated_data["period"]
        params = {"from": period.start.isoformat(), "to": period.end.isoformat()}

        def report(name: str, compute, **extra):
            return report_cached(
                report=name,
                scope=STAFF,
                params={**params, **extra},
                compute=lambda: compute(scope=STAFF, period=period, **extra),
            )[0]

        pipeline = report("pipeline", selectors.report_pipeline)
        revenue = report("revenue", selectors.report_revenue, interval="day")
        payments = report("payments", selectors.report_payments)
        shipments = report("shipments", selectors.report_shipments)
        top_vehicles = report("top-vehicles", selectors.report_top_vehicles, limit=5)
        dealers = report("dealers", selectors.report_dealers)
        stage_names = dict(DealStatus.choices)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Reports"),
            "period": period,
            "errors": errors,
            "stages": chart_bars([(str(stage_names[row["stage"]]), row["reached"], str(row["reached"]))
                                  for row in pipeline["stages"]]),
            "lead_conversion": pipeline["lead_conversion"],
            "revenue": chart_bars([(f"{row['period']} {row['currency']}", Decimal(row["net_cad"]), row["net_cad"])
                                   for row in revenue["rows"]]),
            "revenue_totals": revenue["totals"],
            "total_cad": revenue["total_cad"],
            "payments": chart_bars([(row["rail_name"], _rate(row["success_rate"]), _percent(row["success_rate"]))
                                    for row in payments["by_rail"]]),
            "shipments": chart_bars([(f"{row['origin_port']} → {row['destination_port']}", _rate(row["on_time_rate"]),
                                      _percent(row["on_time_rate"])) for row in shipments["routes"]]),
            "top_vehicles": chart_bars([(f"{row['destination_name']}: {row['make']} {row['model']}", row["deals"],
                                         str(row["deals"])) for row in top_vehicles["rows"]]),
            "dealers": dealers["dealers"],
            "opts": self.model._meta,
        }  # fmt: skip
        return TemplateResponse(request, "admin/reports/dashboard.html", context)
