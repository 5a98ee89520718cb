from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.tests.factories import BrokerFactory
from audit.models import AuditLog
from commissions.models import Commission, CommissionEntry, CommissionStatus, EntryKind, PlanApplication, PlanBasis
from commissions.selectors import commission_amount
from commissions.services.approval import commissions_process_pending
from commissions.tests.conftest import complete, delivered_deal, plan_make
from nzila_export.models import AppendOnlyError
from payments.models import LedgerEntryKind
from payments.services.ledger import ledger_entry_write

pytestmark = pytest.mark.django_db


def test_a_completed_deal_accrues_its_brokers_commission_once_at_the_first_tier(standard_plan, broker):
    deal = delivered_deal(broker=broker)

    complete(deal)
    complete_again = Commission.objects.filter(deal=deal).count()

    commission = Commission.objects.get(deal=deal)
    assert complete_again == 1
    assert (commission.broker, commission.plan, commission.percent) == (broker, standard_plan, Decimal("2.000"))
    assert (commission.base_cad, commission.deal_currency, commission.cad_rate) == (
        Decimal("18000.00"), "CAD", Decimal("1.000000000000"),
    )  # fmt: skip
    assert commission.status == CommissionStatus.PENDING
    assert commission_amount(commission=commission) == Decimal("360.00")
    assert list(commission.entries.values_list("kind", "amount_cad")) == [(EntryKind.ACCRUAL, Decimal("360.00"))]
    assert AuditLog.objects.filter(action="commission.accrue", object_id=str(commission.pk)).exists()


def test_a_deal_without_a_broker_accrues_nothing(standard_plan):
    deal = delivered_deal(broker=None)

    complete(deal)

    assert not Commission.objects.exists()


def test_the_referring_broker_takes_its_share_of_the_deals_commission(broker):
    plan_make(tiers=[("1", "2.0")], referrer_share_percent=Decimal("30"))
    referrer = BrokerFactory()
    deal = delivered_deal(broker=broker, referring_broker=referrer)

    complete(deal)

    amounts = {c.role: (c.broker, commission_amount(commission=c)) for c in Commission.objects.filter(deal=deal)}
    assert amounts == {"closing": (broker, Decimal("252.00")), "referring": (referrer, Decimal("108.00"))}


def test_the_minimum_and_the_cap_bound_a_deals_commission(broker):
    plan_make(tiers=[("1", "2.0")], minimum_cad=Decimal("250"), cap_cad=Decimal("300"))
    small, large = delivered_deal(broker=broker, price="5000.00"), delivered_deal(broker=broker, price="40000.00")

    complete(small)
    complete(large)

    assert commission_amount(commission=Commission.objects.get(deal=small)) == Decimal("250.00")
    assert commission_amount(commission=Commission.objects.get(deal=large)) == Decimal("300.00")


def test_a_marginal_volume_plan_pays_each_part_of_a_deal_at_its_tier(broker):
    plan_make(tiers=[("0", "2.0"), ("20000", "3.0")], basis=PlanBasis.VOLUME, application=PlanApplication.MARGINAL)
    first, second = delivered_deal(broker=broker, price="15000.00"), delivered_deal(broker=broker, price="10000.00")

    complete(first)
    complete(second)

    # 15,000 at 2 % = 300; then 5,000 at 2 % and 5,000 at 3 % = 100 + 150.
    assert commission_amount(commission=Commission.objects.get(deal=first)) == Decimal("300.00")
    assert commission_amount(commission=Commission.objects.get(deal=second)) == Decimal("250.00")


def test_a_later_deal_lifting_the_tier_adjusts_the_earlier_ones_once(broker, client_for):
    plan_make(tiers=[("1", "2.0"), ("3", "2.5")])
    deals = [delivered_deal(broker=broker, price="10000.00") for _ in range(3)]
    for deal in deals:
        complete(deal)

    first_run = commissions_process_pending(today=timezone.localdate())
    second_run = commissions_process_pending(today=timezone.localdate())

    assert (first_run["adjusted"], second_run["adjusted"]) == (2, 0)
    for deal in deals:
        commission = Commission.objects.get(deal=deal)
        assert (commission.percent, commission_amount(commission=commission)) == (Decimal("2.500"), Decimal("250.00"))
    first = Commission.objects.get(deal=deals[0])
    assert list(first.entries.values_list("kind", "amount_cad")) == [
        (EntryKind.ACCRUAL, Decimal("200.00")), (EntryKind.ADJUSTMENT, Decimal("50.00")),
    ]  # fmt: skip
    # The adjustment says why in the broker's language.
    for language, why in [("fr", "Palier de 2.500 % atteint sur la période"),
                          ("en", "Tier 2.500% reached in the period")]:  # fmt: skip
        broker.preferred_language = language
        broker.save(update_fields=["preferred_language"])
        entries = client_for(broker).get(f"/api/v1/commissions/{first.pk}/").json()["entries"]
        assert [entry["note"] for entry in entries if entry["kind"] == "adjustment"] == [why]


def test_a_refund_after_completion_reverses_the_commission_with_a_new_entry(standard_plan, broker):
    deal = delivered_deal(broker=broker)
    complete(deal)
    payment = deal.payments.get()

    ledger_entry_write(payment=payment, kind=LedgerEntryKind.REFUND, amount=Decimal("-18000.00"))

    commission = Commission.objects.get(deal=deal)
    assert commission.status == CommissionStatus.REVERSED
    assert list(commission.entries.values_list("kind", "amount_cad")) == [
        (EntryKind.ACCRUAL, Decimal("360.00")), (EntryKind.REVERSAL, Decimal("-360.00")),
    ]  # fmt: skip
    assert commission_amount(commission=commission) == 0


def test_a_dispute_holds_the_commission_and_winning_it_releases_it(standard_plan, broker):
    deal = delivered_deal(broker=broker)
    complete(deal)
    payment = deal.payments.get()

    ledger_entry_write(payment=payment, kind=LedgerEntryKind.DISPUTE, amount=Decimal("-18000.00"))
    held = Commission.objects.get(deal=deal)
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.DISPUTE_WON, amount=Decimal("18000.00"))

    assert (held.status, held.hold_reason) == (CommissionStatus.HELD, "The buyer disputes a payment of the deal.")
    assert Commission.objects.get(deal=deal).status == CommissionStatus.PENDING


def test_the_weekly_job_approves_after_the_dispute_window_only(standard_plan, broker, settings):
    settings.COMMISSION_DISPUTE_WINDOW_DAYS = 14
    deal = delivered_deal(broker=broker)
    complete(deal)
    today = timezone.localdate()

    too_early = commissions_process_pending(today=today + timedelta(days=14))
    after = commissions_process_pending(today=today + timedelta(days=15))

    assert (too_early["approved"], after["approved"]) == (0, 1)
    assert Commission.objects.get(deal=deal).status == CommissionStatus.APPROVED


def test_a_commissions_entries_are_never_changed_or_removed(standard_plan, broker):
    deal = delivered_deal(broker=broker)
    complete(deal)
    entry = Commission.objects.get(deal=deal).entries.get()

    entry.amount_cad = Decimal("1.00")
    for change in (entry.save, entry.delete, lambda: CommissionEntry.objects.update(amount_cad=0)):
        with pytest.raises(AppendOnlyError):
            change()
    with pytest.raises(AppendOnlyError):
        CommissionEntry.objects.all().delete()
    assert list(CommissionEntry.objects.values_list("amount_cad", flat=True)) == [Decimal("360.00")]
