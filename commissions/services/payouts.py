"""Paying commissions: staff start a payout of an approved commission by a rail (commission_payout_start),
or record one made outside, a bank transfer (commission_mark_paid); a beat job settles payouts whose
outcome is not known yet (payouts_settle_processing), and M-Pesa's posted results settle them too.

A payout's row is committed before its provider is called, so the call is made once and a lost answer
leaves a row to ask about; at most one payout per commission is not failed (a unique constraint), so a
commission is never paid twice. A succeeded payout moves its commission to paid and tells the broker; a
failed one leaves the commission approved, for staff to start a new payout. The commission's entries are
what it is worth and are not touched: the payout row is the money out."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from audit.admin_edits import masked
from audit.services import audit_record
from commissions.models import (
    PAYOUT_MOVES,
    BrokerPayoutAccount,
    Commission,
    CommissionStatus,
    Payout,
    PayoutRail,
    PayoutStatus,
)
from commissions.payouts import payout_rail, payout_rail_class
from commissions.payouts.base import PayoutRailAdapter, PayoutRailUnavailable, PayoutResult, failed
from commissions.payouts.local import LocalPayoutRail
from commissions.payouts.mpesa_b2c import CALLBACK_KINDS, callback_token_valid, result_read
from commissions.selectors import commission_amount
from commissions.services.status import commission_status_set
from currencies.conversion import convert
from currencies.money import REFERENCE_CURRENCY, money_round
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError
from nzila_export.field_encryption import revealed
from nzila_export.transitions import transition_check
from payments.gateways.base import GatewayError, WebhookSignatureInvalid
from payments.gateways.mobile_money import CallbackMalformed
from webhooks.models import InboxEvent, InboxEventStatus

logger = logging.getLogger(__name__)

SETTLED = (PayoutStatus.SUCCEEDED, PayoutStatus.FAILED)
UNSETTLED = (PayoutStatus.PENDING, PayoutStatus.PROCESSING)


class CommissionNotPayable(Conflict):
    code = "commission_not_payable"


def payout_status_set(
    *, payout: Payout, to: str, action: str, user=None, changes: dict | None = None, **fields
) -> Payout:
    """The one place a payout's status is set: a locked payout moved to `to` (InvalidTransition if
    PAYOUT_MOVES does not allow it), with `fields` beside it, audited as `action`."""
    transition_check(moves=PAYOUT_MOVES, choices=PayoutStatus, current=payout.status, to=to)
    before = payout.status
    payout.status, payout.status_changed_at = to, timezone.now()
    for name, value in fields.items():
        setattr(payout, name, value)
    payout.save(update_fields=["status", "status_changed_at", "updated_at", *fields])
    money = {
        "rail": payout.rail, "amount": str(money_round(payout.amount, payout.currency)), "currency": payout.currency,
        "amount_cad": str(payout.amount_cad),
    }  # fmt: skip
    audit_record(
        action=action, instance=payout, user=user, changes={"status": [before, to], **money, **(changes or {})}
    )
    return payout


def _payable_check(commission: Commission) -> None:
    """Only an approved commission without a live payout (pending, processing or succeeded) is paid."""
    if commission.status != CommissionStatus.APPROVED:
        raise CommissionNotPayable(
            gettext("Only an approved commission is paid; this one is %(status)s.")
            % {"status": str(CommissionStatus(commission.status).label).lower()},
            field="status",
        )
    live = commission.payouts.exclude(status=PayoutStatus.FAILED).first()
    if live is not None:
        raise Conflict(
            gettext("This commission already has a payout (%(payout)s, %(status)s): a second could pay it twice.")
            % {"payout": live.pk, "status": str(PayoutStatus(live.status).label).lower()},
            code="payout_exists",
            payout=live.pk,
        )


def _amount_cad(commission: Commission) -> Decimal:
    amount = commission_amount(commission=commission)
    if amount <= 0:
        raise DomainError(gettext("This commission is worth nothing to pay."), field="amount_cad")
    return amount


def commission_payout_start(*, commission: Commission, rail: str, user) -> Payout:
    """Pay an approved commission by `rail` (staff). The payout row is committed first, then the provider
    is called once; its answer settles the payout, or leaves it processing for a status query. Refused:
    a rail not configured (422, naming its settings), a bank transfer (recorded, not sent), a commission
    not approved or already with a live payout (409), a broker without an address on the rail (422).
    The caller must not hold a transaction open (an API view runs `non_atomic_requests`)."""
    adapter = payout_rail(rail)
    if not adapter.sends_money:
        raise PayoutRailUnavailable(
            gettext("A bank transfer is made at the bank: record it with its reference once it is made."),
            field="rail",
        )
    payout = _payout_create(commission_id=commission.pk, adapter=adapter, user=user)
    try:
        result = adapter.send(payout=payout)
    except GatewayError as error:  # out of reach before anything was sent
        logger.warning("Payout %s: %s out of reach, nothing sent (%s)", payout.pk, rail, error)
        result = failed(gettext("%(rail)s could not be reached; nothing was sent.") % {"rail": PayoutRail(rail).label})
    return payout_result_apply(payout_id=payout.pk, result=result, source="start", user=user)


@transaction.atomic
def _payout_create(*, commission_id: int, adapter: PayoutRailAdapter, user) -> Payout:
    """The payout row, pending: the commission's CAD amount, converted at today's rate into the currency
    the rail pays the broker in (whole units where the rail takes only those)."""
    commission = Commission.objects.select_for_update().get(pk=commission_id)
    _payable_check(commission)
    destination = adapter.destination_of(BrokerPayoutAccount.objects.filter(broker_id=commission.broker_id).first())
    amount_cad = _amount_cad(commission)
    conversion = convert(
        amount=amount_cad, from_currency=REFERENCE_CURRENCY, to_currency=destination.currency, on=timezone.localdate()
    )
    amount = conversion.amount
    if destination.whole_units_only:
        amount = amount.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    now = timezone.now()
    payout = Payout.objects.create(
        commission=commission, rail=adapter.code, amount_cad=amount_cad, amount=amount,
        currency=destination.currency, rate=conversion.rate, rate_date=conversion.rate_date,
        destination=destination.address[:255], status=PayoutStatus.PENDING, status_changed_at=now, requested_at=now,
        created_by=user,
    )  # fmt: skip
    audit_record(
        action="payout.start", instance=payout, user=user,
        changes={
            "commission": commission.pk, "rail": adapter.code, "amount_cad": str(amount_cad),
            "amount": str(amount), "currency": destination.currency, "rate": str(conversion.rate),
            "local": isinstance(adapter, LocalPayoutRail),
        },
    )  # fmt: skip
    return payout


@transaction.atomic
def commission_mark_paid(
    *, commission: Commission, reference: str, user, rail: str = PayoutRail.BANK_TRANSFER
) -> Payout:
    """Record a payout staff made outside (a bank transfer, by default) with the reference it carries:
    a succeeded payout in CAD, and the commission paid. Recording the same reference again returns the
    same payout (a retried task)."""
    reference = (reference or "").strip()
    if not reference:
        raise DomainError(gettext("The reference of the transfer is required."), field="reference")
    rail_class = payout_rail_class(rail)
    commission = Commission.objects.select_for_update().get(pk=commission.pk)
    recorded = commission.payouts.filter(status=PayoutStatus.SUCCEEDED, provider_reference=reference[:100]).first()
    if recorded is not None:
        return recorded
    _payable_check(commission)
    amount_cad = _amount_cad(commission)
    account = BrokerPayoutAccount.objects.filter(broker_id=commission.broker_id).first()
    now = timezone.now()
    payout = Payout.objects.create(
        commission=commission, rail=rail, amount_cad=amount_cad, amount=amount_cad, currency=REFERENCE_CURRENCY,
        destination=rail_class.address_of(account)[:255], status=PayoutStatus.SUCCEEDED, status_changed_at=now,
        provider_reference=reference[:100], provider_status="recorded", requested_at=now, settled_at=now,
        created_by=user,
    )  # fmt: skip
    audit_record(
        action="payout.record", instance=payout, user=user,
        changes={"commission": commission.pk, "rail": rail, "amount_cad": str(amount_cad), "reference": reference},
    )  # fmt: skip
    _commission_paid(commission=commission, payout=payout, user=user)
    return payout


@transaction.atomic
def payout_result_apply(
    *, payout_id: int, result: PayoutResult, source: str, user=None, checked_at: datetime | None = None
) -> Payout:
    """Apply what the provider said about a payout: processing keeps it open (recording what it learnt),
    succeeded pays the commission, failed leaves the commission approved. A settled payout is left as it
    is. The commission is locked before the payout, as when a payout is made."""
    commission_id = Payout.objects.values_list("commission_id", flat=True).get(pk=payout_id)
    commission = Commission.objects.select_for_update().get(pk=commission_id)
    payout = Payout.objects.select_for_update().get(pk=payout_id)
    if payout.status in SETTLED:
        return payout
    learnt = {
        name: value[:limit]
        for name, value, limit in (
            ("provider_reference", result.provider_reference, 100), ("provider_status", result.provider_status, 64),
        )
        if value and getattr(payout, name) != value[:limit]
    }  # fmt: skip
    if checked_at is not None:
        learnt["status_checked_at"] = checked_at
    changes = {"source": source, **{name: str(value) for name, value in learnt.items()}}
    if result.status == PayoutStatus.SUCCEEDED:
        payout_status_set(
            payout=payout, to=PayoutStatus.SUCCEEDED, action="payout.succeed", user=user, changes=changes,
            settled_at=timezone.now(), **learnt,
        )  # fmt: skip
        _commission_paid(commission=commission, payout=payout, user=user)
    elif result.status == PayoutStatus.FAILED:
        payout_status_set(
            payout=payout, to=PayoutStatus.FAILED, action="payout.fail", user=user,
            changes={**changes, "reason": result.failure_reason}, settled_at=timezone.now(),
            failure_reason=result.failure_reason[:255], **learnt,
        )  # fmt: skip
    elif payout.status == PayoutStatus.PENDING:
        payout_status_set(
            payout=payout, to=PayoutStatus.PROCESSING, action="payout.processing", user=user, changes=changes,
            **learnt,
        )  # fmt: skip
    elif learnt:
        for name, value in learnt.items():
            setattr(payout, name, value)
        payout.save(update_fields=[*learnt, "updated_at"])
    return payout


def _commission_paid(*, commission: Commission, payout: Payout, user) -> None:
    """The commission of a succeeded payout is paid and its broker told. One no longer approved (held or
    reversed while its payout was processing) keeps its status: the money is out, staff sort it out."""
    if commission.status != CommissionStatus.APPROVED:
        logger.warning("Payout %s succeeded for commission %s, now %s", payout.pk, commission.pk, commission.status)
        audit_record(
            action="payout.commission_not_approved", instance=payout, user=user,
            changes={"commission": commission.pk, "commission_status": commission.status},
        )  # fmt: skip
        return
    commission_status_set(
        commission=commission, to=CommissionStatus.PAID, action="commission.pay", user=user,
        changes={"payout": payout.pk, "rail": payout.rail, "amount_cad": str(payout.amount_cad)},
        paid_at=payout.settled_at,
    )  # fmt: skip
    notify(
        event="commission.paid",
        recipients=[commission.broker],
        context={
            "commission": commission, "deal": commission.deal, "payout": payout,
            "rail": PayoutRail(payout.rail).label, "amount_cad": money_round(payout.amount_cad, REFERENCE_CURRENCY),
            "amount": money_round(payout.amount, payout.currency), "currency": payout.currency,
        },
        related_object=payout,
    )  # fmt: skip


def payouts_settle_processing(*, batch_size: int = 100) -> dict[str, int]:
    """Ask the provider about each payout left pending or processing PAYOUT_STATUS_CHECK_AFTER_MINUTES
    since it was sent or last asked about, and apply the answer (M-Pesa posts its answer to our URL
    instead). A rail out of reach, or no longer configured, is asked again on the next run."""
    now = timezone.now()
    due = now - timedelta(minutes=settings.PAYOUT_STATUS_CHECK_AFTER_MINUTES)
    waiting = (
        Payout.objects.filter(status__in=UNSETTLED)
        .filter(Q(status_checked_at__lt=due) | Q(status_checked_at__isnull=True, requested_at__lt=due))
        .order_by("id")
    )
    counts = {"checked": 0, "settled": 0, "unreachable": 0}
    rails: dict[str, PayoutRailAdapter] = {}
    for payout in waiting.iterator(chunk_size=batch_size):
        counts["checked"] += 1
        try:
            if payout.rail not in rails:
                rails[payout.rail] = payout_rail(payout.rail)
            result = rails[payout.rail].status(payout=payout)
        except (GatewayError, PayoutRailUnavailable) as error:
            logger.warning("Payout %s: %s out of reach (%s)", payout.pk, payout.rail, error)
            counts["unreachable"] += 1
            continue
        settled = payout_result_apply(
            payout_id=payout.pk, result=result, source="settle_processing_payouts", checked_at=now
        )
        if settled.status in SETTLED:
            counts["settled"] += 1
    return counts


@dataclass(frozen=True)
class VerifiedPayoutResult:
    payout: Payout
    event_id: str
    event_type: str


def mpesa_b2c_result_verify(*, payout_id: str, kind: str, token: str, body: bytes) -> VerifiedPayoutResult:
    """Authenticate what Daraja posted to one of our URLs: the payout's token in the URL, a known kind, and
    a body of Daraja's shape about that payout (WebhookSignatureInvalid otherwise: 400, nothing stored)."""
    payout = None
    if payout_id.isdecimal() and len(payout_id) < 19:
        payout = Payout.objects.filter(pk=int(payout_id), rail=PayoutRail.MPESA_B2C).first()
    if payout is None or kind not in CALLBACK_KINDS or not callback_token_valid(payout, token):
        raise WebhookSignatureInvalid("Unknown payout, kind or wrong token.")
    try:
        event_id, result = result_read(body=body, kind=kind, payout=payout)
    except CallbackMalformed as error:
        raise WebhookSignatureInvalid(str(error)) from error
    return VerifiedPayoutResult(payout=payout, event_id=event_id, event_type=f"mpesa_b2c.{kind}.{result.status}")


