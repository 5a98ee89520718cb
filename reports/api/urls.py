from django.urls import path

from reports.api import views

urlpatterns = [
    path("reports/pipeline/", views.PipelineReportView.as_view(), name="report-pipeline"),
    path("reports/revenue/", views.RevenueReportView.as_view(), name="report-revenue"),
    path("reports/payments/", views.PaymentsReportView.as_view(), name="report-payments"),
    path("reports/commissions/", views.CommissionsReportView.as_view(), name="report-commissions"),
    path("reports/shipments/", views.ShipmentsReportView.as_view(), name="report-shipments"),
    path("reports/top-vehicles/", views.TopVehiclesReportView.as_view(), name="report-top-vehicles"),
    path("reports/dealers/", views.DealersReportView.as_view(), name="report-dealers"),
]
