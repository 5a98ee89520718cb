from django.urls import path
from rest_framework.routers import SimpleRouter

from support.api import views

router = SimpleRouter()
router.register("tickets", views.TicketViewSet, basename="support-ticket")

urlpatterns = [
    path("faq/", views.FaqView.as_view(), name="support-faq"),
    path("metrics/", views.MetricsView.as_view(), name="support-metrics"),
    path(
        "attachments/download/<str:token>/",
        views.AttachmentDownloadView.as_view(),
        name="support-attachment-download",
    ),
    *router.urls,
]
