"""The one place a payment's status is set: the move is checked against PAYMENT_MOVES (payments.models),
stamped, saved with the fields that go with it, and audited."""

from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from nzila_export.transitions import transition_check
from payments.models import PAYMENT_MOVES, Payment, PaymentStatus


def payment_status_set(
    *, payment: Payment, to: str, action: str, user: User | None = None, changes: dict | None = None, **fields
) -> Payment:
    """Move a locked payment to `to` (InvalidTransition if PAYMENT_MOVES does not allow it), with `fields`
    set beside it, and audit it as `action`."""
    transition_check(moves=PAYMENT_MOVES, choices=PaymentStatus, current=payment.status, to=to)
    before = payment.status
    payment.status, payment.status_changed_at = to, timezone.now()
    for name, value in fields.items():
        setattr(payment, name, value)
    payment.save(update_fields=["status", "status_changed_at", "updated_at", *fields])
    audit_record(action=action, instance=payment, user=user, changes={"status": [before, to], **(changes or {})})
    return payment
