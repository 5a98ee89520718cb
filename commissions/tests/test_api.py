from datetime import date
from decimal import Decimal

import pytest
import schemathesis
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.tests.factories import BrokerFactory, BuyerFactory, DealerFactory, StaffFactory
from audit.models import AuditLog
from commissions.models import Commission, CommissionStatus, Payout
from commissions.services.accrual import commissions_accrue, commissions_reverse
from commissions.services.payouts import broker_payout_account_set, commission_mark_paid
from commissions.services.review import commission_approve, commission_hold
from commissions.tests.conftest import complete, delivered_deal, plan_make
from nzila_export.tests.test_api_schema_fuzz import CHECKS, api_schema, signed_in  # noqa: F401 (api_schema: a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.runs_long]

URL = "/api/v1/commissions/"
SUMMARY = f"{URL}summary/"
TODAY = timezone.localdate()


def detail(commission) -> str:
    return f"{URL}{commission.pk}/"


@pytest.fixture
def plan():
    """Deals 1-5 of a broker in a month at 2.0 %, from the 6th at 2.5 %."""
    return plan_make(tiers=[("1", "2.0"), ("6", "2.5")])


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def broker():
    return BrokerFactory()


def accrued(*, broker, price: str = "18000.00", **deal_fields) -> Commission:
    """The closing broker's commission on a deal whose buyer paid `price` CAD, accrued by the real service."""
    (commission, *_referring) = commissions_accrue(deal=delivered_deal(broker=broker, price=price, **deal_fields))
    return commission


@pytest.fixture
def commission(plan, broker) -> Commission:
    return accrued(broker=broker)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def unchanged(commission: Commission) -> tuple:
    """What a refused request must leave as it was: the status, the hold and the audit trail."""
    commission.refresh_from_db()
    audited = AuditLog.objects.filter(model_name="commissions.Commission", object_id=str(commission.pk)).count()
    return commission.status, commission.hold_reason, commission.approved_at, audited


# --- Who sees what ---------------------------------------------------------------------------------


def test_a_broker_sees_its_commission_with_the_deal_the_plan_and_every_entry(client_for, commission):
    client = client_for(commission.broker)

    listed = client.get(URL).json()
    body = client.get(detail(commission)).json()

    assert listed["count"] == 1
    assert listed["results"][0] == {
        "id": commission.pk, "deal": commission.deal_id, "broker": commission.broker_id, "role": "closing",
        "status": "pending", "status_changed_at": listed["results"][0]["status_changed_at"], "plan": commission.plan_id,
        "plan_name": "Standard", "percent": "2.000", "share_percent": "100.00", "base_cad": "18000.00",
        "amount_cad": "360.00", "period_start": TODAY.replace(day=1).isoformat(), "completed_on": TODAY.isoformat(),
    }  # fmt: skip
    assert {key: body[key] for key in ("tier", "deal_amount", "deal_currency", "cad_rate", "hold_reason")} == {
        "tier": commission.tier_id, "deal_amount": "18000.00", "deal_currency": "CAD", "cad_rate": "1.000000000000",
        "hold_reason": "",
    }  # fmt: skip
    assert (body["approved_at"], body["paid_at"], body["amount_cad"]) == (None, None, "360.00")
    assert [(entry["kind"], entry["amount_cad"], entry["percent"], entry["note"]) for entry in body["entries"]] == [
        ("accrual", "360.00", "2.000", "")
    ]


def test_another_broker_neither_lists_nor_reads_it(client_for, commission):
    client = client_for(BrokerFactory())
    assert client.get(URL).json()["count"] == 0
    assert client.get(detail(commission)).status_code == 404


def test_the_deals_dealer_sees_the_commissions_on_its_deals_only(client_for, plan, broker):
    on_its_deal = accrued(broker=broker)
    accrued(broker=broker)  # another dealer's deal
    dealer = client_for(on_its_deal.deal.dealer)
    assert ids(dealer.get(URL)) == [on_its_deal.pk]
    assert dealer.get(detail(on_its_deal)).json()["amount_cad"] == "360.00"
    assert client_for(DealerFactory()).get(detail(on_its_deal)).status_code == 404


