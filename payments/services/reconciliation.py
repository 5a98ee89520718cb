"""Daily reconciliation: what the provider holds for a day against our payments of that day.

    missing_in_db        money captured at the provider that we have no payment for
    missing_at_provider  a payment of ours the provider does not know
    amount_mismatch      the amounts or currencies differ
    status_mismatch      captured on one side and not on the other

Each run is stored (a clean day too), each discrepancy is a row staff see in the admin, and the report
goes to staff (`payments.reconciliation`)."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.selectors import staff_list_active
from notifications.services import notify
from payments.gateways import get_gateway
from payments.models import (
    CAPTURED_STATUSES,
    Discrepancy,
    DiscrepancyKind,
    Payment,
    PaymentStatus,
    ReconciliationRun,
    ReconciliationStatus,
)

# A refunded payment was captured first: the provider still reports its intent as succeeded.
CAPTURED_WITH_US = [*CAPTURED_STATUSES, PaymentStatus.REFUNDED]


def payments_reconcile(*, day: date, provider: str = "stripe", batch_size: int = 100) -> ReconciliationRun:
    start = timezone.make_aware(datetime.combine(day, time.min))
    end = start + timedelta(days=1)
    gateway = get_gateway(provider)
    theirs = {
        held.reference: held for held in gateway.payments_created_between(start=start, end=end, page_size=batch_size)
    }
    provider_count = len(theirs)
    ours = Payment.objects.filter(provider=provider, created_at__gte=start, created_at__lt=end).exclude(
        provider_reference=""
    )
    found: list[Discrepancy] = []
    database_count = 0
    for payment in ours.iterator(chunk_size=batch_size):
        database_count += 1
        held = theirs.pop(payment.provider_reference, None)
        if held is None:
            found.append(_discrepancy(DiscrepancyKind.MISSING_AT_PROVIDER, payment, ours=payment.status))
            continue
        if (held.amount, held.currency) != (payment.amount, payment.currency):
            found.append(_discrepancy(
                DiscrepancyKind.AMOUNT_MISMATCH, payment, ours=f"{payment.amount.normalize():f} {payment.currency}",
                theirs=f"{held.amount.normalize():f} {held.currency}",
            ))  # fmt: skip
        if held.captured != (payment.status in CAPTURED_WITH_US):
            found.append(
                _discrepancy(DiscrepancyKind.STATUS_MISMATCH, payment, ours=payment.status, theirs=held.status)
            )
    for held in theirs.values():  # left at the provider with no payment of ours
        if held.captured:
            found.append(Discrepancy(
                kind=DiscrepancyKind.MISSING_IN_DB, provider_reference=held.reference,
                theirs=f"{held.amount.normalize():f} {held.currency} {held.status}",
            ))  # fmt: skip
    with transaction.atomic():
        run = ReconciliationRun.objects.create(
            provider=provider, date=day,
            status=ReconciliationStatus.DISCREPANCIES if found else ReconciliationStatus.CLEAN,
            provider_count=provider_count, database_count=database_count,
        )  # fmt: skip
        for discrepancy in found:
            discrepancy.run = run
        Discrepancy.objects.bulk_create(found)
        staff = staff_list_active()
        notify(
            event="payments.reconciliation",
            recipients=list(staff),
            context={"run": run, "discrepancies": found},
            related_object=run,
        )
    return run


def _discrepancy(kind: str, payment: Payment, *, ours: str = "", theirs: str = "") -> Discrepancy:
    return Discrepancy(
        kind=kind, payment=payment, provider_reference=payment.provider_reference, ours=ours, theirs=theirs
    )


def payments_reconcile_by_status(*, day: date, method: str, batch_size: int = 100) -> ReconciliationRun:
    """A mobile-money rail's day, reconciled the only way the rails allow (none lists its transactions as
    Stripe does): each of our payments of the day is asked about, and a rail that says captured where we do
    not (or the reverse), or another amount, is a discrepancy. Money at the rail that we never pushed for
    cannot be seen this way (missing_in_db); the rails' settlement reports are for that."""
    from payments.gateways.base import GatewayError

    start = timezone.make_aware(datetime.combine(day, time.min))
    gateway = get_gateway(method)
    ours = Payment.objects.filter(
        provider=method, created_at__gte=start, created_at__lt=start + timedelta(days=1)
    ).exclude(provider_reference="")
    found: list[Discrepancy] = []
    count = 0
    for payment in ours.iterator(chunk_size=batch_size):
        count += 1
        try:
            theirs = gateway.status(payment=payment)
        except GatewayError as error:
            found.append(_discrepancy(DiscrepancyKind.MISSING_AT_PROVIDER, payment, ours=payment.status,
                                      theirs=str(error)[:255]))  # fmt: skip
            continue
        if theirs.amount is not None and (theirs.amount, theirs.currency) != (payment.amount, payment.currency):
            found.append(_discrepancy(
                DiscrepancyKind.AMOUNT_MISMATCH, payment, ours=f"{payment.amount.normalize():f} {payment.currency}",
                theirs=f"{theirs.amount.normalize():f} {theirs.currency}",
            ))  # fmt: skip
        captured_there = theirs.status == PaymentStatus.SUCCEEDED
        if captured_there != (payment.status in CAPTURED_WITH_US):
            found.append(_discrepancy(
                DiscrepancyKind.STATUS_MISMATCH, payment, ours=payment.status,
                theirs=theirs.provider_status or theirs.status,
            ))  # fmt: skip
    with transaction.atomic():
        run = ReconciliationRun.objects.create(
            provider=method, date=day,
            status=ReconciliationStatus.DISCREPANCIES if found else ReconciliationStatus.CLEAN,
            provider_count=count, database_count=count,
        )  # fmt: skip
        for discrepancy in found:
            discrepancy.run = run
        Discrepancy.objects.bulk_create(found)
        notify(
            event="payments.reconciliation", recipients=list(staff_list_active()),
            context={"run": run, "discrepancies": found}, related_object=run,
        )  # fmt: skip
    return run
