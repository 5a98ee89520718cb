"""Staff review of payments held by the fraud controls (payments.fraud): approve, and the payment goes on
to its provider as if it had not been held, with everything the first request gave (the saved card, the
payer's number); reject, and it fails with nothing charged, the buyer told."""

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from accounts.models import User
from currencies.money import money_round
from deals.models import Deal, DealStatus
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError, atomic_then_refuse
from nzila_export.stored_text import text_to_store
from payments.models import Payment, PaymentStatus, ReviewDecision
from payments.selectors import deal_balance
from payments.services.payments import _payment_charge
from payments.services.status import payment_status_set

REJECTED_REASON = gettext_lazy("The payment was not accepted after review. Nothing was charged.")


def payment_review(*, payment: Payment, reviewer: User, decision: str, note: str = "") -> Payment:
    """Approve or reject a held payment (staff). Approving charges it with the deal's row locked, as
    payment_create does, once the deal is still payable and the amount still due; a provider out of reach
    leaves it pending for the buyer's retry with the same Idempotency-Key (PaymentUnavailable); a decline
    is answered as the payment, failed, with its reason."""
    if decision not in ReviewDecision.values:
        raise DomainError(gettext("The decision is approve or reject."), field="decision")
    with atomic_then_refuse():
        deal = Deal.objects.select_for_update(of=("self",)).select_related("vehicle", "buyer").get(pk=payment.deal_id)
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status != PaymentStatus.HELD:
            raise Conflict(gettext("This payment is not held for review."), field="decision")
        if decision == ReviewDecision.APPROVE:
            if deal.status != DealStatus.PENDING_PAYMENT or deal.is_on_hold:
                raise Conflict(gettext("The deal is no longer payable: reject this payment instead."), field="decision")
            if payment.deal_amount > deal_balance(deal=deal):
                raise Conflict(
                    gettext("The deal no longer owes this amount: reject this payment instead."), field="decision"
                )
        review = {
            "review_decision": decision, "reviewed_by": reviewer, "reviewed_at": timezone.now(),
            "review_note": note[:255],
        }  # fmt: skip
        action = f"payment.review_{decision}"
        changes = {
            "amount": str(money_round(payment.amount, payment.currency)), "currency": payment.currency,
            "note": note[:255],
        }  # fmt: skip
        if decision == ReviewDecision.REJECT:
            payment_status_set(
                payment=payment, to=PaymentStatus.FAILED, action=action, user=reviewer, changes=changes,
                failure_code="review_rejected", failure_reason=text_to_store(REJECTED_REASON), **review,
            )  # fmt: skip
            context = {"deal": deal, "amount": payment.amount, "currency": payment.currency, "reason": REJECTED_REASON}
            notify(event="payment.failed", recipients=[payment.payer], context=context, related_object=payment)
            return payment
        payment_status_set(
            payment=payment, to=PaymentStatus.PENDING, action=action, user=reviewer, changes=changes, **review
        )
        return _payment_charge(payment=payment)