def test_a_buyer_sees_no_commission_not_even_on_its_own_deal(client_for, commission):
    client = client_for(commission.deal.buyer)
    assert client.get(URL).json()["count"] == 0
    assert client.get(detail(commission)).status_code == 404
    assert client_for(BuyerFactory()).get(URL).json()["count"] == 0


def test_staff_see_every_commission_and_the_referrers_share(client_for, staff, broker):
    plan_make(tiers=[("1", "2.0")], referrer_share_percent=Decimal("30"))
    referrer = BrokerFactory()
    closing = accrued(broker=broker, referring_broker=referrer)
    other = accrued(broker=BrokerFactory())
    referring = Commission.objects.get(broker=referrer)

    rows = client_for(staff).get(URL).json()["results"]

    assert [(row["id"], row["role"], row["share_percent"], row["amount_cad"]) for row in rows] == [
        (other.pk, "closing", "100.00", "360.00"), (referring.pk, "referring", "30.00", "108.00"),
        (closing.pk, "closing", "70.00", "252.00"),
    ]  # fmt: skip
    assert ids(client_for(referrer).get(URL)) == [referring.pk]


def test_a_visitor_is_asked_to_sign_in(api_client, commission):
    for response in (
        api_client.get(URL),
        api_client.get(detail(commission)),
        api_client.get(SUMMARY, {"year": TODAY.year}),
        api_client.post(f"{detail(commission)}approve/"),
        api_client.post(f"{detail(commission)}hold/", {"reason": "x"}, format="json"),
    ):
        assert (response.status_code, response.json()["code"]) == (401, "not_authenticated")
    assert unchanged(commission)[0] == CommissionStatus.PENDING


# --- Staff decide ----------------------------------------------------------------------------------


def test_staff_approve_a_pending_commission_ahead_of_its_window(client_for, staff, commission):
    response = client_for(staff).post(f"{detail(commission)}approve/")

    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["amount_cad"]) == ("approved", "360.00")
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.APPROVED
    assert commission.approved_at is not None
    audit = AuditLog.objects.get(action="commission.approve", object_id=str(commission.pk))
    assert (audit.user, audit.changes) == (
        staff, {"status": ["pending", "approved"], "reason": "approved by staff", "amount_cad": "360.00"}
    )  # fmt: skip


def test_staff_hold_with_a_reason_then_release(client_for, staff, commission):
    client = client_for(staff)

    held = client.post(f"{detail(commission)}hold/", {"reason": "Buyer's bank asked questions"}, format="json")

    assert held.status_code == 200, held.json()
    assert (held.json()["status"], held.json()["hold_reason"]) == ("held", "Buyer's bank asked questions")
    assert client_for(commission.broker).get(detail(commission)).json()["hold_reason"] == (
        "Buyer's bank asked questions"
    )

    released = client.post(f"{detail(commission)}release/")

    assert released.status_code == 200, released.json()
    assert (released.json()["status"], released.json()["hold_reason"]) == ("pending", "")
    trail = AuditLog.objects.filter(object_id=str(commission.pk), user=staff).order_by("id")
    assert [(row.action, row.changes["status"]) for row in trail] == [
        ("commission.hold", ["pending", "held"]), ("commission.release", ["held", "pending"]),
    ]  # fmt: skip
    assert trail[0].changes["reason"] == "Buyer's bank asked questions"


def test_an_approved_commission_can_be_held(client_for, staff, commission):
    commission_approve(commission=commission, user=staff)
    response = client_for(staff).post(f"{detail(commission)}hold/", {"reason": "Chargeback risk"}, format="json")
    assert (response.status_code, response.json()["status"]) == (200, "held")


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("approve/", None, "Cannot move from “held” to “approved” (possible from here: pending, reversed)."),
        ("hold/", {"reason": "Again"}, "Cannot move from “held” to “held” (possible from here: pending, reversed)."),
    ],
)
def test_a_move_the_status_does_not_allow_is_a_409_and_changes_nothing(
    client_for, staff, commission, path, body, message
):
    commission_hold(commission=commission, reason="Dispute", user=staff)
    before = unchanged(commission)

    response = client_for(staff).post(f"{detail(commission)}{path}", body, format="json")

    assert response.status_code == 409
    assert (response.json()["code"], response.json()["detail"]) == ("invalid_transition", message)
    assert unchanged(commission) == before


