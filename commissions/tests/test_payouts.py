"""Paying commissions: the rules every rail shares (only an approved commission, one live payout, a rail
without its settings refused), bank transfers recorded by staff, Stripe Connect through the Stripe client
with api.stripe.com intercepted by `responses` (localstripe has no /v1/transfers), and local mode."""

from datetime import timedelta
from decimal import Decimal
from urllib.parse import parse_qs

import pytest
import requests
import responses
from django.db import transaction
from django.utils import timezone

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from commissions.models import Commission, CommissionStatus, Payout, PayoutRail, PayoutStatus
from commissions.payouts.base import PayoutRailUnavailable
from commissions.selectors import commission_amount
from commissions.services.payouts import (
    broker_payout_account_set,
    commission_mark_paid,
    commission_payout_start,
    payouts_settle_processing,
)
from commissions.services.status import commission_status_set
from commissions.statements import broker_statement
from commissions.summaries import broker_summary
from commissions.tasks import mark_commission_paid
from commissions.tests.conftest import complete, delivered_deal
from notifications.models import Notification
from nzila_export.exceptions import DomainError

pytestmark = pytest.mark.django_db

TRANSFERS_URL = "https://api.stripe.com/v1/transfers"
ACCOUNT = "acct_1Nv0FGQ9RKHgCVdK"


def approved_commission(*, broker, price: str = "18000.00") -> Commission:
    """The broker's commission on a completed 18,000 CAD deal (2 %: 360.00 CAD), accrued through the deals
    hook (commissions_accrue) and approved."""
    with transaction.atomic():  # the ledger's hook locks rows: a transaction also in a transactional test
        deal = delivered_deal(broker=broker, price=price)
        complete(deal)
        commission = Commission.objects.select_for_update().get(deal=deal)
        return commission_status_set(
            commission=commission, to=CommissionStatus.APPROVED, action="commission.approve",
            approved_at=timezone.now(),
        )  # fmt: skip


def assert_paid_everywhere(commission: Commission, payout: Payout, amount: str) -> None:
    """The commission's entries, its payout, the broker's summary and its statement agree to the cent."""
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.PAID
    assert commission.paid_at == payout.settled_at
    broker, today = commission.broker, timezone.localdate()
    summary = broker_summary(broker=broker, year=commission.completed_on.year)
    statement = broker_statement(broker=broker, month=today)
    assert commission_amount(commission=commission) == payout.amount_cad == Decimal(amount)
    assert summary["paid"] == summary["earned"] == Decimal(amount)
    assert statement.total_cad == Decimal(amount)
    assert summary["approved"] == Decimal("0.00")


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def commission(standard_plan, broker):
    return approved_commission(broker=broker)


@pytest.fixture
def nothing_sent():
    """Any HTTP call fails the test."""
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def payouts_local(settings):
    settings.COMMISSION_PAYOUTS_LOCAL = True


