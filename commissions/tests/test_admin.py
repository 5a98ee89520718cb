from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from accounts.tests.factories import BrokerFactory, StaffFactory
from audit.models import AuditLog
from commissions.models import BrokerPayoutAccount, CommissionPlan, CommissionStatus
from commissions.services.accrual import commissions_accrue
from commissions.services.payouts import broker_payout_account_set, commission_mark_paid
from commissions.services.review import commission_approve, commission_hold
from commissions.services.status import commission_status_set
from commissions.tests.conftest import delivered_deal, plan_make

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/commissions/commission/"
PLANS = "/admin/commissions/commissionplan/"
PAYOUTS = "/admin/commissions/payout/"
ACCOUNTS = "/admin/commissions/brokerpayoutaccount/"


@pytest.fixture
def staff():
    return StaffFactory(is_superuser=True)


@pytest.fixture
def staff_client(client, staff, admin_login):
    admin_login(client, staff)
    return client


@pytest.fixture
def commissions():
    """Three brokers' commissions at 2 % of CAD 18,000, 10,000 and 5,000: 360.00, 200.00 and 100.00."""
    plan_make(tiers=[("1", "2.0")])
    return [
        commissions_accrue(deal=delivered_deal(broker=BrokerFactory(username=f"broker-{price}"), price=price))[0]
        for price in ("18000.00", "10000.00", "5000.00")
    ]


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def statuses(rows) -> list[str]:
    for row in rows:
        row.refresh_from_db()
    return [row.status for row in rows]


def test_the_list_shows_amounts_filters_and_searches(staff_client, commissions):
    first, second, _third = commissions
    response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 3
    assert b"360.00" in response.content
    commission_hold(commission=second, reason="Dispute", user=None)
    assert staff_client.get(CHANGELIST, {"status__exact": "held"}).context["cl"].result_count == 1
    assert staff_client.get(CHANGELIST, {"role__exact": "referring"}).context["cl"].result_count == 0
    assert staff_client.get(CHANGELIST, {"plan__id__exact": first.plan_id}).context["cl"].result_count == 3
    assert staff_client.get(CHANGELIST, {"q": "broker-18000.00"}).context["cl"].result_count == 1
    found = staff_client.get(CHANGELIST, {"q": str(first.deal_id)}).context["cl"].result_list
    assert first in found  # by deal id (a username with the same digits may match too)
    ordered = staff_client.get(CHANGELIST, {"o": "8"})  # the amount column, ascending
    assert [row.pk for row in ordered.context["cl"].result_list] == [row.pk for row in reversed(commissions)]


def test_the_change_page_is_read_only_with_its_entries(staff_client, commissions):
    commission = commissions[0]
    url = f"{CHANGELIST}{commission.pk}/change/"
    page = staff_client.get(url)
    assert page.status_code == 200
    assert b"360.00" in page.content
    assert b"Accrual" in page.content  # the entry inline
    staff_client.post(url, {"status": "paid", "hold_reason": "x"})
    commission.refresh_from_db()
    assert (commission.status, commission.hold_reason) == (CommissionStatus.PENDING, "")
    assert staff_client.get(f"{CHANGELIST}add/").status_code == 403
    assert staff_client.get(f"{CHANGELIST}{commission.pk}/delete/").status_code == 403


def test_approve_selected_approves_the_pending_and_reports_the_others(staff_client, staff, commissions):
    pending, held, _ = commissions
    commission_hold(commission=held, reason="Dispute", user=staff)
    ids = [pending.pk, held.pk]

    response = staff_client.post(CHANGELIST, {"action": "approve_selected", ACTION_CHECKBOX_NAME: ids}, follow=True)

    assert messages_of(response) == [
        f"Commission {held.pk}: Cannot move from “held” to “approved” (possible from here: pending, reversed).",
        "1 commission approved.",
    ]
    assert statuses([pending, held]) == [CommissionStatus.APPROVED, CommissionStatus.HELD]
    audit = AuditLog.objects.get(action="commission.approve", object_id=str(pending.pk))
    assert (audit.user, audit.changes["reason"]) == (staff, "approved by staff")