def test_a_reversed_commission_cannot_be_approved_or_released(client_for, staff, commission):
    commissions_reverse(deal=commission.deal, reason="Refunded")
    before = unchanged(commission)
    client = client_for(staff)
    refused = [client.post(f"{detail(commission)}{path}") for path in ("approve/", "release/")]
    assert [response.status_code for response in refused] == [409, 409]
    assert unchanged(commission) == before
    assert client.get(detail(commission)).json()["amount_cad"] == "0.00"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "This field is required."),
        ({"reason": "   "}, "This field may not be blank."),
        ({"reason": "x" * 256}, "Ensure this field has no more than 255 characters."),
        ({"reason": ["a list"]}, "Not a valid string."),
    ],
)
def test_a_hold_without_a_proper_reason_is_a_400_naming_it(client_for, staff, commission, body, message):
    before = unchanged(commission)
    response = client_for(staff).post(f"{detail(commission)}hold/", body, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {"reason": [message]}
    assert unchanged(commission) == before


def test_brokers_and_dealers_cannot_decide_and_nothing_changes(client_for, commission):
    before = unchanged(commission)
    for user in (commission.broker, commission.deal.dealer):
        client = client_for(user)
        for path, body in (("approve/", None), ("hold/", {"reason": "x"}), ("release/", None)):
            response = client.post(f"{detail(commission)}{path}", body, format="json")
            assert (response.status_code, response.json()["detail"]) == (
                403, "Only staff approve, hold, release or pay commissions."
            )  # fmt: skip
    assert unchanged(commission) == before


def test_a_refusal_is_in_the_callers_language(client_for, commission):
    commission.broker.preferred_language = "fr"
    commission.broker.save(update_fields=["preferred_language"])
    response = client_for(commission.broker).post(f"{detail(commission)}approve/")
    assert response.json()["detail"] == "Seul le personnel approuve, retient, libère ou paie les commissions."


def test_staff_get_404_for_a_commission_that_does_not_exist(client_for, staff):
    assert client_for(staff).post(f"{URL}999999/approve/").status_code == 404


# --- Lists: filters and queries --------------------------------------------------------------------


def test_the_list_filters_by_status_role_deal_broker_period_and_month(client_for, staff, plan, broker):
    first, second = accrued(broker=broker), accrued(broker=broker)
    other = accrued(broker=BrokerFactory(), price="5000.00")
    Commission.objects.filter(pk=first.pk).update(period_start=date(2026, 3, 1), completed_on=date(2026, 3, 20))
    commission_hold(commission=second, reason="Dispute", user=staff)
    client = client_for(staff)

    assert ids(client.get(URL)) == [other.pk, second.pk, first.pk]  # the newest deal first
    assert ids(client.get(URL, {"status": "held"})) == [second.pk]
    assert ids(client.get(URL, {"role": "referring"})) == []
    assert ids(client.get(URL, {"deal": other.deal_id})) == [other.pk]
    assert ids(client.get(URL, {"broker": broker.pk})) == [second.pk, first.pk]
    assert ids(client.get(URL, {"month": "2026-03"})) == [first.pk]
    assert ids(client.get(URL, {"month": TODAY.strftime("%Y-%m")})) == [other.pk, second.pk]
    assert ids(client.get(URL, {"period_start_after": "2026-03-01", "period_start_before": "2026-03-31"})) == [first.pk]
    assert ids(client.get(URL, {"period_start_after": "2026-04-01"})) == [other.pk, second.pk]
    assert ids(client.get(URL, {"ordering": "amount_cad"})) == [other.pk, second.pk, first.pk]
    # A broker filtering by another broker finds nothing of theirs.
    assert ids(client_for(broker).get(URL, {"broker": other.broker_id})) == []
    for query, field in (
        ({"status": "due"}, "status"),
        ({"month": "2026-13"}, "month"),
        ({"month": "March"}, "month"),
        ({"period_start_after": "x"}, "period_start"),
        ({"deal": 0}, "deal"),
        ({"broker": "me"}, "broker"),
    ):
        response = client.get(URL, query)
        assert (response.status_code, list(response.json()["fields"])) == (400, [field])


@pytest.mark.parametrize("page_size", [2, 12])
def test_the_list_runs_a_fixed_number_of_queries(client_for, django_assert_num_queries, plan, broker, page_size):
    for _ in range(12):
        accrued(broker=broker)
    client = client_for(broker)
    # The user (JWT), the count, and the page with each one's amount (outside the request transaction: no
    # savepoint).
    with django_assert_num_queries(3):
        response = client.get(URL, {"page_size": page_size})
    assert len(response.json()["results"]) == page_size


# --- Payouts ---------------------------------------------------------------------------------------


@pytest.fixture
def local_payouts(settings):
    """Rails without settings answered by the local rail, which succeeds at once (Stripe not configured)."""
    settings.COMMISSION_PAYOUTS_LOCAL, settings.STRIPE_SECRET_KEY = True, ""


@pytest.fixture
def approved(staff, commission) -> Commission:
    return commission_approve(commission=commission, user=staff)


def test_staff_pay_an_approved_commission_by_a_rail(client_for, staff, approved, local_payouts):
    broker_payout_account_set(broker=approved.broker, stripe_account_id="acct_1Nzila")

    response = client_for(staff).post(f"{detail(approved)}payout/", {"rail": "stripe_connect"}, format="json")

    assert response.status_code == 201, response.json()
    payout = Payout.objects.get(commission=approved)
    body = response.json()
    assert {key: body[key] for key in ("id", "commission", "rail", "status", "amount_cad", "amount", "currency")} == {
        "id": payout.pk, "commission": approved.pk, "rail": "stripe_connect", "status": "succeeded",
        "amount_cad": "360.00", "amount": "360.00", "currency": "CAD",
    }  # fmt: skip
    assert body["provider_reference"] == f"local-{payout.reference}"
    seen = client_for(approved.broker).get(detail(approved)).json()
    assert (seen["status"], [row["id"] for row in seen["payouts"]]) == ("paid", [payout.pk])
    again = client_for(staff).post(f"{detail(approved)}payout/", {"rail": "stripe_connect"}, format="json")
    assert (again.status_code, again.json()["code"]) == (409, "commission_not_payable")
    assert Payout.objects.count() == 1


@pytest.mark.parametrize(
    ("rail", "field", "code"),
    [
        ("stripe_connect", "stripe_account_id", "payout_destination_missing"),  # no connected account
        ("bank_transfer", "rail", "payout_rail_unavailable"),  # made at the bank, recorded with mark-paid
    ],
)
def test_a_payout_the_rail_cannot_make_is_a_422_and_pays_nothing(
    client_for, staff, approved, local_payouts, rail, field, code
):
    response = client_for(staff).post(f"{detail(approved)}payout/", {"rail": rail}, format="json")
    assert response.status_code == 422
    assert (response.json()["code"], list(response.json()["fields"])) == (code, [field])
    assert (unchanged(approved)[0], Payout.objects.count()) == (CommissionStatus.APPROVED, 0)


def test_a_rail_without_its_settings_is_a_422_naming_them(client_for, staff, approved, settings):
    settings.COMMISSION_PAYOUTS_LOCAL, settings.STRIPE_SECRET_KEY = False, ""
    response = client_for(staff).post(f"{detail(approved)}payout/", {"rail": "stripe_connect"}, format="json")
    assert (response.status_code, response.json()["missing_settings"]) == (422, ["STRIPE_SECRET_KEY"])
    assert not Payout.objects.exists()


@pytest.mark.parametrize("body", [{}, {"rail": "cash"}, {"rail": None}])
def test_a_payout_without_a_rail_is_a_400_naming_it(client_for, staff, approved, body):
    response = client_for(staff).post(f"{detail(approved)}payout/", body, format="json")
    assert (response.status_code, list(response.json()["fields"])) == (400, ["rail"])
    assert not Payout.objects.exists()


def test_a_pending_commission_is_not_paid(client_for, staff, commission, local_payouts):
    before = unchanged(commission)
    client = client_for(staff)
    refused = [
        client.post(f"{detail(commission)}payout/", {"rail": "stripe_connect"}, format="json"),
        client.post(f"{detail(commission)}mark-paid/", {"reference": "TRX-1"}, format="json"),
    ]
    assert [(response.status_code, response.json()["code"]) for response in refused] == [
        (409, "commission_not_payable"), (409, "commission_not_payable"),
    ]  # fmt: skip
    assert (unchanged(commission), Payout.objects.count()) == (before, 0)


def test_staff_record_a_bank_transfer_and_the_commission_is_paid(client_for, staff, approved):
    response = client_for(staff).post(f"{detail(approved)}mark-paid/", {"reference": " TRX-2026-0042 "}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["status"], body["paid_at"] is not None) == ("paid", True)
    assert [(row["rail"], row["status"], row["amount_cad"], row["provider_reference"]) for row in body["payouts"]] == [
        ("bank_transfer", "succeeded", "360.00", "TRX-2026-0042")
    ]
    assert AuditLog.objects.filter(action="commission.pay", object_id=str(approved.pk), user=staff).exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [({}, "This field is required."), ({"reference": ""}, "This field may not be blank."),
     ({"reference": "x" * 101}, "Ensure this field has no more than 100 characters.")],
)  # fmt: skip
def test_a_transfer_without_its_reference_is_a_400(client_for, staff, approved, body, message):
    response = client_for(staff).post(f"{detail(approved)}mark-paid/", body, format="json")
    assert (response.status_code, response.json()["fields"]) == (400, {"reference": [message]})
    assert (unchanged(approved)[0], Payout.objects.count()) == (CommissionStatus.APPROVED, 0)


