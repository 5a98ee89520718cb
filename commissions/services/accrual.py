"""Commissions follow their deal: a deal with a broker that completes accrues one commission per broker
(the closing one, and the referring one's share when there is one), once; a deal cancelled, refunded or
lost to a dispute reverses them with a new entry; an open dispute holds them until it is decided."""

import logging
from decimal import ROUND_HALF_EVEN, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from commissions.models import (
    Commission,
    CommissionEntry,
    CommissionPlan,
    CommissionRole,
    CommissionStatus,
    CommissionTier,
    EntryKind,
    PlanApplication,
    PlanBasis,
)
from commissions.selectors import (
    broker_closed_in_period,
    broker_measure,
    commission_amount,
    period_start,
    plan_in_force,
    tier_for,
)
from commissions.services.status import commission_status_set
from currencies.money import REFERENCE_CURRENCY, money_round
from deals.models import Deal, DealStatus
from nzila_export.stored_text import text_to_store
from payments.models import LedgerEntry, LedgerEntryKind
from payments.selectors import deal_amount_paid_cad

logger = logging.getLogger(__name__)

RATE_QUANTUM = Decimal("1E-12")
UNPAID = [CommissionStatus.PENDING, CommissionStatus.APPROVED, CommissionStatus.HELD]


def commission_follow_deal(*, deal: Deal, from_status: str, to: str) -> None:
    """The deals hook: a completed deal accrues, a cancelled one reverses."""
    if to == DealStatus.COMPLETED and deal.broker_id:
        commissions_accrue(deal=deal)
    elif to == DealStatus.CANCELLED:
        commissions_reverse(deal=deal, reason=text_to_store(_("The deal was cancelled.")))


def commission_follow_ledger_entry(*, entry: LedgerEntry) -> None:
    """The payments hook: money moving on a completed deal. A refund or a lost dispute reverses its
    commissions; an open dispute holds them; a won dispute releases them."""
    if not Commission.objects.filter(deal_id=entry.deal_id).exists():
        return
    deal = entry.deal
    if entry.kind in (LedgerEntryKind.REFUND, LedgerEntryKind.DISPUTE_LOST):
        commissions_reverse(deal=deal, reason=text_to_store(_("The buyer's money went back after the deal completed.")))
    elif entry.kind == LedgerEntryKind.DISPUTE:
        commissions_hold(deal=deal, reason=text_to_store(_("The buyer disputes a payment of the deal.")))
    elif entry.kind == LedgerEntryKind.DISPUTE_WON:
        commissions_release(deal=deal)


def deal_commission_cad(*, plan: CommissionPlan, tier: CommissionTier, base_cad: Decimal, before: Decimal) -> Decimal:
    """What a deal earns in all, before the split: the tier's rate on the deal's CAD value, or, on a
    marginal volume plan, each part of the value at the rate of the tier it falls in; then the plan's
    minimum and cap per deal."""
    if plan.basis == PlanBasis.VOLUME and plan.application == PlanApplication.MARGINAL:
        tiers = sorted(plan.tiers.all(), key=lambda candidate: candidate.threshold)
        total, after = Decimal(0), before + base_cad
        for index, band in enumerate(tiers):
            band_end = tiers[index + 1].threshold if index + 1 < len(tiers) else after
            portion = max(Decimal(0), min(after, band_end) - max(before, band.threshold))
            total += portion * band.percent / 100
    else:
        total = base_cad * tier.percent / 100
    total = max(total, plan.minimum_cad)
    if plan.cap_cad is not None:
        total = min(total, plan.cap_cad)
    return money_round(total, REFERENCE_CURRENCY)


def deal_shares(*, deal: Deal, plan: CommissionPlan) -> list[tuple]:
    """(broker, role, share percent) of each broker of the deal."""
    share = plan.referrer_share_percent
    if deal.referring_broker_id and deal.referring_broker_id != deal.broker_id and share > 0:
        return [
            (deal.broker, CommissionRole.CLOSING, Decimal(100) - share),
            (deal.referring_broker, CommissionRole.REFERRING, share),
        ]
    return [(deal.broker, CommissionRole.CLOSING, Decimal(100))]


