"""Staff's decisions on one commission (the API's actions and the admin's bulk actions): approve it ahead of
the dispute window, hold it, release it. Each locks the row, then moves it through commission_status_set,
which refuses a move COMMISSION_MOVES does not allow (InvalidTransition, 409) and audits the one it makes."""

from django.db import transaction
from django.utils import timezone

from commissions.models import Commission, CommissionStatus
from commissions.selectors import commission_amount
from commissions.services.status import commission_status_set

# Kept in the audit record in one language, whoever reads it later.
STAFF_APPROVAL_REASON = "approved by staff"


def _locked(commission: Commission) -> Commission:
    return Commission.objects.select_for_update().get(pk=commission.pk)


@transaction.atomic
def commission_approve(*, commission: Commission, user) -> Commission:
    """Approve a pending commission now, without waiting out the dispute window (the weekly job's rule):
    staff's override, audited as such."""
    commission = _locked(commission)
    return commission_status_set(
        commission=commission, to=CommissionStatus.APPROVED, action="commission.approve", user=user,
        changes={"reason": STAFF_APPROVAL_REASON, "amount_cad": str(commission_amount(commission=commission))},
        approved_at=timezone.now(),
    )  # fmt: skip


@transaction.atomic
def commission_hold(*, commission: Commission, reason: str, user) -> Commission:
    """Hold a pending or approved commission: neither approved nor paid until staff release it."""
    commission = _locked(commission)
    return commission_status_set(
        commission=commission, to=CommissionStatus.HELD, action="commission.hold", user=user,
        changes={"reason": reason}, hold_reason=reason[:255],
    )  # fmt: skip


@transaction.atomic
def commission_release(*, commission: Commission, user) -> Commission:
    """Release a held commission back to pending: the weekly job approves it once its window has passed."""
    commission = _locked(commission)
    return commission_status_set(
        commission=commission, to=CommissionStatus.PENDING, action="commission.release", user=user, hold_reason=""
    )
