"""What payments tells the apps above it (nzila_export.hooks), inside the transaction that made the
change, so that what they write commits or rolls back with it:

- LEDGER_ENTRY_WRITTEN `(entry=)`: money moved (a charge, a refund, a dispute and its outcome), written
  by the one ledger writer; invoices issues the receipt or credit note and settles the deal's invoice.
- PAYMENT_FAILED `(payment=)`: a card or mobile-money payment failed; invoices starts its dunning.

And asks, outside any change:

- PAYMENT_RISK_POINTS, a question answered by ml when it serves a payment anomaly model, `(payer=, deal=,
  amount_cad=, reason_codes=, ip_address=, now=)` for a payment being made (reason_codes: the rule's): None when
  no model version is active, else {"points": int, "probability": float, "threshold": float, "model_version":
  int, "factors": [{"feature": str, "label": str, "effect": float}]}. The points are added to the rule's
  (payments.fraud.payment_risk_assess); unanswered, the rule's points stand alone.
"""

from nzila_export.hooks import HookPoint

LEDGER_ENTRY_WRITTEN = HookPoint("payments.ledger_entry_written")
PAYMENT_FAILED = HookPoint("payments.payment_failed")
PAYMENT_RISK_POINTS = HookPoint("payments.payment_risk_points", answered_by_one=True)
