from django.urls import path
from rest_framework.routers import SimpleRouter

from payments.api.views import CurrencyListView, PaymentViewSet, TransactionViewSet

router = SimpleRouter()
router.register("payments", PaymentViewSet, basename="payment")
router.register("transactions", TransactionViewSet, basename="transaction")

urlpatterns = [
    path("currencies/", CurrencyListView.as_view(), name="currency-list"),
    *router.urls,
]
