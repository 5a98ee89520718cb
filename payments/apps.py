from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = _("Payments")

    def ready(self):
        """Stripe's and Paystack's events and the rails' callbacks reach the one inbox; these handlers apply them. Deals
        asks payments how much of a deal is paid (the ledger is ours) through its hook."""
        from deals.hooks import AMOUNT_PAID
        from payments.gateways.mobile_money import MOBILE_MONEY_METHODS
        from payments.selectors import deal_amount_paid
        from payments.services.mobile_money import mobile_money_callback_apply
        from payments.services.paystack import paystack_event_apply
        from payments.services.webhooks import stripe_event_apply
        from webhooks.handlers import handler_register

        AMOUNT_PAID.register(deal_amount_paid)
        handler_register(provider="stripe", handler=stripe_event_apply)
        for method in MOBILE_MONEY_METHODS:
            handler_register(provider=str(method), handler=mobile_money_callback_apply)
        handler_register(provider="paystack", handler=paystack_event_apply)