def test_brokers_and_dealers_cannot_pay(client_for, approved):
    for user in (approved.broker, approved.deal.dealer):
        client = client_for(user)
        paid = client.post(f"{detail(approved)}payout/", {"rail": "stripe_connect"}, format="json")
        marked = client.post(f"{detail(approved)}mark-paid/", {"reference": "TRX"}, format="json")
        assert [paid.status_code, marked.status_code] == [403, 403]
    assert (unchanged(approved)[0], Payout.objects.count()) == (CommissionStatus.APPROVED, 0)


# --- A broker's year -------------------------------------------------------------------------------

MONTHS = [f"{TODAY.year}-{month:02d}" for month in range(1, 13)]


def moved_to(commission: Commission, day: date) -> None:
    """The commission as if its deal had completed on `day` (the services date it today)."""
    Commission.objects.filter(pk=commission.pk).update(period_start=day.replace(day=1), completed_on=day)


@pytest.fixture
def brokers_year(staff, broker):
    """In the broker's year: 360.00 pending (this month), 246.91 approved and 100.00 held (March), 200.00
    paid by bank transfer (this month), 140.00 reversed; and what must not count: last year's 60.00 and
    another broker's 360.00."""
    plan_make(tiers=[("1", "2.0")])
    accrued(broker=broker)
    march_approved = commission_approve(commission=accrued(broker=broker, price="12345.67"), user=staff)
    march_held = commission_hold(commission=accrued(broker=broker, price="5000.00"), reason="Dispute", user=staff)
    paid = commission_approve(commission=accrued(broker=broker, price="10000.00"), user=staff)
    commission_mark_paid(commission=paid, reference="TRX-1", user=staff)
    reversed_one = accrued(broker=broker, price="7000.00")
    commissions_reverse(deal=reversed_one.deal, reason="Refunded")
    last_year = accrued(broker=broker, price="3000.00")
    accrued(broker=BrokerFactory())
    for commission in (march_approved, march_held):
        moved_to(commission, date(TODAY.year, 3, 10))
    moved_to(last_year, date(TODAY.year - 1, 12, 31))
    return broker


