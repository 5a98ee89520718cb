"""The public route of the signed PDF links, included by invoices.api.urls before the router's."""

from django.urls import path

from invoices.api.downloads import InvoiceDownloadView

urlpatterns = [
    path("invoices/download/<str:token>/", InvoiceDownloadView.as_view(), name="invoice-download"),
]
