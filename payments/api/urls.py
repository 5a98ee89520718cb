from django.urls import path
from rest_framework.routers import SimpleRouter

from payments.api.views import (
    CurrencyListView,
    PaymentMethodViewSet,
    PaymentViewSet,
    StripeWebhookView,
    TransactionViewSet,
)

router = SimpleRouter()
router.register("payments", PaymentViewSet, basename="payment")
router.register("transactions", TransactionViewSet, basename="transaction")
router.register("payment-methods", PaymentMethodViewSet, basename="payment-method")

urlpatterns = [
    path("currencies/", CurrencyListView.as_view(), name="currency-list"),
    path("webhooks/stripe/", StripeWebhookView.as_view(), name="stripe-webhook"),
    *router.urls,
]
