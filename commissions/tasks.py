from datetime import date

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from commissions.models import Commission
from commissions.services.approval import commissions_process_pending
from commissions.services.payouts import commission_mark_paid, payouts_settle_processing
from commissions.statements import commission_statements_send, statement_month


@shared_task
def process_pending_commissions(day: str | None = None) -> dict:
    """Weekly (Monday 10:00 Toronto): tier adjustments, then approval of the commissions past the dispute
    window whose deal's payments are all settled."""
    return commissions_process_pending(today=date.fromisoformat(day) if day else timezone.localdate())


@shared_task
def send_commission_statements(month: str | None = None) -> int:
    """Monthly (the 1st, 07:00 Toronto): each broker's statement of `month` (YYYY-MM, default last month),
    once per broker and month."""
    return commission_statements_send(month=statement_month(value=month))


@shared_task
def mark_commission_paid(commission_id: int, reference: str, user_id: int) -> int:
    """Record a payout staff made outside (a bank transfer) with its reference; running it twice records
    it once. Returns the payout's id."""
    commission = Commission.objects.get(pk=commission_id)
    user = get_user_model().objects.get(pk=user_id)
    return commission_mark_paid(commission=commission, reference=reference, user=user).pk


@shared_task
def settle_processing_payouts() -> dict:
    """Every 10 minutes: ask the providers about payouts whose outcome is not known yet."""
    return payouts_settle_processing()