@transaction.atomic
def commissions_accrue(*, deal: Deal) -> list[Commission]:
    """Accrue the deal's commissions under the plan in force today, once (a unique constraint per deal and
    role has the last word), in CAD from what the buyer's payments were worth in CAD."""
    existing = list(Commission.objects.filter(deal=deal))
    if existing:
        return existing
    today = timezone.localdate()
    plan = plan_in_force(broker=deal.broker, on=today)
    if plan is None or not plan.tiers.exists():
        logger.warning("Deal %s completed with broker %s but no commission plan is in force", deal.pk, deal.broker_id)
        audit_record(action="commission.no_plan", instance=deal, changes={"broker": deal.broker_id})
        return []
    base_cad = deal_amount_paid_cad(deal=deal)
    start = period_start(period=plan.period, on=today)
    earlier = broker_closed_in_period(broker=deal.broker, start=start, until=today)
    before = broker_measure(plan=plan, commissions=earlier)
    after = before + (Decimal(1) if plan.basis == PlanBasis.DEALS else base_cad)
    tier = tier_for(plan=plan, measure=after)
    total = deal_commission_cad(plan=plan, tier=tier, base_cad=base_cad, before=before)
    cad_rate = (base_cad / deal.agreed_price).quantize(RATE_QUANTUM, rounding=ROUND_HALF_EVEN)
    made = []
    for broker, role, share in deal_shares(deal=deal, plan=plan):
        commission = Commission.objects.create(
            deal=deal, broker=broker, role=role, plan=plan, tier=tier, percent=tier.percent, share_percent=share,
            deal_amount=deal.agreed_price, deal_currency=deal.currency, cad_rate=cad_rate, base_cad=base_cad,
            period_start=start, completed_on=today, status=CommissionStatus.PENDING, status_changed_at=timezone.now(),
        )  # fmt: skip
        amount = money_round(total * share / 100, REFERENCE_CURRENCY)
        CommissionEntry.objects.create(
            commission=commission, kind=EntryKind.ACCRUAL, amount_cad=amount, percent=tier.percent
        )
        audit_record(
            action="commission.accrue",
            instance=commission,
            changes={"amount_cad": str(amount), "plan": plan.pk, "tier": tier.pk, "percent": str(tier.percent)},
        )
        made.append(commission)
    return made


def _deal_commissions_locked(deal: Deal) -> list[Commission]:
    return list(Commission.objects.select_for_update().filter(deal=deal).order_by("role"))


@transaction.atomic
def commissions_reverse(*, deal: Deal, reason: str) -> None:
    """Reverse what each unpaid commission of the deal is worth with one entry, and mark it reversed. A paid
    commission is not taken back here: the reversal is audited for staff to recover it from the broker."""
    for commission in _deal_commissions_locked(deal):
        if commission.status == CommissionStatus.PAID:
            audit_record(action="commission.clawback_needed", instance=commission, changes={"reason": reason})
            continue
        if commission.status == CommissionStatus.REVERSED:
            continue
        amount = commission_amount(commission=commission)
        CommissionEntry.objects.create(
            commission=commission, kind=EntryKind.REVERSAL, amount_cad=-amount, percent=commission.percent,
            note=reason,
        )  # fmt: skip
        commission_status_set(
            commission=commission, to=CommissionStatus.REVERSED, action="commission.reverse",
            changes={"reason": reason, "amount_cad": str(-amount)},
        )  # fmt: skip


@transaction.atomic
def commissions_hold(*, deal: Deal, reason: str, user=None) -> None:
    for commission in _deal_commissions_locked(deal):
        if commission.status in (CommissionStatus.PENDING, CommissionStatus.APPROVED):
            commission_status_set(
                commission=commission, to=CommissionStatus.HELD, action="commission.hold", user=user,
                changes={"reason": reason}, hold_reason=reason[:255],
            )  # fmt: skip


@transaction.atomic
def commissions_release(*, deal: Deal, user=None) -> None:
    for commission in _deal_commissions_locked(deal):
        if commission.status == CommissionStatus.HELD:
            commission_status_set(
                commission=commission, to=CommissionStatus.PENDING, action="commission.release", user=user,
                hold_reason="",
            )  # fmt: skip
