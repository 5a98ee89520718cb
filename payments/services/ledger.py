"""The one writer of ledger entries. Every movement of money (charge, refund, dispute and its outcome)
is written here, valued in the deal's currency and in CAD at the payment's own rates, fixed when the
payment was made, so that a deal's balance is a plain sum and never moves with the day's rates."""

from decimal import Decimal

from django.db.models import Sum

from accounts.models import User
from audit.services import audit_record
from currencies.money import REFERENCE_CURRENCY, money_round
from payments.hooks import LEDGER_ENTRY_WRITTEN
from payments.models import LedgerEntry, LedgerEntryKind, Payment


def ledger_entry_write(
    *, payment: Payment, kind: str, amount: Decimal, reference: str = "", note: str = "", user: User | None = None
) -> LedgerEntry:
    """Write one entry of `amount` (signed: money in positive, out negative; in the payment's currency),
    and tell the apps above (LEDGER_ENTRY_WRITTEN) in the same transaction."""
    deal_amount, amount_cad = _valued(payment=payment, kind=kind, amount=amount)
    entry = LedgerEntry.objects.create(
        kind=kind, payment=payment, deal_id=payment.deal_id, amount=amount, currency=payment.currency,
        deal_amount=deal_amount, deal_currency=payment.deal_currency, amount_cad=amount_cad,
        provider_reference=reference, note=note[:255], created_by=user,
    )  # fmt: skip
    LEDGER_ENTRY_WRITTEN.announce(entry=entry)
    return entry


def ledger_export_record(*, user: User, filters: dict, rows: int) -> None:
    """Who took the ledger out, filtered how, and how many entries."""
    audit_record(action="ledger.export", user=user, changes={"format": "csv", "filters": filters, "rows": rows})


def _valued(*, payment: Payment, kind: str, amount: Decimal) -> tuple[Decimal, Decimal]:
    """(deal amount, CAD amount), signed as `amount`. The whole payment takes the payment's own values;
    the refund that completes a full refund takes exactly what is left of them, so that a payment
    refunded in parts nets to zero in every currency; any other part is converted and rounded."""
    if not amount:
        return Decimal(0), Decimal(0)
    sign = -1 if amount < 0 else 1
    if kind == LedgerEntryKind.REFUND:
        refunded = LedgerEntry.objects.filter(payment=payment, kind=LedgerEntryKind.REFUND).aggregate(
            amount=Sum("amount"), deal_amount=Sum("deal_amount"), amount_cad=Sum("amount_cad")
        )
        if abs(amount) == payment.amount + (refunded["amount"] or 0):
            return (
                -(payment.deal_amount + (refunded["deal_amount"] or 0)),
                -(payment.amount_cad + (refunded["amount_cad"] or 0)),
            )
    if abs(amount) == payment.amount:
        return sign * payment.deal_amount, sign * payment.amount_cad
    return (
        sign * money_round(abs(amount) * payment.deal_rate, payment.deal_currency),
        sign * money_round(abs(amount) * payment.cad_rate, REFERENCE_CURRENCY),
    )