def test_hold_selected_needs_a_reason_then_holds_each(staff_client, staff, commissions):
    ids = [commission.pk for commission in commissions]

    refused = staff_client.post(CHANGELIST, {"action": "hold_selected", ACTION_CHECKBOX_NAME: ids}, follow=True)

    assert messages_of(refused) == ["Give the reason to hold the commissions."]
    assert statuses(commissions) == [CommissionStatus.PENDING] * 3
    assert not AuditLog.objects.filter(action="commission.hold").exists()

    held = staff_client.post(
        CHANGELIST, {"action": "hold_selected", "reason": "Bank checks", ACTION_CHECKBOX_NAME: ids}, follow=True
    )

    assert messages_of(held) == ["3 commissions held."]
    assert statuses(commissions) == [CommissionStatus.HELD] * 3
    assert {commission.hold_reason for commission in commissions} == {"Bank checks"}
    assert AuditLog.objects.filter(action="commission.hold", user=staff).count() == 3


def test_release_selected_releases_the_held_and_reports_the_others(staff_client, staff, commissions):
    held, pending, _ = commissions
    commission_hold(commission=held, reason="Dispute", user=staff)

    response = staff_client.post(
        CHANGELIST, {"action": "release_selected", ACTION_CHECKBOX_NAME: [held.pk, pending.pk]}, follow=True
    )

    assert messages_of(response) == [
        f"Commission {pending.pk}: Cannot move from “pending” to “pending” (possible from here: approved, held, "
        "reversed).",
        "1 commission released.",
    ]
    assert statuses([held, pending]) == [CommissionStatus.PENDING, CommissionStatus.PENDING]
    assert AuditLog.objects.filter(action="commission.release").count() == 1


def test_staff_keep_a_plan_with_its_tiers(staff_client):
    broker = BrokerFactory()
    form = {
        "name": "Volume for one broker", "broker": broker.pk, "basis": "volume", "period": "quarter",
        "application": "marginal", "minimum_cad": "50", "cap_cad": "", "referrer_share_percent": "25",
        "valid_from": "2027-01-01", "valid_until": "",
        "tiers-TOTAL_FORMS": "2", "tiers-INITIAL_FORMS": "0", "tiers-MIN_NUM_FORMS": "0", "tiers-MAX_NUM_FORMS": "1000",
        "tiers-0-threshold": "0", "tiers-0-percent": "1.5", "tiers-1-threshold": "100000", "tiers-1-percent": "2.25",
    }  # fmt: skip

    response = staff_client.post(f"{PLANS}add/", form)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    plan = CommissionPlan.objects.get(name="Volume for one broker")
    assert (plan.broker, plan.basis, plan.referrer_share_percent) == (broker, "volume", Decimal("25.00"))
    assert list(plan.tiers.values_list("threshold", "percent")) == [
        (Decimal("0.00"), Decimal("1.500")), (Decimal("100000.00"), Decimal("2.250")),
    ]  # fmt: skip
    assert staff_client.get(PLANS, {"q": broker.username}).context["cl"].result_count == 1


def test_a_plan_offers_brokers_only(staff_client):
    broker, staff = BrokerFactory(), StaffFactory()
    choices = staff_client.get(f"{PLANS}add/").context["adminform"].form.fields["broker"].queryset
    assert broker in choices
    assert staff not in choices


def test_payouts_are_listed_read_only(staff_client, staff, commissions):
    paid = commission_approve(commission=commissions[0], user=staff)
    payout = commission_mark_paid(commission=paid, reference="TRX-2026-0042", user=staff)

    listed = staff_client.get(PAYOUTS, {"rail__exact": "bank_transfer", "status__exact": "succeeded"})

    assert listed.context["cl"].result_count == 1
    assert b"TRX-2026-0042" in listed.content
    assert staff_client.get(PAYOUTS, {"q": "TRX-2026-0042"}).context["cl"].result_count == 1
    assert staff_client.get(f"{PAYOUTS}{payout.pk}/change/").status_code == 200
    assert staff_client.get(f"{PAYOUTS}add/").status_code == 403
    assert staff_client.get(f"{PAYOUTS}{payout.pk}/delete/").status_code == 403


