"""Every write of payments: exchange rates (rates.py), payments and the ledger (payments.py),
refunds (refunds.py)."""
