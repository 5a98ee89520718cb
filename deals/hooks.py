"""What deals asks of and tells the apps above it, through hook points they register on at start-up
(AppConfig.ready), so that deals never imports them (nzila_export.hooks). Few and named:

- AMOUNT_PAID, a question answered by payments (the ledger is its): what a deal's buyer has paid, in
  the deal's currency, `(deal=)`. A deal moves to paid only once this covers the agreed price.
- DEAL_OPENED, an announcement inside the opening transaction, `(deal=, user=)`: invoices drafts the
  deal's invoice.
- DEAL_MOVED, an announcement inside the transaction of each status move, `(deal=, from_status=, to=)`:
  commissions accrues a completed deal's commissions and reverses a cancelled one's.
"""

from nzila_export.hooks import HookPoint

AMOUNT_PAID = HookPoint("deals.amount_paid", answered_by_one=True)
DEAL_OPENED = HookPoint("deals.deal_opened")
DEAL_MOVED = HookPoint("deals.deal_moved")
