from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        """Twilio's and Mailgun's callbacks reach the one inbox; these handlers apply them."""
        from notifications.callbacks import mailgun_event_apply, twilio_event_apply
        from webhooks.handlers import handler_register

        handler_register(provider="twilio", handler=twilio_event_apply)
        handler_register(provider="mailgun", handler=mailgun_event_apply)
