from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvoicesConfig(AppConfig):
    name = "invoices"
    verbose_name = _("Invoices")

    def ready(self):
        """Invoices stands on deals and payments and listens to them: a deal opened gets its draft
        invoice; money moved in the ledger gets its receipt or credit note and settles the invoice; a
        failed payment starts the invoice's dunning."""
        from deals.hooks import DEAL_OPENED
        from invoices.services.drafting import invoice_draft_for_deal
        from invoices.services.settlement import invoice_dunning_start, invoice_record_ledger_entry
        from payments.hooks import LEDGER_ENTRY_WRITTEN, PAYMENT_FAILED

        DEAL_OPENED.register(invoice_draft_for_deal)
        LEDGER_ENTRY_WRITTEN.register(invoice_record_ledger_entry)
        PAYMENT_FAILED.register(invoice_dunning_start)
