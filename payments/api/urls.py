from django.urls import path
from rest_framework.routers import SimpleRouter

from payments.api.views import (
    AirtelMoneyWebhookView,
    MpesaWebhookView,
    MtnMomoWebhookView,
    OrangeMoneyWebhookView,
    PaymentMethodViewSet,
    PaymentViewSet,
    PaystackWebhookView,
    StripeWebhookView,
    TransactionViewSet,
)

router = SimpleRouter()
router.register("payments", PaymentViewSet, basename="payment")
router.register("transactions", TransactionViewSet, basename="transaction")
router.register("payment-methods", PaymentMethodViewSet, basename="payment-method")

urlpatterns = [
    path("webhooks/stripe/", StripeWebhookView.as_view(), name="stripe-webhook"),
    path("webhooks/mpesa/", MpesaWebhookView.as_view(), name="mpesa-webhook"),
    path("webhooks/mtn_momo/", MtnMomoWebhookView.as_view(), name="mtn-momo-webhook"),
    path("webhooks/orange_money/", OrangeMoneyWebhookView.as_view(), name="orange-money-webhook"),
    path("webhooks/airtel_money/", AirtelMoneyWebhookView.as_view(), name="airtel-money-webhook"),
    path("webhooks/paystack/", PaystackWebhookView.as_view(), name="paystack-webhook"),
    *router.urls,
]