def expected_summary(broker) -> dict:
    zero = {"earned": "0.00", "pending": "0.00", "approved": "0.00", "held": "0.00", "paid": "0.00"}
    months = {month: {"month": month, **zero} for month in MONTHS}
    months[MONTHS[2]].update(earned="346.91", approved="246.91", held="100.00")
    months[TODAY.strftime("%Y-%m")].update(earned="560.00", pending="360.00", paid="200.00")
    return {
        "broker": broker.pk, "year": TODAY.year, "currency": "CAD", "earned": "906.91", "pending": "360.00",
        "approved": "246.91", "held": "100.00", "paid": "200.00", "by_month": list(months.values()),
    }  # fmt: skip


def test_a_broker_reads_its_year_to_the_cent(client_for, brokers_year):
    response = client_for(brokers_year).get(SUMMARY, {"year": TODAY.year})
    assert response.status_code == 200, response.json()
    assert response.json() == expected_summary(brokers_year)
    assert client_for(brokers_year).get(SUMMARY, {"year": TODAY.year, "broker": brokers_year.pk}).status_code == 200
    last_year = client_for(brokers_year).get(SUMMARY, {"year": TODAY.year - 1}).json()
    assert (last_year["earned"], last_year["pending"], last_year["by_month"][11]["earned"]) == (
        "60.00", "60.00", "60.00"
    )  # fmt: skip


