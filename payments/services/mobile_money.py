"""Mobile money: the payer's checks before the push, the callbacks, and the job that settles or expires
payments left pending. Settling goes through `payment_apply_result`, the cards' own success path (ledger
charge, deal to paid when covered, parties told).

A callback is trusted as far as the rails allow (they do not sign): its URL must carry the payment's
token, its body must be the provider's shape about the payment's provider reference; then it is stored
once in the inbox and answered at once. A worker takes its outcome from a status query to the provider,
never from the body alone. The callback and the status must agree with the payment's amount, currency
and phone; a mismatch is held for staff, never credited."""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext, gettext_lazy

from accounts.selectors import staff_list_active
from audit.services import audit_record
from currencies.money import currency_check, money_precision_refusal
from notifications.services import notify
from nzila_export.exceptions import DomainError
from nzila_export.stored_text import text_to_store
from payments.gateways import gateway_configured, get_gateway, mobile_money_available
from payments.gateways.base import ChargeResult, GatewayError, WebhookSignatureInvalid
from payments.gateways.mobile_money import (
    MOBILE_MONEY_METHODS,
    RAILS,
    CallbackMalformed,
    MobileMoneyReport,
    callback_token_valid,
    phone_e164,
)
from payments.models import MobileMoneyPayment, Payment, PaymentMethod, PaymentStatus
from payments.services.payments import OPEN_STATUSES, payment_apply_result
from webhooks.handlers import RetryLater
from webhooks.models import InboxEvent, InboxEventStatus

logger = logging.getLogger(__name__)

# Airtel takes one callback URL in its merchant portal, not one per request: its callbacks come without our
# token, are matched by our transaction id, and count only as far as the status query confirms them.
TOKENLESS_METHODS = frozenset({PaymentMethod.AIRTEL_MONEY})


class RailUnavailable(DomainError):
    status_code = 422
    code = "payment_method_unavailable"


def mobile_money_payer_check(*, method: str, phone: str, amount: Decimal, currency: str) -> str:
    """The payer's number in E.164 if the rail takes it with this currency and amount; DomainError (on the
    field at fault) otherwise."""
    label = PaymentMethod(method).label
    if not mobile_money_available(method):
        raise RailUnavailable(gettext("%(rail)s is not configured on this platform.") % {"rail": label}, field="method")
    parsed = phone_e164(phone or "")
    if parsed is None:
        raise DomainError(gettext("A valid mobile number in international format (+254712345678)."), field="phone")
    number, country = parsed
    rail = RAILS[method]
    if country not in rail.countries:
        raise DomainError(
            gettext("%(rail)s takes numbers from %(countries)s; this one is from %(country)s.")
            % {"rail": label, "countries": ", ".join(sorted(rail.countries)), "country": country},
            field="phone",
        )
    expected = rail.countries[country]
    if currency_check(currency) != expected:
        raise DomainError(
            gettext("%(rail)s in %(country)s is paid in %(currency)s.")
            % {"rail": label, "country": country, "currency": expected},
            field="currency",
        )
    if rail.whole_units_only and Decimal(amount) != Decimal(amount).to_integral_value():
        raise DomainError(
            gettext("%(rail)s takes whole amounts of %(currency)s.") % {"rail": label, "currency": expected},
            field="amount",
        )
    if refusal := money_precision_refusal(Decimal(amount), expected):
        raise DomainError(refusal, field="amount")
    return number


def mobile_money_instructions(payment: Payment) -> str:
    if payment.method not in MOBILE_MONEY_METHODS or payment.status != PaymentStatus.PENDING:
        return ""
    label = PaymentMethod(payment.method).label
    if payment.client_secret.startswith("http"):  # Orange Money: a payment page
        return gettext(
            "Open the %(rail)s payment page and confirm with your code; the payment settles when %(rail)s confirms."
        ) % {"rail": label}
    if payment.method == PaymentMethod.ORANGE_MONEY:  # the page was asked for, but its answer was lost
        return gettext(
            "The %(rail)s payment page could not be opened; this payment will expire. Pay again with a new request."
        ) % {"rail": label}
    return gettext(
        "Approve the %(rail)s prompt on your phone with your PIN; the payment settles when %(rail)s confirms it."
    ) % {"rail": label}


@dataclass(frozen=True)
class VerifiedCallback:
    payment: Payment
    event_id: str
    event_type: str


