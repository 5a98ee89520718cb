"""Every write of payments: payments and the ledger (payments.py), refunds (refunds.py)."""
