from django.urls import path
from rest_framework.routers import SimpleRouter

from documents.api import views

router = SimpleRouter()
router.register("documents", views.DocumentViewSet, basename="document")

urlpatterns = [
    path("documents/download/<str:token>/", views.DocumentDownloadView.as_view(), name="document-download"),
    path("deals/<int:deal_id>/checklist/", views.DealChecklistView.as_view(), name="deal-checklist"),
    *router.urls,
]