def test_staff_name_the_broker_whose_year_they_read(client_for, staff, brokers_year):
    client = client_for(staff)
    assert client.get(SUMMARY, {"year": TODAY.year, "broker": brokers_year.pk}).json() == expected_summary(brokers_year)
    unnamed = client.get(SUMMARY, {"year": TODAY.year})
    assert (unnamed.status_code, unnamed.json()["fields"]) == (
        400, {"broker": ["Staff name the broker whose summary they want."]}
    )  # fmt: skip


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({}, "year"), ({"year": "1999"}, "year"), ({"year": "twenty"}, "year"),
        ({"year": "2026", "broker": "x"}, "broker"), ({"year": "2026", "broker": "99999999"}, "broker"),
    ],
)  # fmt: skip
def test_a_summary_asked_wrongly_is_a_400_naming_the_field(client_for, staff, query, field):
    response = client_for(staff).get(SUMMARY, query)
    assert (response.status_code, list(response.json()["fields"])) == (400, [field])


def test_staff_cannot_summarise_someone_who_is_not_a_broker(client_for, staff):
    response = client_for(staff).get(SUMMARY, {"year": TODAY.year, "broker": DealerFactory().pk})
    assert (response.status_code, list(response.json()["fields"])) == (400, ["broker"])


def test_only_the_broker_itself_and_staff_read_a_brokers_year(client_for, commission):
    other = client_for(BrokerFactory()).get(SUMMARY, {"year": TODAY.year, "broker": commission.broker_id})
    assert (other.status_code, other.json()["detail"]) == (403, "A broker sees its own summary only.")
    for user in (commission.deal.dealer, commission.deal.buyer):
        response = client_for(user).get(SUMMARY, {"year": TODAY.year, "broker": commission.broker_id})
        assert (response.status_code, response.json()["detail"]) == (
            403, "Only brokers and staff see commission summaries."
        )  # fmt: skip


# --- Fuzzed, as the roles who own rows ----------------------------------------------------------------
# The project's fuzz test runs every operation as a fresh buyer, who sees no commission. Here every
# commission operation runs as staff (on a pending, a held and an approved commission, and with a broker to
# summarise), the broker, the deal's dealer and the deal's buyer, each on a commission of theirs (the buyer
# on its deal's, which it may not see). No 5xx, and answers as documented.

commission_schema = schemathesis.pytest.from_fixture("api_schema").include(path_regex=r"^/api/v1/commissions/")


