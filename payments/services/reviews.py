"""Staff review of payments held by the fraud controls (payments.fraud): approve, and the payment goes on
to its provider as if it had not been held; reject, and it fails with nothing charged, the buyer told."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from deals.models import Deal, DealStatus
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError
from payments.models import Payment, PaymentStatus, ReviewDecision
from payments.selectors import deal_balance
from payments.services.payments import _payment_charge

REJECTED_REASON = "The payment was not accepted after review. Nothing was charged."


def payment_review(*, payment: Payment, reviewer: User, decision: str, note: str = "") -> Payment:
    """Approve or reject a held payment (staff). Approving charges it with the deal's row locked, as
    payment_create does, once the deal is still payable and the amount still due; a provider out of reach
    leaves it pending for the buyer's retry with the same Idempotency-Key (PaymentUnavailable)."""
    if decision not in ReviewDecision.values:
        raise DomainError("The decision is approve or reject.", field="decision")
    unavailable = None
    with transaction.atomic():
        deal = Deal.objects.select_for_update(of=("self",)).select_related("vehicle", "buyer").get(pk=payment.deal_id)
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status != PaymentStatus.HELD:
            raise Conflict("This payment is not held for review.", field="decision")
        if decision == ReviewDecision.APPROVE:
            if deal.status != DealStatus.PENDING_PAYMENT or deal.is_on_hold:
                raise Conflict("The deal is no longer payable: reject this payment instead.", field="decision")
            if payment.deal_amount > deal_balance(deal=deal):
                raise Conflict("The deal no longer owes this amount: reject this payment instead.", field="decision")
        before = payment.status
        now = timezone.now()
        payment.review_decision, payment.reviewed_by, payment.reviewed_at = decision, reviewer, now
        payment.review_note = note[:255]
        payment.status_changed_at = now
        if decision == ReviewDecision.APPROVE:
            payment.status = PaymentStatus.PENDING
        else:
            payment.status = PaymentStatus.FAILED
            payment.failure_code, payment.failure_reason = "review_rejected", REJECTED_REASON
        payment.save()
        audit_record(
            action=f"payment.review_{decision}",
            instance=payment,
            user=reviewer,
            changes={"status": [before, payment.status], "note": payment.review_note},
        )
        if decision == ReviewDecision.REJECT:
            notify(
                event="payment.failed",
                recipients=[payment.payer],
                context={
                    "deal": deal,
                    "amount": payment.amount,
                    "currency": payment.currency,
                    "reason": REJECTED_REASON,
                },
                related_object=payment,
            )
            return payment
        payment, unavailable = _payment_charge(payment=payment, payment_method=payment.card_reference)
    if unavailable is not None:
        raise unavailable
    payment.refresh_from_db()
    return payment
