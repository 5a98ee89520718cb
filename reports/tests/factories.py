"""Rows as stored, for the reports' known data set: a ledger entry, a commission with its entries, a deal's
move in its timeline, each at a given moment (the services stamp `created_at` with now)."""

from datetime import datetime
from decimal import Decimal
from importlib import import_module

import factory
from django.apps import apps as django_apps
from django.db.models import QuerySet
from django.utils import timezone

from commissions.models import Commission, CommissionEntry, CommissionPlan, CommissionStatus, EntryKind
from deals.models import Deal, DealEvent
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentMethod, PaymentStatus
from payments.tests.factories import StripePaymentFactory


def stamp(instance, moment: datetime, field: str = "created_at"):
    """Set `field` on the stored row, append-only tables included (a plain QuerySet: arranging a test's past)."""
    QuerySet(type(instance)).filter(pk=instance.pk).update(**{field: moment})
    setattr(instance, field, moment)
    return instance


def deal_move(deal: Deal, from_status: str, to_status: str, at: datetime) -> DealEvent:
    return stamp(DealEvent.objects.create(deal=deal, from_status=from_status, to_status=to_status), at)


class PaymentFactory(StripePaymentFactory):
    method = PaymentMethod.CARD
    status = PaymentStatus.SUCCEEDED


def payment_at(deal: Deal, at: datetime, **fields) -> Payment:
    return stamp(PaymentFactory(deal=deal, **fields), at)


def ledger_entry_at(payment: Payment, at: datetime, *, kind: str = LedgerEntryKind.CHARGE, amount: str,
                    amount_cad: str) -> LedgerEntry:  # fmt: skip
    entry = LedgerEntry.objects.create(
        kind=kind, payment=payment, deal=payment.deal, amount=Decimal(amount), currency=payment.currency,
        deal_amount=Decimal(amount_cad), deal_currency="CAD", amount_cad=Decimal(amount_cad),
    )  # fmt: skip
    return stamp(entry, at)


def standard_commission_plan() -> CommissionPlan:
    """The standard plan its migration installs, installed again when a transactional test's flush removed it."""
    if not CommissionPlan.objects.filter(broker=None).exists():
        import_module("commissions.migrations.0004_standard_plan").create_standard_plan(django_apps, None)
    return CommissionPlan.objects.get(broker=None)


class CommissionFactory(factory.django.DjangoModelFactory):
    """A commission under the standard plan (installed by a migration), at its first tier."""

    class Meta:
        model = Commission

    plan = factory.LazyFunction(standard_commission_plan)
    tier = factory.LazyAttribute(lambda commission: commission.plan.tiers.order_by("threshold").first())
    percent = Decimal("2.000")
    deal_amount = factory.LazyAttribute(lambda commission: commission.deal.agreed_price)
    deal_currency = "CAD"
    cad_rate = Decimal(1)
    base_cad = factory.LazyAttribute(lambda commission: commission.deal.agreed_price)
    period_start = factory.LazyAttribute(lambda commission: commission.completed_on.replace(day=1))
    status = CommissionStatus.PENDING
    status_changed_at = factory.LazyFunction(timezone.now)


def commission_with(entries: list[tuple[str, str]], **fields) -> Commission:
    commission = CommissionFactory(**fields)
    for kind, amount in entries:
        CommissionEntry.objects.create(
            commission=commission, kind=kind, amount_cad=Decimal(amount), percent=commission.percent
        )
    return commission


ACCRUAL, ADJUSTMENT, REVERSAL = EntryKind.ACCRUAL, EntryKind.ADJUSTMENT, EntryKind.REVERSAL
