from django.urls import path
from rest_framework.routers import SimpleRouter

from commissions.api import views
from commissions.api.webhooks import MpesaB2CResultView

router = SimpleRouter()
router.register("commissions", views.CommissionViewSet, basename="commission")

urlpatterns = [
    path("webhooks/mpesa_b2c/", MpesaB2CResultView.as_view(), name="mpesa-b2c-webhook"),
    *router.urls,
]
