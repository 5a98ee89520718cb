from django.urls import path
from rest_framework.routers import SimpleRouter

from notifications.api import views

router = SimpleRouter()
router.register("notifications", views.NotificationViewSet, basename="notification")

urlpatterns = [
    path("notifications/preferences/", views.PreferencesView.as_view(), name="notification-preferences"),
    path("notifications/unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="notification-unsubscribe"),
    path("webhooks/twilio/status/", views.TwilioStatusCallbackView.as_view(), name="twilio-status-callback"),
    path("webhooks/twilio/whatsapp/", views.TwilioWhatsAppInboundView.as_view(), name="twilio-whatsapp-inbound"),
    path("webhooks/whatsapp/cloud/", views.WhatsAppCloudWebhookView.as_view(), name="whatsapp-cloud-webhook"),
    path("webhooks/email/mailgun/", views.MailgunEventView.as_view(), name="mailgun-events"),
    path("webhooks/email/mailgun/inbound/", views.MailgunInboundView.as_view(), name="mailgun-inbound"),
    *router.urls,
]