def test_staff_keep_where_a_broker_is_paid(staff_client, staff):
    broker = BrokerFactory()
    form = {
        "broker": broker.pk, "preferred_rail": "mtn_momo", "mobile_money_phone": "+2250701020304",
        "stripe_account_id": "", "bank_details": "",
    }  # fmt: skip

    response = staff_client.post(f"{ACCOUNTS}add/", form)

    assert response.status_code == 302
    account = BrokerPayoutAccount.objects.get(broker=broker)
    assert (account.preferred_rail, account.mobile_money_phone.reveal()) == ("mtn_momo", "+2250701020304")
    audit = AuditLog.objects.get(action="commission.payout_account_set", object_id=str(account.pk))
    # The phone and the bank details show their last 4 characters only.
    assert (audit.user, audit.changes) == (
        staff, {"preferred_rail": ["bank_transfer", "mtn_momo"], "mobile_money_phone": [None, "••••0304"]}
    )  # fmt: skip
    assert staff_client.get(ACCOUNTS, {"q": broker.username}).context["cl"].result_count == 1
    refused = staff_client.post(f"{ACCOUNTS}{account.pk}/change/", {**form, "mobile_money_phone": "not a phone"})
    assert refused.status_code == 200  # the form again, with its error
    account.refresh_from_db()
    assert account.mobile_money_phone.reveal() == "+2250701020304"
    changed = staff_client.post(f"{ACCOUNTS}{account.pk}/change/", {**form, "stripe_account_id": "acct_1Nzila"})
    assert changed.status_code == 302
    account.refresh_from_db()
    assert (account.broker, account.stripe_account_id) == (broker, "acct_1Nzila")
    assert AuditLog.objects.filter(action="commission.payout_account_set").latest("id").changes == {
        "stripe_account_id": [None, "acct_1Nzila"]
    }
    bank = {**form, "stripe_account_id": "acct_1Nzila", "bank_details": "CI059 01001 123456789012"}
    staff_client.post(f"{ACCOUNTS}{account.pk}/change/", bank)
    assert AuditLog.objects.filter(action="commission.payout_account_set").latest("id").changes == {
        "bank_details": [None, "••••9012"]
    }
    deleted = staff_client.post(f"{ACCOUNTS}{account.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 302
    record = AuditLog.objects.get(action="broker_payout_account.staff_delete")
    assert (record.user, record.object_id) == (staff, str(account.pk))
    assert [record.changes[name] for name in ("preferred_rail", "mobile_money_phone", "bank_details")] == [
        ["mtn_momo", None], ["••••0304", None], ["••••9012", None]
    ]  # fmt: skip
    assert "123456789012" not in str(list(AuditLog.objects.values_list("changes", flat=True)))


def test_staff_never_see_payout_details_in_clear_and_an_empty_field_keeps_them(staff_client):
    broker = BrokerFactory()
    account = broker_payout_account_set(
        broker=broker, mobile_money_phone="+2250701020304", bank_details="CI059 01001 123456789012"
    )
    form = {"broker": broker.pk, "preferred_rail": "mtn_momo", "mobile_money_phone": "", "stripe_account_id": "",
            "bank_details": ""}  # fmt: skip

    listed = staff_client.get(ACCOUNTS).content.decode()
    shown = staff_client.get(f"{ACCOUNTS}{account.pk}/change/").content.decode()
    kept = staff_client.post(f"{ACCOUNTS}{account.pk}/change/", form)

    assert "••••0304" in listed
    assert "Stored: ••••0304." in shown
    assert "Stored: ••••9012." in shown
    for page in (listed, shown):
        assert "0701020304" not in page
        assert "123456789012" not in page
    assert kept.status_code == 302
    account.refresh_from_db()
    assert (account.preferred_rail, account.mobile_money_phone.reveal(), account.bank_details.reveal()) == (
        "mtn_momo", "+2250701020304", "CI059 01001 123456789012",
    )  # fmt: skip
    removed = staff_client.post(f"{ACCOUNTS}{account.pk}/change/", {**form, "remove_bank_details": "on"})
    assert removed.status_code == 302
    account.refresh_from_db()
    assert (account.mobile_money_phone.reveal(), account.bank_details) == ("+2250701020304", "")
    assert AuditLog.objects.filter(action="commission.payout_account_set").latest("id").changes == {
        "bank_details": ["••••9012", None]
    }


def test_a_tier_a_commission_was_computed_with_cannot_be_deleted(staff_client, commissions):
    plan = commissions[0].plan
    tier = plan.tiers.get()
    form = {
        "name": plan.name, "broker": "", "basis": plan.basis, "period": plan.period, "application": plan.application,
        "minimum_cad": "0", "cap_cad": "", "referrer_share_percent": "0", "valid_from": plan.valid_from.isoformat(),
        "valid_until": "", "tiers-TOTAL_FORMS": "1", "tiers-INITIAL_FORMS": "1", "tiers-MIN_NUM_FORMS": "0",
        "tiers-MAX_NUM_FORMS": "1000", "tiers-0-id": tier.pk, "tiers-0-plan": plan.pk, "tiers-0-threshold": "1",
        "tiers-0-percent": "2.0", "tiers-0-DELETE": "on",
    }  # fmt: skip

    response = staff_client.post(f"{PLANS}{plan.pk}/change/", form)

    assert response.status_code == 200  # the form again, with its error
    assert b"protected related objects" in response.content
    assert plan.tiers.filter(pk=tier.pk).exists()


def test_mark_paid_selected_records_the_bank_transfer_of_the_approved_and_reports_the_others(
    staff_client, staff, commissions
):
    approved, pending, _ = commissions
    commission_status_set(commission=approved, to=CommissionStatus.APPROVED, action="commission.approve")
    form = {"action": "mark_paid_selected", ACTION_CHECKBOX_NAME: [approved.pk, pending.pk]}

    refused = staff_client.post(CHANGELIST, form, follow=True)
    assert messages_of(refused) == ["Give the reference of the transfer."]

    paid = staff_client.post(CHANGELIST, {**form, "reference": "RBC-2026-1201-17"}, follow=True)

    assert messages_of(paid)[-1] == "1 commission marked paid."
    assert statuses([approved, pending]) == [CommissionStatus.PAID, CommissionStatus.PENDING]
    payout = approved.payouts.get()
    assert (payout.rail, payout.provider_reference, payout.amount_cad) == (
        "bank_transfer", "RBC-2026-1201-17", Decimal("360.00"),
    )  # fmt: skip


def test_staff_edits_of_a_plan_and_its_tiers_are_audited_before_and_after(staff_client, staff):
    plan = plan_make(tiers=[("1", "2.0"), ("6", "2.5")])
    first, second = plan.tiers.order_by("threshold")
    form = {
        "name": "Standard 2027", "broker": "", "basis": plan.basis, "period": plan.period,
        "application": plan.application, "minimum_cad": "0", "cap_cad": "500.00", "referrer_share_percent": "0",
        "valid_from": plan.valid_from.isoformat(), "valid_until": "", "tiers-TOTAL_FORMS": "3",
        "tiers-INITIAL_FORMS": "2", "tiers-MIN_NUM_FORMS": "0", "tiers-MAX_NUM_FORMS": "1000",
        "tiers-0-id": first.pk, "tiers-0-plan": plan.pk, "tiers-0-threshold": "1", "tiers-0-percent": "2.2",
        "tiers-1-id": second.pk, "tiers-1-plan": plan.pk, "tiers-1-threshold": "6", "tiers-1-percent": "2.5",
        "tiers-1-DELETE": "on", "tiers-2-plan": plan.pk, "tiers-2-threshold": "10", "tiers-2-percent": "3.0",
    }  # fmt: skip

    assert staff_client.post(f"{PLANS}{plan.pk}/change/", form).status_code == 302

    records = {row.action: row for row in AuditLog.objects.filter(action__contains="staff_").order_by("id")}
    assert {row.user for row in records.values()} == {staff}
    assert {action: row.changes for action, row in records.items() if action != "commission_tier.staff_delete"} == {
        "commission_plan.staff_edit": {"name": ["Standard", "Standard 2027"], "cap_cad": [None, "500.00"]},
        "commission_tier.staff_edit": {"percent": ["2.000", "2.2"]},
        "commission_tier.staff_create": {"plan": [None, plan.pk], "threshold": [None, "10"], "percent": [None, "3.0"]},
    }
    deleted = records["commission_tier.staff_delete"]
    assert (deleted.object_id, deleted.changes["percent"]) == (str(second.pk), ["2.500", None])
    assert list(plan.tiers.order_by("threshold").values_list("threshold", "percent")) == [
        (Decimal("1"), Decimal("2.200")), (Decimal("10"), Decimal("3.000"))
    ]  # fmt: skip
