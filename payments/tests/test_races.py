import threading
import time
from decimal import Decimal

import pytest
from django.db import connection, transaction

from deals.models import Deal
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.services.payments import payment_confirm, payment_create
from payments.tests.factories import PayableDealFactory

CONFIRMATIONS = 8


# Real concurrent transactions: each thread has its own connection, so the test database must not be
# wrapped in one test transaction.
@pytest.mark.django_db(transaction=True)
def test_concurrent_confirmations_of_one_payment_leave_one_charge(todays_rates):
    deal = PayableDealFactory(agreed_price=Decimal("18000.33"))
    attempt = payment_create(
        deal=deal, user=deal.buyer, amount=Decimal("18000.33"), currency="CAD", method="card",
        idempotency_key="race",
    )  # fmt: skip
    assert attempt.payment.status == PaymentStatus.REQUIRES_ACTION
    barrier = threading.Barrier(CONFIRMATIONS)
    statuses, errors = [], []

    def confirm():
        try:
            payment = Payment.objects.get(pk=attempt.payment.pk)
            barrier.wait()
            statuses.append(payment_confirm(payment=payment, user=None).status)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(CONFIRMATIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert statuses == [PaymentStatus.SUCCEEDED] * CONFIRMATIONS
    assert LedgerEntry.objects.filter(payment=attempt.payment, kind=LedgerEntryKind.CHARGE).count() == 1
    deal.refresh_from_db()
    assert deal.status == "paid"
    assert deal.events.filter(to_status="paid").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_idempotency_key_sent_twice_at_once_charges_once(todays_rates):
    deal = PayableDealFactory()
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def create():
        try:
            barrier.wait()
            attempt = payment_create(
                deal=deal, user=deal.buyer, amount=Decimal("500"), currency="CAD", method="card",
                idempotency_key="twice",
            )  # fmt: skip
            outcomes.append((attempt.payment.pk, attempt.replayed))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len({pk for pk, _ in outcomes}) == 1
    assert sorted(replayed for _, replayed in outcomes) == [False, True]
    assert Payment.objects.count() == 1
    assert LedgerEntry.objects.count() == 1


def sessions_waiting_on_a_lock() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_key_sent_twice_at_once_is_one_attempt_against_the_daily_limit(todays_rates, settings):
    """Both requests find no payment for the key and wait for the deal's lock; the second, once it has it, is a
    replay and not an attempt (it was counted, and a buyer who double-tapped was refused its next payment)."""
    settings.FRAUD_MAX_ATTEMPTS_PER_USER_PER_DAY = 2
    deal = PayableDealFactory()
    outcomes, errors = [], []

    def create():
        try:
            attempt = payment_create(
                deal=deal, user=deal.buyer, amount=Decimal("500"), currency="CAD", method="card",
                idempotency_key="double-tap",
            )  # fmt: skip
            outcomes.append(attempt.replayed)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(2)]
    with transaction.atomic():
        Deal.objects.select_for_update().get(pk=deal.pk)
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 10
        while sessions_waiting_on_a_lock() < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(outcomes) == [False, True]
    following = payment_create(
        deal=deal, user=deal.buyer, amount=Decimal("700"), currency="CAD", method="card", idempotency_key="next"
    )
    assert following.payment.status == PaymentStatus.SUCCEEDED
    assert Payment.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_payments_of_the_whole_price_at_once_charge_the_deal_once(todays_rates):
    from nzila_export.exceptions import DomainError

    deal = PayableDealFactory()
    barrier = threading.Barrier(2)
    outcomes = []

    def pay(key):
        try:
            barrier.wait()
            attempt = payment_create(
                deal=deal, user=deal.buyer, amount=Decimal("18000.00"), currency="CAD", method="card",
                idempotency_key=key,
            )  # fmt: skip
            outcomes.append(attempt.payment.status)
        except DomainError as refusal:
            outcomes.append(refusal.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=pay, args=(key,)) for key in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == sorted(
        ["succeeded", "The deal is paid: payments are taken while it is pending payment."]
    )
    assert LedgerEntry.objects.filter(kind=LedgerEntryKind.CHARGE).count() == 1
