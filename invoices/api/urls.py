from django.urls import include, path
from rest_framework.routers import SimpleRouter

from invoices.api import views

router = SimpleRouter()
router.register("invoices", views.InvoiceViewSet, basename="invoice")

urlpatterns = [
    path("", include("invoices.api.download_urls")),  # the signed PDF links: invoices/download/<token>/
    *router.urls,
]
