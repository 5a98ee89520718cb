from datetime import date
from decimal import Decimal

import pytest

from accounts.tests.factories import BrokerFactory
from commissions.models import CommissionPlan, CommissionTier, PlanApplication, PlanBasis, PlanPeriod
from deals.models import DealStatus
from deals.services import deal_transition
from payments.models import LedgerEntryKind, PaymentStatus
from payments.services.ledger import ledger_entry_write
from payments.tests.factories import PayableDealFactory, StripePaymentFactory


@pytest.fixture(autouse=True)
def _plans_of_the_test_only(db):
    """The standard plan a migration installs is left out: each test states the plans it needs."""
    CommissionPlan.objects.all().delete()


def plan_make(*, tiers, **fields) -> CommissionPlan:
    """A plan with (threshold, percent) tiers, in force since 2026-01-01 unless told otherwise."""
    plan = CommissionPlan.objects.create(**{"name": "Standard", "valid_from": date(2026, 1, 1), **fields})
    CommissionTier.objects.bulk_create(
        CommissionTier(plan=plan, threshold=Decimal(threshold), percent=Decimal(percent))
        for threshold, percent in tiers
    )
    return plan


@pytest.fixture
def standard_plan():
    """The issue's example: deals 1-5 at 2.0 %, 6-15 at 2.5 %, 16 and more at 3.0 %, per calendar month,
    the tier reached applying to the whole month."""
    return plan_make(
        tiers=[("1", "2.0"), ("6", "2.5"), ("16", "3.0")], basis=PlanBasis.DEALS, period=PlanPeriod.MONTH,
        application=PlanApplication.WHOLE_PERIOD,
    )  # fmt: skip


@pytest.fixture
def broker():
    return BrokerFactory()


def delivered_deal(*, broker, price: str = "18000.00", **fields):
    """A delivered deal of `broker` whose buyer paid the agreed price (a succeeded card payment in CAD)."""
    deal = PayableDealFactory(broker=broker, status=DealStatus.DELIVERED, agreed_price=Decimal(price), **fields)
    payment = StripePaymentFactory(deal=deal, amount=Decimal(price), status=PaymentStatus.SUCCEEDED)
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount)
    return deal


def complete(deal):
    return deal_transition(deal=deal, to=DealStatus.COMPLETED, actor=deal.buyer)
