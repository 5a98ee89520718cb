"""What payments tells the apps above it (nzila_export.hooks), inside the transaction that made the
change, so that what they write commits or rolls back with it:

- LEDGER_ENTRY_WRITTEN `(entry=)`: money moved (a charge, a refund, a dispute and its outcome), written
  by the one ledger writer; invoices issues the receipt or credit note and settles the deal's invoice.
- PAYMENT_FAILED `(payment=)`: a card or mobile-money payment failed; invoices starts its dunning.
"""

from nzila_export.hooks import HookPoint

LEDGER_ENTRY_WRITTEN = HookPoint("payments.ledger_entry_written")
PAYMENT_FAILED = HookPoint("payments.payment_failed")
