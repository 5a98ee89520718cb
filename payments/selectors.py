"""Every non-trivial read of payments: payments, the ledger and a deal's balance, always derived from
the ledger."""

from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from currencies.money import money_round
from payments.models import LedgerEntry, LedgerEntryKind, Payment

# What the buyer has paid: charges less refunds and disputed money (reinstated when a dispute is won).
# The provider's fees are the platform's cost, not the buyer's payment.
PAID_KINDS = [
    LedgerEntryKind.CHARGE, LedgerEntryKind.REFUND, LedgerEntryKind.DISPUTE, LedgerEntryKind.DISPUTE_WON,
    LedgerEntryKind.DISPUTE_LOST,
]  # fmt: skip


def deal_amount_paid(*, deal) -> Decimal:
    """What the deal's buyer has paid, in the deal's currency, from the ledger (never stored twice)."""
    total = LedgerEntry.objects.filter(deal=deal, kind__in=PAID_KINDS).aggregate(total=Sum("deal_amount"))["total"]
    return money_round(total or Decimal(0), deal.currency)


def deal_amount_paid_cad(*, deal) -> Decimal:
    """The same in CAD, each movement at its payment's own rate (what the money was worth when it came)."""
    total = LedgerEntry.objects.filter(deal=deal, kind__in=PAID_KINDS).aggregate(total=Sum("amount_cad"))["total"]
    return total or Decimal(0)


def deal_balance(*, deal) -> Decimal:
    """What is still due on the agreed price, in the deal's currency (negative: paid more than agreed)."""
    return deal.agreed_price - deal_amount_paid(deal=deal)


def payment_amount_refunded(*, payment: Payment) -> Decimal:
    total = LedgerEntry.objects.filter(payment=payment, kind=LedgerEntryKind.REFUND).aggregate(total=Sum("amount"))
    return -(total["total"] or Decimal(0))


def _party_filter(user, prefix: str = "") -> Q:
    return (
        Q(**{f"{prefix}deal__buyer": user})
        | Q(**{f"{prefix}deal__dealer": user})
        | Q(**{f"{prefix}deal__broker": user})
    )


def payment_list_visible_to(*, user) -> QuerySet[Payment]:
    """Staff see every payment; the deal's buyer, dealer and broker see the deal's payments."""
    payments = Payment.objects.select_related("deal", "payer")
    if user.is_platform_staff:
        return payments
    return payments.filter(Q(payer=user) | _party_filter(user))


def ledger_entry_list_visible_to(*, user) -> QuerySet[LedgerEntry]:
    entries = LedgerEntry.objects.select_related("payment")
    if user.is_platform_staff:
        return entries
    return entries.filter(Q(payment__payer=user) | _party_filter(user))
