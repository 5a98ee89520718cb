"""Taking a payment: checks, idempotency, conversion both ways, the gateway, and what a successful
charge does (the ledger entry, the deal moving to paid, the parties told).

Every change of a payment's money or status happens with its row locked (select_for_update) inside
a transaction and is audited, so two confirmations at once, or a confirmation racing a webhook,
record one charge; a partial unique index on the ledger backs this up.

Refusals are raised once what must be kept is committed (`atomic_then_refuse`): a declined or blocked
payment stays failed, a payment whose provider was out of reach stays pending for the retry, a refused
attempt stays in the audit log.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from accounts.models import User
from accounts.selectors import staff_list_active
from audit.services import audit_record
from currencies.conversion import convert
from currencies.money import REFERENCE_CURRENCY, currency_check, money_precision_refusal, money_round
from deals.models import Deal, DealStatus
from deals.services import deal_transition
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError, Forbidden, atomic_then_refuse
from nzila_export.stored_text import stored_text_lazy, stored_text_read, text_to_store
from payments.fraud import (
    BLOCKED_FAILURE_CODE,
    DECISION_BLOCK,
    DECISION_REVIEW,
    REFUSED_MESSAGE,
    FraudRefusal,
    PaymentBlocked,
    ip_failure_record,
    payment_risk_assess,
    velocity_check,
)
from payments.gateways import gateway_for_method
from payments.gateways.base import ChargeResult, GatewayError, GatewayOutcomeUnknown, GatewayRefused
from payments.gateways.mobile_money import MOBILE_MONEY_METHODS
from payments.hooks import PAYMENT_FAILED
from payments.models import (
    AVAILABLE_METHODS,
    LedgerEntryKind,
    MobileMoneyPayment,
    Payment,
    PaymentMethod,
    PaymentStatus,
    PaystackTransaction,
)
from payments.selectors import deal_amount_paid, deal_balance
from payments.services.ledger import ledger_entry_write
from payments.services.status import payment_status_set

logger = logging.getLogger(__name__)

OPEN_STATUSES = [PaymentStatus.PENDING, PaymentStatus.REQUIRES_ACTION]


class PaymentDeclined(DomainError):
    """402: the provider declined; `code` is its reason (card_declined, insufficient_funds ...)."""

    status_code = 402
    code = "payment_declined"


class IdempotencyKeyReused(DomainError):
    status_code = 422
    code = "idempotency_key_reused"


class DealNotPayable(Conflict):
    code = "deal_not_payable"


class PaymentUnavailable(DomainError):
    status_code = 503
    code = "payment_provider_unavailable"


@dataclass(frozen=True)
class PaymentAttempt:
    payment: Payment
    replayed: bool  # the same Idempotency-Key and body were seen before: this is that payment


def payment_fingerprint(*, deal_id: int, amount: Decimal, currency: str, method: str, payment_method: str) -> str:
    """A digest of what the request asked for; amounts compare by value (100 and 100.00 are one request)."""
    body = {
        "deal": deal_id, "amount": str(Decimal(amount).normalize()), "currency": currency.upper(),
        "method": method, "payment_method": payment_method,
    }  # fmt: skip
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def payment_create(
    *,
    deal: Deal,
    user: User,
    amount: Decimal,
    currency: str,
    method: str,
    idempotency_key: str,
    payment_method: str = "",
    billing_country: str = "",
    radar_session: str = "",
    ip_address: str | None = None,
) -> PaymentAttempt:
    """Pay (part of) a deal with a card (`payment_method`: a saved card) or a mobile-money rail
    (`payment_method`: the payer's number, E.164, kept with the payment for every push made for it) or
    Paystack (`payment_method`: the checkout's channels, comma-separated, kept with the payer's e-mail).
    The same key and body give back the first payment, charged once; the same key with another body is
    refused (422). The amount is converted at the day's rate to the deal's currency and to CAD, both
    recorded. Before any provider is asked, the fraud controls count the attempt (FraudRefusal over a
    velocity limit) and score it: a risky payment is held for staff review (nothing charged) or blocked
    (kept as failed, PaymentBlocked). A decline is kept as failed and raised (PaymentDeclined)."""
    fingerprint = payment_fingerprint(
        deal_id=deal.pk, amount=amount, currency=currency, method=method, payment_method=payment_method
    )
    earlier = _payment_for_key(user=user, idempotency_key=idempotency_key, fingerprint=fingerprint)
    if earlier is not None:
        if _charge_may_be_sent(earlier):  # its provider was out of reach: this retry sends it
            with atomic_then_refuse():
                earlier = _payment_charge(payment=earlier)
        payment_refusal_raise(earlier)
        return PaymentAttempt(payment=earlier, replayed=True)
    # The deal's row stays locked until the charge is recorded, so two payments of one deal at once are
    # made one after the other and the second sees what the first charged.
    with atomic_then_refuse():
        attempt = _payment_create_locked(
            deal=deal, user=user, amount=amount, currency=currency, method=method,
            idempotency_key=idempotency_key, payment_method=payment_method, fingerprint=fingerprint,
            billing_country=billing_country, radar_session=radar_session, ip_address=ip_address,
        )  # fmt: skip
        payment = attempt.payment
        if not attempt.replayed and payment.status == PaymentStatus.PENDING:
            payment = _payment_charge(payment=payment)
        payment_refusal_raise(payment)
    return PaymentAttempt(payment=payment, replayed=attempt.replayed)


def _payment_create_locked(
    *, deal: Deal, user: User, amount: Decimal, currency: str, method: str, idempotency_key: str,
    payment_method: str, fingerprint: str, billing_country: str = "", radar_session: str = "",
    ip_address: str | None = None,
) -> PaymentAttempt:  # fmt: skip
    deals = Deal.objects.select_for_update(of=("self",)).select_related("vehicle", "buyer", "dealer", "broker")
    deal = deals.get(pk=deal.pk)
    # A request with this key that held the lock before this one has committed its payment by now: this one is
    # its replay, not an attempt for the fraud controls to count.
    earlier = _payment_for_key(user=user, idempotency_key=idempotency_key, fingerprint=fingerprint)
    if earlier is not None:
        return PaymentAttempt(payment=earlier, replayed=True)
    _payable_check(deal=deal, user=user, method=method)
    currency = currency_check(currency)
    amount = Decimal(amount)
    if amount <= 0:
        raise DomainError(gettext("The amount must be positive."), field="amount")
    if refusal := money_precision_refusal(amount, currency):
        raise DomainError(refusal, field="amount")

    today = timezone.localdate()
    in_deal_currency = convert(amount=amount, from_currency=currency, to_currency=deal.currency, on=today)
    in_cad = convert(amount=amount, from_currency=currency, to_currency=REFERENCE_CURRENCY, on=today)
    balance = deal_balance(deal=deal)
    if in_deal_currency.amount > balance:
        raise DomainError(
            gettext("That is %(amount)s %(currency)s; %(due)s %(currency)s is due.")
            % {
                "amount": money_round(in_deal_currency.amount, deal.currency),
                "currency": deal.currency,
                "due": money_round(max(balance, Decimal(0)), deal.currency),
            },
            field="amount",
        )
    gateway_for_method(method)  # an unconfigured provider fails here, before anything is stored
    is_card = method in (PaymentMethod.CARD, PaymentMethod.SANDBOX)
    try:
        velocity_check(user=user, card=payment_method if is_card else "", ip_address=ip_address)
    except FraudRefusal as refusal:
        audit_record(action="payment.refused", instance=deal, user=user, changes={"limit": refusal.limit})
        raise
    risk = payment_risk_assess(
        payer=deal.buyer, deal=deal, amount_cad=in_cad.amount, billing_country=billing_country,
        phone=payment_method if method in MOBILE_MONEY_METHODS else "", ip_address=ip_address,
    )  # fmt: skip
    status = {DECISION_REVIEW: PaymentStatus.HELD, DECISION_BLOCK: PaymentStatus.FAILED}.get(
        risk.decision, PaymentStatus.PENDING
    )
    blocked = risk.decision == DECISION_BLOCK
    try:
        with transaction.atomic():  # a savepoint: a concurrent request with the same key loses here
            payment = Payment.objects.create(
                deal=deal, payer=deal.buyer, created_by=user, amount=amount, currency=currency,
                deal_amount=in_deal_currency.amount, deal_currency=deal.currency, deal_rate=in_deal_currency.rate,
                amount_cad=in_cad.amount, cad_rate=in_cad.rate,
                rate_date=min(filter(None, [in_deal_currency.rate_date, in_cad.rate_date]), default=None),
                method=method, provider=gateway_for_method(method).code, status=status,
                status_changed_at=timezone.now(), idempotency_key=idempotency_key, request_fingerprint=fingerprint,
                fraud_risk_score=risk.score, fraud_reasons=risk.reasons_as_dicts(), fraud_model=risk.model,
                card_reference=payment_method if is_card else "", radar_session=radar_session,
                ip_address=ip_address, failure_code=BLOCKED_FAILURE_CODE if blocked else "",
                failure_reason=text_to_store(REFUSED_MESSAGE) if blocked else "",
            )  # fmt: skip
            if method in MOBILE_MONEY_METHODS:  # every push made for this payment goes to this number
                MobileMoneyPayment.objects.create(payment=payment, phone=payment_method)
            elif method == PaymentMethod.PAYSTACK:  # every checkout made for it: this e-mail and these channels
                PaystackTransaction.objects.create(
                    payment=payment,
                    email=deal.buyer.email,
                    channels=[name for name in payment_method.split(",") if name],
                )
    except IntegrityError:
        earlier = _payment_for_key(user=user, idempotency_key=idempotency_key, fingerprint=fingerprint)
        if earlier is None:
            raise
        return PaymentAttempt(payment=earlier, replayed=True)
    audit_record(
        action="payment.create",
        instance=payment,
        user=user,
        changes={
            "amount": str(amount), "currency": currency, "deal_amount": str(payment.deal_amount),
            "deal_rate": str(payment.deal_rate), "amount_cad": str(payment.amount_cad),
            "cad_rate": str(payment.cad_rate), "method": method, "status": status,
            "fraud_risk_score": risk.score, "fraud_reasons": payment.fraud_reasons,
        },
    )  # fmt: skip
    if risk.decision == DECISION_REVIEW:
        payment_review_requested(payment=payment, deal=deal)
    elif blocked:
        payment_blocked_alert(payment=payment, deal=deal)
    return PaymentAttempt(payment=payment, replayed=False)


def _payable_check(*, deal: Deal, user: User, method: str) -> None:
    if not (user.is_platform_staff or user.pk == deal.buyer_id):
        raise Forbidden(gettext("Only the deal's buyer (or staff) pays it."), field="deal")
    if deal.status != DealStatus.PENDING_PAYMENT:
        raise DealNotPayable(
            gettext("The deal is %(status)s: payments are taken while it is pending payment.")
            % {"status": str(deal.get_status_display()).lower()},
            field="deal",
        )
    if deal.is_on_hold:
        raise DealNotPayable(
            gettext("The deal is held for staff review: no payment until it is released."), field="deal"
        )
    if method not in AVAILABLE_METHODS:
        raise DomainError(
            gettext("%(method)s payments are not available yet.") % {"method": PaymentMethod(method).label},
            field="method",
        )


def payment_review_requested(*, payment: Payment, deal: Deal) -> None:
    """A payment held for fraud review: the buyer is told it is being checked, staff that it waits."""
    context = {"deal": deal, "amount": payment.amount, "currency": payment.currency, "payment": payment}
    notify(event="payment.held", recipients=[payment.payer], context=context, related_object=payment)
    notify(event="payment.review_needed", recipients=staff_list_active(), context=context, related_object=payment)


def payment_blocked_alert(*, payment: Payment, deal: Deal) -> None:
    context = {"deal": deal, "amount": payment.amount, "currency": payment.currency, "payment": payment}
    audit_record(action="payment.blocked", instance=payment, changes={"fraud_reasons": payment.fraud_reasons})
    notify(event="payment.blocked", recipients=staff_list_active(), context=context, related_object=payment)


def payment_refusal_raise(payment: Payment) -> None:
    """Raise what a failed payment says to its payer: blocked (403, no reason that would teach a fraudster)
    or declined (402, with the provider's reason). The same answer for a replay of its request."""
    if payment.status != PaymentStatus.FAILED:
        return
    if payment.failure_code == BLOCKED_FAILURE_CODE:
        raise PaymentBlocked(str(REFUSED_MESSAGE), payment_id=payment.pk)
    raise PaymentDeclined(
        stored_text_read(payment.failure_reason) or gettext("The payment was declined."),
        code=payment.failure_code or None,
        payment=payment.pk,
    )


def _charge_may_be_sent(payment: Payment) -> bool:
    """A pending payment that no provider knows yet may be charged: when it was never sent, or when its
    provider cannot charge twice for it. A push that may have reached a provider that would charge again
    (M-Pesa, Airtel, Orange) is never sent again: its callback or a status query settles it."""
    if payment.status != PaymentStatus.PENDING or payment.provider_reference:
        return False
    return payment.provider_requested_at is None or gateway_for_method(payment.method).charge_is_idempotent


def _payment_charge(*, payment: Payment) -> Payment:
    """Ask the gateway to charge a pending payment (a card: the saved card it was made with; a rail: the
    number kept with it). A provider out of reach leaves it pending, never sent, and raises
    PaymentUnavailable: the same Idempotency-Key sent again retries it. A push whose answer was lost
    stays pending, marked as sent, and is answered as pending."""
    Payment.objects.filter(pk=payment.pk).update(provider_requested_at=timezone.now())
    try:
        result = gateway_for_method(payment.method).charge(payment=payment, payment_method=payment.card_reference)
    except GatewayRefused as refusal:
        result = ChargeResult(
            status=PaymentStatus.FAILED, provider_reference=payment.provider_reference,
            failure_code="provider_refused", failure_reason=str(refusal)[:255],
        )  # fmt: skip
    except GatewayOutcomeUnknown as lost:
        logger.warning(
            "Payment %s: the provider's answer was lost (%s); settled by callback or query", payment.pk, lost
        )
        Payment.objects.filter(pk=payment.pk).update(provider_reference=lost.provider_reference)
        audit_record(action="payment.outcome_unknown", instance=payment, changes={"error": str(lost)[:255]})
        payment.refresh_from_db()
        return payment
    except GatewayError as error:
        Payment.objects.filter(pk=payment.pk).update(
            provider_requested_at=None, failure_reason=f"Provider out of reach: {error}"[:255]
        )
        raise PaymentUnavailable(
            gettext("The payment provider could not be reached; send the same request again to retry."),
            payment=payment.pk,
        ) from error
    return payment_apply_result(payment_id=payment.pk, result=result)


def _payment_for_key(*, user: User, idempotency_key: str, fingerprint: str) -> Payment | None:
    earlier = Payment.objects.filter(created_by=user, idempotency_key=idempotency_key).first()
    if earlier is not None and earlier.request_fingerprint != fingerprint:
        raise IdempotencyKeyReused(
            gettext("This Idempotency-Key was used for a different request; use a new key for a new payment."),
            field="Idempotency-Key",
        )
    return earlier


def payment_confirm(*, payment: Payment, user: User | None) -> Payment:
    """After the buyer's action (3-D Secure): ask the gateway where the payment stands and apply it.
    Safe to call any number of times, at once: only the first success is recorded. A failure is
    raised as the payment's refusal (402)."""
    if payment.status in OPEN_STATUSES:
        try:
            result = gateway_for_method(payment.method).confirm(payment=payment)
        except GatewayRefused as refusal:
            raise DomainError(str(refusal)) from refusal
        except GatewayError as error:
            raise PaymentUnavailable(gettext("The payment provider could not be reached; try again.")) from error
        payment = payment_apply_result(payment_id=payment.pk, result=result, user=user)
    payment_refusal_raise(payment)
    return payment


@transaction.atomic
def payment_apply_result(*, payment_id: int, result: ChargeResult, user: User | None = None) -> Payment:
    """Apply what the provider says about a payment. The row is locked; a payment already settled
    (succeeded, failed, refunded, ...) is left as it is, so replays, races and events arriving out of
    order change nothing, with one exception: money captured after a failure (the buyer retried the
    same PaymentIntent with another card) is recorded."""
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    captured_after_failure = payment.status == PaymentStatus.FAILED and result.status == PaymentStatus.SUCCEEDED
    if payment.status not in OPEN_STATUSES and not captured_after_failure:
        return payment
    if payment.status == result.status:  # no news, but keep what identifies it at the provider
        if result.provider_reference and not payment.provider_reference:
            payment.provider_reference, payment.client_secret = result.provider_reference, result.client_secret
            payment.save(update_fields=["provider_reference", "client_secret", "updated_at"])
        return payment
    payment_status_set(
        payment=payment, to=result.status, action=f"payment.{result.status}", user=user,
        changes={"failure_code": result.failure_code},
        provider_reference=result.provider_reference or payment.provider_reference,
        client_secret=result.client_secret or payment.client_secret,
        failure_code=result.failure_code, failure_reason=result.failure_reason,
    )  # fmt: skip
    deal = Deal.objects.select_related("vehicle", "buyer", "dealer", "broker").get(pk=payment.deal_id)
    context = {"deal": deal, "amount": payment.amount, "currency": payment.currency}
    if result.status == PaymentStatus.SUCCEEDED:
        ledger_entry_write(
            payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount, reference=payment.provider_reference
        )
        _deal_mark_paid_if_covered(deal=deal)
        paid = deal_amount_paid(deal=deal)
        notify(
            event="payment.received",
            recipients=deal.participants,
            context={**context, "paid": paid, "balance": max(deal.agreed_price - paid, Decimal(0))},
            related_object=payment,
        )
    elif result.status == PaymentStatus.FAILED:
        ip_failure_record(ip_address=payment.ip_address)  # the per-IP velocity limit counts declines
        PAYMENT_FAILED.announce(payment=payment)
        notify(
            event="payment.failed",
            recipients=[payment.payer],
            context={**context, "reason": stored_text_lazy(payment.failure_reason) or payment.failure_code},
            related_object=payment,
        )
    return payment


def _deal_mark_paid_if_covered(*, deal: Deal) -> None:
    """Move the deal to paid once its succeeded payments cover the agreed price. The money is captured
    whatever happens to the deal: if the move is refused (a hold), the refusal is logged and audited for
    staff, and the payment stands."""
    if deal.status != DealStatus.PENDING_PAYMENT or deal_amount_paid(deal=deal) < deal.agreed_price:
        return
    try:
        covered = text_to_store(gettext_lazy("Payments cover the agreed price"))
        deal_transition(deal=deal, to=DealStatus.PAID, actor=None, reason=covered)
    except DomainError as refusal:
        logger.warning("Deal %s is covered but could not move to paid: %s", deal.pk, refusal.message)
        audit_record(action="payment.deal_not_moved", instance=deal, changes={"reason": refusal.message})


def payments_pending_refresh(*, older_than: timedelta, batch_size: int = 100) -> dict[str, int]:
    """Ask the provider about payments left pending or awaiting 3-D Secure for longer than `older_than`
    (a lost webhook), in batches, and apply what it says through the webhook's own code path. A provider
    out of reach skips the payment until the next run. Returns counts for the log."""
    cutoff = timezone.now() - older_than
    waiting = (
        Payment.objects.filter(status__in=OPEN_STATUSES, status_changed_at__lt=cutoff)
        .exclude(provider_reference="")
        # Settled by mobile_money_pending_settle and paystack_pending_settle, with their checks.
        .exclude(provider__in=[*MOBILE_MONEY_METHODS, PaymentMethod.PAYSTACK])
        .order_by("id")
    )
    counts = {"checked": 0, "changed": 0, "unreachable": 0}
    for payment in waiting.iterator(chunk_size=batch_size):
        counts["checked"] += 1
        try:
            result = gateway_for_method(payment.method).retrieve(payment=payment)
        except GatewayError as error:
            logger.warning("Payment %s: provider out of reach (%s)", payment.pk, error)
            counts["unreachable"] += 1
            continue
        if payment_apply_result(payment_id=payment.pk, result=result).status != payment.status:
            counts["changed"] += 1
    return counts
