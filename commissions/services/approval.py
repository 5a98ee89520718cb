"""The weekly job (`process_pending_commissions`): tier adjustments, then approvals.

- On a whole-period plan, a later deal may lift the broker's tier for the period: each earlier commission
  of the period not yet paid or reversed is brought to the new rate with one adjustment entry (its
  percent and tier then say so, so a second run adjusts nothing).
- A pending commission is approved once its deal completed more than COMMISSION_DISPUTE_WINDOW_DAYS ago
  and none of the deal's payments is still open, held or disputed.
Each commission is changed in its own short transaction, its row locked, in batches.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from commissions.models import (
    Commission,
    CommissionEntry,
    CommissionRole,
    CommissionStatus,
    EntryKind,
    PlanApplication,
)
from commissions.selectors import broker_closed_in_period, broker_measure, commission_amount, tier_for
from commissions.services.accrual import UNPAID, deal_commission_cad
from commissions.services.status import commission_status_set
from currencies.money import REFERENCE_CURRENCY, money_round
from nzila_export.stored_text import message_to_store
from payments.models import Payment, PaymentStatus

BATCH_SIZE = 500
UNSETTLED_PAYMENTS = [
    PaymentStatus.PENDING, PaymentStatus.REQUIRES_ACTION, PaymentStatus.HELD, PaymentStatus.DISPUTED,
]  # fmt: skip


def commissions_process_pending(*, today: date) -> dict[str, int]:
    adjusted = commissions_adjust_tiers(today=today)
    approved = commissions_approve_due(today=today)
    return {"adjusted": adjusted, "approved": approved}


def commissions_adjust_tiers(*, today: date) -> int:
    """Bring each unpaid commission of a whole-period plan to the tier its broker has reached in the period."""
    closing = (
        Commission.objects.filter(role=CommissionRole.CLOSING, status__in=UNPAID)
        .filter(plan__application=PlanApplication.WHOLE_PERIOD)
        .values_list("broker_id", "period_start")
        .distinct()
    )
    adjusted = 0
    for broker_id, start in closing.iterator(chunk_size=BATCH_SIZE):
        for commission_id in Commission.objects.filter(
            broker_id=broker_id, period_start=start, role=CommissionRole.CLOSING, status__in=UNPAID
        ).values_list("pk", flat=True):
            adjusted += _deal_adjust(commission_id=commission_id, today=today)
    return adjusted


@transaction.atomic
def _deal_adjust(*, commission_id: int, today: date) -> int:
    """Re-compute one deal's commissions at the tier its closing broker has reached; the adjustments made."""
    closing = Commission.objects.select_for_update().select_related("plan", "deal").get(pk=commission_id)
    plan = closing.plan
    period = broker_closed_in_period(broker=closing.broker, start=closing.period_start, until=today)
    tier = tier_for(plan=plan, measure=broker_measure(plan=plan, commissions=period))
    if closing.status not in UNPAID or tier.percent <= closing.percent:
        return 0
    before = broker_measure(plan=plan, commissions=period.filter(completed_on__lt=closing.completed_on))
    total = deal_commission_cad(plan=plan, tier=tier, base_cad=closing.base_cad, before=before)
    adjusted = 0
    for commission in Commission.objects.select_for_update().filter(deal=closing.deal, status__in=UNPAID):
        difference = money_round(total * commission.share_percent / 100, REFERENCE_CURRENCY) - commission_amount(
            commission=commission
        )
        if difference:
            CommissionEntry.objects.create(
                commission=commission, kind=EntryKind.ADJUSTMENT, amount_cad=difference, percent=tier.percent,
                note=message_to_store(_("Tier %(percent)s%% reached in the period"), percent=tier.percent),
            )  # fmt: skip
            adjusted += 1
        commission.tier, commission.percent = tier, tier.percent
        commission.save(update_fields=["tier", "percent", "updated_at"])
        audit_record(
            action="commission.adjust",
            instance=commission,
            changes={"percent": str(tier.percent), "amount_cad": str(difference)},
        )
    return adjusted


def commissions_approve_due(*, today: date) -> int:
    window = timedelta(days=settings.COMMISSION_DISPUTE_WINDOW_DAYS)
    unsettled = Payment.objects.filter(deal=OuterRef("deal"), status__in=UNSETTLED_PAYMENTS)
    due = (
        Commission.objects.filter(status=CommissionStatus.PENDING, completed_on__lt=today - window)
        .filter(~Exists(unsettled))
        .values_list("pk", flat=True)
    )
    approved = 0
    for commission_id in due.iterator(chunk_size=BATCH_SIZE):
        approved += _approve(commission_id=commission_id)
    return approved


@transaction.atomic
def _approve(*, commission_id: int) -> int:
    commission = Commission.objects.select_for_update().get(pk=commission_id)
    if commission.status != CommissionStatus.PENDING:
        return 0
    commission_status_set(
        commission=commission, to=CommissionStatus.APPROVED, action="commission.approve",
        changes={"amount_cad": str(commission_amount(commission=commission))}, approved_at=timezone.now(),
    )  # fmt: skip
    return 1
