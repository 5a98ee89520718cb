"""Every write to invoices, by concern: drafting (lines, taxes, totals), issuing (numbers, the chain,
the exchange rate and export details), settlement (ledger, receipts, credit notes, voiding, dunning),
the PDF and its delivery, and the follow-up of unpaid invoices."""
