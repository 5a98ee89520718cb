from django.urls import path
from rest_framework.routers import SimpleRouter

from deals.api import views

router = SimpleRouter()
router.register("deals", views.DealViewSet, basename="deal")

urlpatterns = [
    path("leads/<int:pk>/convert/", views.LeadConvertView.as_view(), name="lead-convert"),
    *router.urls,
]
