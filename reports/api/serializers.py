"""The reports' query parameters (validated) and the shape of each report (for the OpenAPI schema: the
selectors write the figures already formatted, money as Decimal strings)."""

from rest_framework import serializers

from nzila_export.api.serializers import PeriodQuerySerializer
from reports.selectors import INTERVALS
from reports.selectors.market import TOP_VEHICLES_DEFAULT, TOP_VEHICLES_MAX


class ReportQuerySerializer(PeriodQuerySerializer):
    """`from` and `to`: days, both included, in the platform's time zone; the last 30 days by default."""

    max_days = 731  # two years, a leap day included


class RevenueQuerySerializer(ReportQuerySerializer):
    interval = serializers.ChoiceField(choices=INTERVALS, default="day", help_text="Group by day or by month")


class TopVehiclesQuerySerializer(ReportQuerySerializer):
    limit = serializers.IntegerField(
        min_value=1, max_value=TOP_VEHICLES_MAX, default=TOP_VEHICLES_DEFAULT,
        help_text="Makes and models per destination",
    )  # fmt: skip


def _money(help_text: str = "Decimal string, to the currency's exponent") -> serializers.CharField:
    return serializers.CharField(help_text=help_text)


def _cad(help_text: str = "CAD, Decimal string") -> serializers.CharField:
    return serializers.CharField(help_text=help_text)


def _rate(help_text: str) -> serializers.CharField:
    return serializers.CharField(allow_null=True, help_text=f"{help_text}; three decimals, null when nothing to divide")


class PeriodSerializer(serializers.Serializer):
    def get_fields(self):
        return {"from": serializers.DateField(), "to": serializers.DateField()}


class ReportSerializer(serializers.Serializer):
    period = PeriodSerializer()
    cached = serializers.BooleanField(help_text="Answered from the cache")


class StatusCountSerializer(serializers.Serializer):
    status = serializers.CharField()
    count = serializers.IntegerField()


class PipelineLeadConversionSerializer(serializers.Serializer):
    leads = serializers.IntegerField()
    converted = serializers.IntegerField()
    rate = _rate("converted / leads")


class StageSerializer(serializers.Serializer):
    stage = serializers.CharField()
    reached = serializers.IntegerField(help_text="Deals of the period that reached this stage")
    conversion = _rate("Share of the deals that reached the stage before")
    left = serializers.IntegerField(help_text="Deals that moved on from it (or were cancelled in it)")
    average_days = serializers.CharField(allow_null=True, help_text="Average days in the stage of those that left it")


class PipelineReportSerializer(ReportSerializer):
    leads = StatusCountSerializer(many=True)
    deals = StatusCountSerializer(many=True)
    lead_conversion = PipelineLeadConversionSerializer()
    stages = StageSerializer(many=True)
    cancelled = serializers.IntegerField()


class RevenueFiguresSerializer(serializers.Serializer):
    currency = serializers.CharField()
    charged = _money()
    refunded = _money("Negative: refunds made")
    net = _money("Every entry: charges less refunds, fees and disputes")
    net_cad = _cad("The net at each payment's own CAD rate")
    entries = serializers.IntegerField()


class RevenueRowSerializer(RevenueFiguresSerializer):
    period = serializers.CharField(help_text="YYYY-MM-DD or YYYY-MM")


class RevenueReportSerializer(ReportSerializer):
    interval = serializers.ChoiceField(choices=INTERVALS)
    rows = RevenueRowSerializer(many=True)
    totals = RevenueFiguresSerializer(many=True)
    total_cad = _cad()


class SuccessSerializer(serializers.Serializer):
    attempts = serializers.IntegerField()
    succeeded = serializers.IntegerField()
    failed = serializers.IntegerField()
    open = serializers.IntegerField(help_text="Pending, awaiting 3-D Secure or held for review")
    success_rate = _rate("succeeded / (succeeded + failed)")
    captured_cad = _cad()


class RailSuccessSerializer(SuccessSerializer):
    rail = serializers.CharField()
    rail_name = serializers.CharField()


class CountrySuccessSerializer(SuccessSerializer):
    country = serializers.CharField(help_text="The deal's destination, ISO 3166-1 alpha-2")
    country_name = serializers.CharField()


class PaymentsReportSerializer(ReportSerializer):
    by_rail = RailSuccessSerializer(many=True)
    by_country = CountrySuccessSerializer(many=True)


class CommissionStatusFiguresSerializer(serializers.Serializer):
    status = serializers.CharField()
    status_name = serializers.CharField()
    commissions = serializers.IntegerField()
    amount_cad = _cad()


class BrokerCommissionsSerializer(serializers.Serializer):
    broker = serializers.IntegerField()
    broker_name = serializers.CharField()
    commissions = serializers.IntegerField()
    earned_cad = _cad("Every commission not reversed")
    paid_cad = _cad()


class CommissionsReportSerializer(ReportSerializer):
    by_status = CommissionStatusFiguresSerializer(many=True)
    by_broker = BrokerCommissionsSerializer(many=True)
    earned_cad = _cad("Every commission not reversed")


class RouteSerializer(serializers.Serializer):
    origin_port = serializers.CharField()
    destination_port = serializers.CharField()
    shipments = serializers.IntegerField()
    on_time = serializers.IntegerField()
    late = serializers.IntegerField()
    overdue = serializers.IntegerField(help_text="Not arrived, ETA passed")
    on_the_way = serializers.IntegerField(help_text="Not arrived, ETA to come")
    on_time_rate = _rate("on_time / (arrived + overdue)")


class ShipmentsReportSerializer(ReportSerializer):
    routes = RouteSerializer(many=True)


class TopVehicleSerializer(serializers.Serializer):
    destination_country = serializers.CharField()
    destination_name = serializers.CharField()
    rank = serializers.IntegerField()
    make = serializers.CharField()
    model = serializers.CharField()
    deals = serializers.IntegerField()


class TopVehiclesReportSerializer(ReportSerializer):
    limit = serializers.IntegerField()
    rows = TopVehicleSerializer(many=True)


class DealerPerformanceSerializer(serializers.Serializer):
    dealer = serializers.IntegerField()
    dealer_name = serializers.CharField()
    leads = serializers.IntegerField()
    answered = serializers.IntegerField()
    average_response_days = serializers.CharField(allow_null=True, help_text="Average days to the first contact")
    converted = serializers.IntegerField()
    conversion_rate = _rate("converted / leads")
    deals_opened = serializers.IntegerField()
    deals_completed = serializers.IntegerField()


class DealersReportSerializer(ReportSerializer):
    dealers = DealerPerformanceSerializer(many=True)
