from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        """Twilio's, Meta's (WhatsApp Cloud API) and Mailgun's callbacks reach the one inbox; these handlers
        apply them (the e-mails Mailgun's inbound route forwards have their own). Staff hear from us when the
        inbox gives up on an event."""
        from notifications.callbacks import (
            MAILGUN_INBOUND,
            mailgun_event_apply,
            mailgun_inbound_apply,
            twilio_event_apply,
            webhook_abandoned_alert,
            whatsapp_cloud_event_apply,
        )
        from webhooks.handlers import abandoned_alert_register, handler_register

        abandoned_alert_register(alert=webhook_abandoned_alert)
        handler_register(provider="twilio", handler=twilio_event_apply)
        handler_register(provider="whatsapp_cloud", handler=whatsapp_cloud_event_apply)
        handler_register(provider="mailgun", handler=mailgun_event_apply)
        handler_register(provider="mailgun", handler=mailgun_inbound_apply, event_types=(MAILGUN_INBOUND,))