def mpesa_b2c_result_apply(event: InboxEvent) -> str:
    """The inbox's handler of Daraja's stored results (provider "mpesa_b2c", target the payout's id)."""
    payout = Payout.objects.get(pk=int(event.target))
    kind = event.event_type.split(".")[1]
    _event_id, result = result_read(body=event.body.encode(), kind=kind, payout=payout)
    if result.status == PayoutStatus.PROCESSING:
        return InboxEventStatus.IGNORED  # nothing final yet: the job asks again
    payout_result_apply(payout_id=payout.pk, result=result, source=f"mpesa_b2c {kind} {event.pk}")
    return InboxEventStatus.PROCESSED


# Where money goes: encrypted at rest, and the audit shows these by their last 4 characters only.
MASKED_PAYOUT_FIELDS = ("mobile_money_phone", "bank_details")


@transaction.atomic
def broker_payout_account_set(*, broker, user=None, **fields) -> BrokerPayoutAccount:
    """Create or change where a broker is paid (preferred_rail, mobile_money_phone, stripe_account_id,
    bank_details), audited with each value before and after, the phone and bank details masked. The
    encrypted ones are compared in clear: the same value set again is no change."""
    account, _created = BrokerPayoutAccount.objects.select_for_update().get_or_create(broker=broker)
    shown = {name: masked if name in MASKED_PAYOUT_FIELDS else _text_or_none for name in fields}
    changes = {
        name: [shown[name](getattr(account, name)), shown[name](value)]
        for name, value in fields.items()
        if revealed(getattr(account, name)) != revealed(value)
    }
    for name, value in fields.items():
        setattr(account, name, value)
    account.full_clean()
    account.save()
    audit_record(action="commission.payout_account_set", instance=account, user=user, changes=changes)
    return account


def _text_or_none(value) -> str | None:
    return str(value) if value not in (None, "") else None
