from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommissionsConfig(AppConfig):
    name = "commissions"
    verbose_name = _("Commissions")

    def ready(self):
        """Commissions stands on deals and payments and listens to them: a completed deal with a broker
        accrues its commissions, a cancelled one reverses them; a refund after completion reverses them and
        a dispute holds them. M-Pesa's B2C results reach the one inbox; their handler settles the payout."""
        from commissions.services.accrual import commission_follow_deal, commission_follow_ledger_entry
        from commissions.services.payouts import mpesa_b2c_result_apply
        from deals.hooks import DEAL_MOVED
        from payments.hooks import LEDGER_ENTRY_WRITTEN
        from webhooks.handlers import handler_register

        DEAL_MOVED.register(commission_follow_deal)
        LEDGER_ENTRY_WRITTEN.register(commission_follow_ledger_entry)
        handler_register(provider="mpesa_b2c", handler=mpesa_b2c_result_apply)