@pytest.fixture
def on_stripe_connect(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_nzila"
    settings.STRIPE_API_BASE = ""
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def transfer(reference: str = "", amount: int = 36000) -> dict:
    """Stripe's Transfer object (https://docs.stripe.com/api/transfers/object)."""
    return {
        "id": "tr_1MiN3gLkdIwHu7ixNCZvFdgA", "object": "transfer", "amount": amount, "amount_reversed": 0,
        "balance_transaction": "txn_1MiN3gLkdIwHu7ixxapQrznl", "created": 1678043844, "currency": "cad",
        "description": None, "destination": ACCOUNT, "destination_payment": "py_1MiN3gQ9RKHgCVdKk8hQXGF0",
        "livemode": False, "metadata": {}, "reversals": {"object": "list", "data": [], "has_more": False,
        "total_count": 0, "url": "/v1/transfers/tr_1MiN3gLkdIwHu7ixNCZvFdgA/reversals"}, "reversed": False,
        "source_transaction": None, "source_type": "card", "transfer_group": reference,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("rail", "missing"),
    [
        (
            PayoutRail.MTN_MOMO,
            "MTN_MOMO_DISBURSEMENT_API_USER, MTN_MOMO_DISBURSEMENT_API_KEY, MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY",
        ),
        (
            PayoutRail.MPESA_B2C,
            "MPESA_CONSUMER_KEY, MPESA_CONSUMER_SECRET, MPESA_B2C_SHORTCODE, MPESA_B2C_INITIATOR_NAME, "
            "MPESA_B2C_SECURITY_CREDENTIAL",
        ),
        (PayoutRail.STRIPE_CONNECT, "STRIPE_SECRET_KEY"),
    ],
)
def test_a_rail_without_its_settings_is_refused_naming_them(settings, commission, staff, nothing_sent, rail, missing):
    settings.STRIPE_SECRET_KEY = ""
    with pytest.raises(PayoutRailUnavailable) as refusal:
        commission_payout_start(commission=commission, rail=rail, user=staff)

    assert (refusal.value.status_code, refusal.value.field) == (422, "rail")
    assert refusal.value.message.endswith(f"payouts are not configured on this platform: {missing} must be set.")
    assert refusal.value.extra["missing_settings"] == missing.split(", ")
    assert not Payout.objects.exists()
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.APPROVED


def test_in_local_mode_a_rail_without_settings_pays_through_the_local_rail(
    payouts_local, commission, broker, staff, nothing_sent
):
    broker_payout_account_set(broker=broker, stripe_account_id=ACCOUNT)

    payout = commission_payout_start(commission=commission, rail=PayoutRail.STRIPE_CONNECT, user=staff)

    assert (payout.status, payout.provider_reference) == (PayoutStatus.SUCCEEDED, f"local-{payout.reference}")
    assert AuditLog.objects.get(action="payout.start").changes["local"] is True
    assert_paid_everywhere(commission, payout, "360.00")


def test_only_an_approved_commission_is_paid(payouts_local, standard_plan, broker, staff, nothing_sent):
    deal = delivered_deal(broker=broker)
    complete(deal)
    pending = Commission.objects.get(deal=deal)
    broker_payout_account_set(broker=broker, stripe_account_id=ACCOUNT)

    for pay in (
        lambda: commission_payout_start(commission=pending, rail=PayoutRail.STRIPE_CONNECT, user=staff),
        lambda: commission_mark_paid(commission=pending, reference="WIRE-1", user=staff),
    ):
        with pytest.raises(DomainError) as refusal:
            pay()
        assert (refusal.value.status_code, refusal.value.code) == (409, "commission_not_payable")
        assert refusal.value.message == "Only an approved commission is paid; this one is pending."

    assert not Payout.objects.exists()
    pending.refresh_from_db()
    assert pending.status == CommissionStatus.PENDING


def test_a_broker_without_an_address_on_the_rail_is_refused(payouts_local, commission, staff, nothing_sent):
    with pytest.raises(DomainError) as refusal:
        commission_payout_start(commission=commission, rail=PayoutRail.STRIPE_CONNECT, user=staff)

    assert (refusal.value.status_code, refusal.value.field) == (422, "stripe_account_id")
    assert not Payout.objects.exists()


def test_staff_record_a_bank_transfer_and_the_commission_is_paid(commission, broker, staff, nothing_sent):
    broker_payout_account_set(broker=broker, bank_details="Ecobank CI, K. Traoré, CI059 01001 123456789012")

    payout = commission_mark_paid(commission=commission, reference=" WIRE-2026-0042 ", user=staff)
    again = commission_mark_paid(commission=commission, reference="WIRE-2026-0042", user=staff)

    assert again == payout
    assert Payout.objects.count() == 1
    assert (payout.rail, payout.status, payout.amount, payout.currency, payout.provider_reference) == (
        PayoutRail.BANK_TRANSFER, PayoutStatus.SUCCEEDED, Decimal("360.00"), "CAD", "WIRE-2026-0042",
    )  # fmt: skip
    assert payout.destination.reveal() == "Ecobank CI, K. Traoré, CI059 01001 123456789012"
    assert payout.created_by == staff
    assert_paid_everywhere(commission, payout, "360.00")
    audit = AuditLog.objects.get(action="payout.record")
    assert (audit.user, audit.changes["reference"]) == (staff, "WIRE-2026-0042")
    assert AuditLog.objects.get(action="commission.pay").changes["payout"] == payout.pk
    notice = Notification.objects.get(event="commission.paid")
    assert notice.user == broker
    assert notice.title == f"Your commission on deal {commission.deal_id} was paid: CA$360.00"
    assert "Reference: WIRE-2026-0042" in notice.body


def test_the_mark_paid_task_records_a_transfer_once(commission, staff, nothing_sent):
    first = mark_commission_paid.delay(commission.pk, "WIRE-7", staff.pk).get()
    second = mark_commission_paid.delay(commission.pk, "WIRE-7", staff.pk).get()

    assert first == second == Payout.objects.get().pk
    assert AuditLog.objects.filter(action="commission.pay").count() == 1


def test_a_bank_transfer_is_recorded_not_started(commission, staff, nothing_sent):
    with pytest.raises(PayoutRailUnavailable) as refusal:
        commission_payout_start(commission=commission, rail=PayoutRail.BANK_TRANSFER, user=staff)

    assert refusal.value.message.startswith("A bank transfer is made at the bank")
    assert not Payout.objects.exists()


def test_a_reference_is_required_to_record_a_transfer(commission, staff):
    with pytest.raises(DomainError) as refusal:
        commission_mark_paid(commission=commission, reference="  ", user=staff)

    assert refusal.value.field == "reference"
    assert not Payout.objects.exists()


def test_staff_pay_by_stripe_connect(on_stripe_connect, commission, broker, staff):
    broker_payout_account_set(broker=broker, stripe_account_id=ACCOUNT, preferred_rail=PayoutRail.STRIPE_CONNECT)
    on_stripe_connect.post(TRANSFERS_URL, json=transfer())

    payout = commission_payout_start(commission=commission, rail=PayoutRail.STRIPE_CONNECT, user=staff)

    call = on_stripe_connect.calls[0]
    sent = {name: values[0] for name, values in parse_qs(call.request.body).items()}
    assert sent == {
        "amount": "36000", "currency": "cad", "destination": ACCOUNT, "transfer_group": str(payout.reference),
        "metadata[payout_id]": str(payout.pk), "metadata[commission_id]": str(commission.pk),
    }  # fmt: skip
    assert call.request.headers["Idempotency-Key"] == f"payout-{payout.reference}"
    assert (payout.status, payout.provider_reference) == (PayoutStatus.SUCCEEDED, "tr_1MiN3gLkdIwHu7ixNCZvFdgA")
    assert (payout.amount, payout.currency, payout.destination.reveal()) == (Decimal("360.00"), "CAD", ACCOUNT)
    assert_paid_everywhere(commission, payout, "360.00")


def test_a_refused_payout_fails_leaves_the_commission_approved_and_a_new_one_may_be_made(
    on_stripe_connect, commission, broker, staff
):
    broker_payout_account_set(broker=broker, stripe_account_id=ACCOUNT)
    refusal = {
        "error": {
            "code": "insufficient_capabilities_for_transfer", "type": "invalid_request_error",
            "message": "Your destination account needs to have at least one of the following capabilities "
            "enabled: transfers, crypto_transfers, legacy_payments",
        }
    }  # fmt: skip
    on_stripe_connect.post(TRANSFERS_URL, status=400, json=refusal)

    failed = commission_payout_start(commission=commission, rail=PayoutRail.STRIPE_CONNECT, user=staff)

    assert failed.status == PayoutStatus.FAILED
    assert failed.failure_reason.startswith("Stripe Connect refused the payout:")
    record = AuditLog.objects.get(action="payout.fail", object_id=str(failed.pk))
    assert (record.user, record.changes["status"], record.changes["reason"]) == (
        staff, ["pending", "failed"], failed.failure_reason
    )  # fmt: skip
    money = {"rail": "stripe_connect", "amount": "360.00", "currency": "CAD", "amount_cad": "360.00"}
    assert {name: record.changes[name] for name in money} == money
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.APPROVED
    assert not Notification.objects.filter(event="commission.paid").exists()

    on_stripe_connect.replace(responses.POST, TRANSFERS_URL, json=transfer())
    paid = commission_payout_start(commission=commission, rail=PayoutRail.STRIPE_CONNECT, user=staff)

    assert paid.status == PayoutStatus.SUCCEEDED
    succeeded = AuditLog.objects.get(action="payout.succeed", object_id=str(paid.pk))
    assert (succeeded.user, {name: succeeded.changes[name] for name in money}) == (staff, money)
    assert paid.reference != failed.reference
    assert on_stripe_connect.calls[-1].request.headers["Idempotency-Key"] == f"payout-{paid.reference}"
    assert_paid_everywhere(commission, paid, "360.00")


def test_a_stripe_transfer_whose_answer_was_lost_is_found_by_its_transfer_group(
    on_stripe_connect, commission, broker, staff
):
    broker_payout_account_set(broker=broker, stripe_account_id=ACCOUNT)
    on_stripe_connect.post(TRANSFERS_URL, body=requests.exceptions.ReadTimeout("read timed out"))

    payout = commission_payout_start(commission=commission, rail=PayoutRail.STRIPE_CONNECT, user=staff)

    assert payout.status == PayoutStatus.PROCESSING
    with pytest.raises(DomainError) as refusal:
        commission_payout_start(commission=commission, rail=PayoutRail.STRIPE_CONNECT, user=staff)
    assert (refusal.value.status_code, refusal.value.code) == (409, "payout_exists")

    Payout.objects.filter(pk=payout.pk).update(requested_at=timezone.now() - timedelta(minutes=11))
    listed = {"object": "list", "data": [transfer(str(payout.reference))], "has_more": False, "url": "/v1/transfers"}
    on_stripe_connect.get(TRANSFERS_URL, json=listed)

    assert payouts_settle_processing() == {"checked": 1, "settled": 1, "unreachable": 0}
    assert len([call for call in on_stripe_connect.calls if call.request.method == "POST"]) == 1
    query = parse_qs(on_stripe_connect.calls[-1].request.url.split("?", 1)[1])
    assert query["transfer_group"] == [str(payout.reference)]
    payout.refresh_from_db()
    assert (payout.status, payout.provider_reference) == (PayoutStatus.SUCCEEDED, "tr_1MiN3gLkdIwHu7ixNCZvFdgA")
    assert_paid_everywhere(commission, payout, "360.00")


@pytest.mark.django_db(transaction=True)
def test_two_staff_paying_at_once_make_one_payout(payouts_local, standard_plan, broker, run_at_once):
    commission = approved_commission(broker=broker)
    broker_payout_account_set(broker=broker, stripe_account_id=ACCOUNT)
    staff = StaffFactory()

    outcomes = run_at_once(
        lambda: commission_payout_start(commission=commission, rail=PayoutRail.STRIPE_CONNECT, user=staff).pk
    )

    payout = Payout.objects.get()
    assert payout.pk in outcomes
    # The second waits for the commission's lock, then finds the first's payout, or the commission paid.
    assert {outcome for outcome in outcomes if outcome != payout.pk} < {"payout_exists", "commission_not_payable"}
    assert AuditLog.objects.filter(action="commission.pay").count() == 1
