from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = _("Support desk")

    def ready(self):
        """An opener's reply by e-mail or on WhatsApp, announced by notifications, lands on its ticket."""
        from notifications.hooks import EMAIL_MESSAGE_RECEIVED, WHATSAPP_MESSAGE_RECEIVED
        from support.inbound import email_reply_take, whatsapp_message_take

        WHATSAPP_MESSAGE_RECEIVED.register(whatsapp_message_take)
        EMAIL_MESSAGE_RECEIVED.register(email_reply_take)