def mobile_money_callback_verify(*, method: str, payment_id: str, token: str, body: bytes, headers) -> VerifiedCallback:
    """Authenticate a rail's callback: the payment's token in its URL, the rail's own token where it
    gives one, and a body of the rail's shape about that payment (WebhookSignatureInvalid otherwise).
    A push whose answer was lost learns its provider reference from here (the token vouches for it)."""
    if not gateway_configured(method):
        raise WebhookSignatureInvalid(f"{method} is not configured: no callback can be checked.")
    payment = None
    if method in TOKENLESS_METHODS and not payment_id:
        report = _callback_parse(method=method, body=body, headers=headers)
        if report.provider_reference:
            payment = Payment.objects.filter(
                method=method, provider=method, provider_reference=report.provider_reference
            ).first()
        if payment is None:
            raise WebhookSignatureInvalid("The callback is about no payment of ours.")
    else:
        if payment_id.isdecimal() and len(payment_id) < 19:
            payment = Payment.objects.filter(pk=int(payment_id), method=method, provider=method).first()
        if payment is None or not callback_token_valid(payment, token):
            raise WebhookSignatureInvalid("Unknown payment or wrong callback token.")
        report = _callback_parse(method=method, body=body, headers=headers)
    if get_gateway(method).requires_callback_secret and not _callback_secret_valid(payment, report):
        raise WebhookSignatureInvalid("The rail's own callback token does not match.")
    if payment.provider_reference and report.provider_reference not in ("", payment.provider_reference):
        raise WebhookSignatureInvalid("The callback is about another transaction.")
    if report.external_id and report.external_id != str(payment.pk):
        raise WebhookSignatureInvalid("The callback is about another payment.")
    return VerifiedCallback(
        payment=payment,
        event_id=report.event_id or f"{payment.pk}:{report.provider_status or report.status}",
        event_type=f"{method}.callback.{report.status}",
    )


def _callback_secret_valid(payment: Payment, report: MobileMoneyReport) -> bool:
    digests = MobileMoneyPayment.objects.filter(payment=payment).values_list("provider_token_digest", flat=True)
    expected = digests.first() or ""
    digest = hashlib.sha256(report.callback_secret.encode()).hexdigest()
    return bool(expected) and constant_time_compare(expected, digest)


def _callback_parse(*, method: str, body: bytes, headers) -> MobileMoneyReport:
    try:
        return get_gateway(method).parse_callback(body=body, headers=headers)
    except CallbackMalformed as error:
        raise WebhookSignatureInvalid(str(error)) from error


def mobile_money_callback_apply(event: InboxEvent) -> str:
    """The inbox's handler of a rail's stored callback: ask the provider, then settle through
    `mobile_money_apply`. A provider out of reach, or one that still says pending, is asked again later."""
    gateway = get_gateway(event.provider)
    callback = gateway.parse_callback(body=event.body.encode(), headers={})
    payment = _payment_reference_learn(payment_id=int(event.target), reference=callback.provider_reference)
    try:
        truth = gateway.status(payment=payment)
    except GatewayError as error:
        raise RetryLater(f"{error.__class__.__name__}: {error}") from error
    if truth.status == PaymentStatus.PENDING:  # the rail does not confirm it (yet): ask again later
        raise RetryLater("The rail's status is still pending.")
    mobile_money_apply(payment_id=payment.pk, reports=[callback, truth], source=f"callback {event.pk}")
    return InboxEventStatus.PROCESSED


@transaction.atomic
def _payment_reference_learn(*, payment_id: int, reference: str) -> Payment:
    """A push whose answer was lost has no provider reference: its authenticated callback gives it."""
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    if reference and not payment.provider_reference:
        payment.provider_reference = reference
        payment.save(update_fields=["provider_reference", "updated_at"])
        audit_record(action="payment.reference_learned", instance=payment, changes={"provider_reference": reference})
    return payment


def _mismatch(payment: Payment, record: MobileMoneyPayment, reports: list[MobileMoneyReport]) -> str:
    for report in reports:
        if report.amount is not None and (report.amount, report.currency) != (payment.amount, payment.currency):
            return f"{report.amount} {report.currency} reported for {payment.amount} {payment.currency}"
        if report.currency and report.currency != payment.currency:
            return f"{report.currency} reported for {payment.currency}"
        if report.phone and report.phone != record.phone:
            return f"paid from {report.phone}, pushed to {record.phone}"
    return ""


