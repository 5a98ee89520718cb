"""Every write to commissions, by concern: status moves, accrual and reversal from deals and the ledger,
the weekly approval with its tier adjustments."""