@pytest.fixture
def commission_owners(transactional_db, settings, todays_rates) -> list[tuple[str, int, int | None]]:
    """(access token, the id of a commission the caller may see, the broker to summarise for staff). The
    approved commission's broker can be paid by every rail, through the local rail."""
    settings.COMMISSION_PAYOUTS_LOCAL, settings.STRIPE_SECRET_KEY = True, ""
    staff = StaffFactory()
    with transaction.atomic():
        plan_make(tiers=[("1", "2.0")])
        pending, held, approved = (accrued(broker=BrokerFactory()) for _ in range(3))
        commission_hold(commission=held, reason="Dispute", user=staff)
        commission_approve(commission=approved, user=staff)
        broker_payout_account_set(
            broker=approved.broker, stripe_account_id="acct_1Nzila", mobile_money_phone="+2250701020304"
        )
    callers = [
        (staff, pending, pending.broker_id), (staff, held, held.broker_id), (staff, approved, approved.broker_id),
        (pending.broker, pending, None), (pending.deal.dealer, pending, None), (pending.deal.buyer, pending, None),
    ]  # fmt: skip
    return [(str(RefreshToken.for_user(user).access_token), row.pk, broker) for user, row, broker in callers]


@commission_schema.parametrize()
@settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_commission_operation_answers_within_its_schema_for_each_role(case, commission_owners):
    for token, commission_id, broker_id in commission_owners:
        if "id" in (case.path_parameters or {}):
            case.path_parameters["id"] = commission_id
        if case.path.endswith("/summary/") and broker_id is not None:
            case.query = {**(case.query or {}), "broker": broker_id}
        case.call_and_validate(headers=signed_in(token), checks=CHECKS)


def test_a_payout_that_moves_money_answers_within_its_schema(api_schema, commission_owners):  # noqa: F811 (a fixture)
    """The generated rail is most often the first, a bank transfer, which is refused: here a mobile-money
    payout in XOF (whole francs) is made, and its 201 and the paid commission checked against the schema."""
    staff_token, approved_id, _broker = commission_owners[2]
    headers = signed_in(staff_token)
    payout = api_schema["/api/v1/commissions/{id}/payout/"]["POST"].Case(
        path_parameters={"id": approved_id}, body={"rail": "mtn_momo"}, media_type="application/json"
    )
    response = payout.call_and_validate(headers=headers, checks=CHECKS)
    assert (response.status_code, response.json()["currency"], response.json()["status"]) == (201, "XOF", "succeeded")
    assert "." not in response.json()["amount"]
    paid = api_schema["/api/v1/commissions/{id}/"]["GET"].Case(path_parameters={"id": approved_id})
    assert paid.call_and_validate(headers=headers, checks=CHECKS).json()["status"] == "paid"


def test_a_broker_downloads_its_statement_of_a_month_as_csv_and_pdf(client_for, standard_plan, broker):
    complete(delivered_deal(broker=broker))
    month = timezone.localdate().strftime("%Y-%m")
    client = client_for(broker)

    csv_file = client.get(f"/api/v1/commissions/statement/?month={month}&file=csv")
    pdf_file = client.get(f"/api/v1/commissions/statement/?month={month}")
    other = client.get(f"/api/v1/commissions/statement/?month={month}&broker={BrokerFactory().pk}")
    bad_month = client.get("/api/v1/commissions/statement/?month=2026-13")

    assert (csv_file.status_code, csv_file["Content-Type"]) == (200, "text/csv; charset=utf-8")
    assert csv_file.content.decode("utf-8-sig").splitlines()[-1].endswith("360.00")
    assert (pdf_file.status_code, pdf_file["Content-Type"], pdf_file.content[:5]) == (200, "application/pdf", b"%PDF-")
    assert other.status_code == 403
    assert (bad_month.status_code, list(bad_month.json()["fields"])) == (400, ["month"])
    downloads = AuditLog.objects.filter(action="commission.statement_download").order_by("id")
    filters = {"broker": broker.pk, "month": month}
    assert [(row.user, row.object_id, row.changes) for row in downloads] == [
        (broker, str(broker.pk), {"format": "csv", "filters": filters, "rows": 1}),
        (broker, str(broker.pk), {"format": "pdf", "filters": filters, "rows": 1}),
    ]