@transaction.atomic
def mobile_money_apply(*, payment_id: int, reports: list[MobileMoneyReport], source: str) -> Payment:
    """Settle a mobile-money payment from what the provider said (the status query last: it decides).
    Success is credited only if every report agrees with the payment's amount, currency and phone; a
    mismatch holds the payment for staff. A settled or held payment is left as it is."""
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    record = MobileMoneyPayment.objects.select_for_update().filter(payment=payment).first()
    if payment.status not in OPEN_STATUSES or record is None or record.held_at is not None:
        return payment
    truth = reports[-1]
    if truth.provider_status and record.provider_status != truth.provider_status:
        record.provider_status = truth.provider_status[:64]
        record.save(update_fields=["provider_status", "updated_at"])
    if truth.status == PaymentStatus.SUCCEEDED:
        mismatch = _mismatch(payment, record, reports)
        if mismatch:
            provider_mismatch_hold(
                payment=payment, record=record, reason=mismatch, source=source, action="payment.mobile_money_held"
            )
            return payment
    if truth.status == PaymentStatus.PENDING:
        return payment
    return payment_apply_result(payment_id=payment.pk, result=truth.as_charge_result())


def provider_mismatch_hold(*, payment: Payment, record, reason: str, source: str, action: str) -> None:
    """Hold a payment its provider reported paid in a way that disagrees with it (`reason`): nothing is
    credited, `record` (its rail's row: a MobileMoneyPayment or a PaystackTransaction) keeps why, the hold is
    audited as `action`, and staff are told to settle or refund it at the provider."""
    record.held_at, record.held_reason = timezone.now(), reason[:255]
    record.save(update_fields=["held_at", "held_reason", "updated_at"])
    audit_record(action=action, instance=payment, changes={"reason": reason, "source": source})
    logger.warning("Payment %s held (%s): %s", payment.pk, payment.method, reason)
    notify(
        event="payment.provider_mismatch",
        recipients=list(staff_list_active()),
        context={"payment": payment, "deal": payment.deal, "reason": reason},
        related_object=payment,
    )


def mobile_money_pending_settle(*, batch_size: int = 100) -> dict[str, int]:
    """Ask each rail about its payments pending past the rail's timeout and settle them as a callback
    would; one still pending after MOBILE_MONEY_EXPIRE_AFTER_MINUTES is expired (failed, "expired").
    Held payments are staff's. A rail out of reach skips the payment until the next run."""
    now = timezone.now()
    expire_before = now - timedelta(minutes=settings.MOBILE_MONEY_EXPIRE_AFTER_MINUTES)
    counts = {"checked": 0, "changed": 0, "expired": 0, "unreachable": 0}
    for method, rail in RAILS.items():
        if not gateway_configured(method):
            continue
        waiting = Payment.objects.filter(
            provider=method, status__in=OPEN_STATUSES,
            status_changed_at__lt=now - timedelta(minutes=rail.timeout_minutes),
            mobile_money__held_at__isnull=True,
        ).order_by("id")  # fmt: skip
        gateway = get_gateway(method)
        for payment in waiting.iterator(chunk_size=batch_size):
            counts["checked"] += 1
            if not payment.provider_reference:  # never answered: nothing to ask about; its callback may come
                if payment.status_changed_at < expire_before:
                    counts["expired"] += 1
                    payment_apply_result(payment_id=payment.pk, result=_expired(payment))
                continue
            pending_payment_settle(
                payment, gateway=gateway, apply=mobile_money_apply, expired=_expired, expire_before=expire_before,
                counts=counts,
            )  # fmt: skip
    return counts


def pending_payment_settle(payment: Payment, *, gateway, apply, expired, expire_before, counts: dict) -> None:
    """One pending payment of a rail whose answer comes later: ask its provider (`gateway.status`) and settle it
    through `apply` as its callback would, or fail it with `expired(payment)` when it is still pending after
    `expire_before`; a provider out of reach leaves it for the next run. `counts` tallies what happened."""
    try:
        truth = gateway.status(payment=payment)
    except GatewayError as error:
        logger.warning("Payment %s: %s out of reach (%s)", payment.pk, payment.provider, error)
        counts["unreachable"] += 1
        return
    if truth.status == PaymentStatus.PENDING and payment.status_changed_at < expire_before:
        counts["expired"] += 1
        payment_apply_result(payment_id=payment.pk, result=expired(payment))
        return
    settled = apply(payment_id=payment.pk, reports=[truth], source="process_pending_payments")
    if settled.status != payment.status:
        counts["changed"] += 1


def _expired(payment: Payment) -> ChargeResult:
    return ChargeResult(
        status=PaymentStatus.FAILED, provider_reference=payment.provider_reference, failure_code="expired",
        failure_reason=text_to_store(gettext_lazy("The payer did not approve the request in time.")),
    )  # fmt: skip
