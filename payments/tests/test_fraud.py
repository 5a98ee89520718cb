"""Fraud controls (payments.fraud): velocity limits at their boundaries, each risk signal's points and
reason, the three bands through the API, and the staff review of held payments."""

from datetime import timedelta
from decimal import Decimal

import pytest
import stripe
from django.utils import timezone

from accounts.tests.factories import BuyerFactory, StaffFactory
from audit.models import AuditLog
from deals.fraud import FraudDetectionEngine
from deals.models import Deal
from notifications.models import Notification
from nzila_export.stored_text import stored_text_read
from payments import fraud
from payments.gateways.sandbox import SandboxGateway
from payments.gateways.stripe import fraud_parameters
from payments.models import LedgerEntry, Payment, PaymentStatus
from payments.tests.factories import PayableDealFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/payments/"
OLD = timedelta(days=90)


def pay(client, deal, amount, key="key-1", **extra):
    body = {"deal": deal.pk, "amount": amount, "currency": "CAD", "method": "sandbox", **extra}
    return client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def risky_deal(*, new_account=False, country="", rapid=False, **kwargs):
    buyer = BuyerFactory(date_joined=timezone.now() - (timedelta(days=1) if new_account else OLD), country=country)
    changed = timezone.now() - (timedelta(seconds=30) if rapid else timedelta(hours=1))
    return PayableDealFactory(buyer=buyer, status_changed_at=changed, **kwargs)


# --- Velocity ----------------------------------------------------------------------------------------


def test_the_third_attempt_of_the_day_is_taken_and_the_fourth_refused_429(client_for, todays_rates):
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    for index in range(3):
        assert pay(client, deal, "100", key=f"k{index}").status_code == 201
    refused = pay(client, deal, "100", key="k3")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert not refused.has_header("X-RateLimit-Limit")  # a fraud limit is not a throttle: its count stays ours
    assert refused.json()["code"] == "too_many_attempts"
    assert "attempt" not in refused.json()["detail"].lower()  # says nothing of the rule
    assert Payment.objects.count() == 3
    assert AuditLog.objects.get(action="payment.refused").changes == {"limit": "attempts_per_day"}
    assert pay(client, deal, "100", key="k0").status_code == 200  # a replay is not an attempt


def test_the_fifth_card_of_the_month_is_taken_and_the_sixth_refused_403(client_for, todays_rates, settings):
    settings.FRAUD_MAX_ATTEMPTS_PER_USER_PER_DAY = 100
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    for index in range(5):
        assert pay(client, deal, "10", key=f"k{index}", payment_method=f"pm_{index}").status_code == 201
    assert pay(client, deal, "10", key="again", payment_method="pm_0").status_code == 201  # a known card
    refused = pay(client, deal, "10", key="k5", payment_method="pm_5")
    assert (refused.status_code, refused.json()["code"]) == (403, "too_many_attempts")
    assert AuditLog.objects.get(action="payment.refused").changes == {"limit": "cards_per_month"}


def test_ten_failures_from_an_ip_in_an_hour_refuse_the_next_attempt(client_for, todays_rates, settings):
    settings.FRAUD_MAX_ATTEMPTS_PER_USER_PER_DAY = 100
    for _ in range(9):
        fraud.ip_failure_record(ip_address="127.0.0.1")
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    assert pay(client, deal, "100.13", key="tenth-failure").status_code == 402  # the tenth failure
    refused = pay(client, deal, "100", key="after")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) <= 3601
    assert AuditLog.objects.get(action="payment.refused").changes == {"limit": "ip_failures_per_hour"}


# --- Risk signals ------------------------------------------------------------------------------------


def codes(risk):
    return {reason.code: reason.points for reason in risk.reasons}


def test_an_established_buyer_paying_a_small_amount_scores_nothing():
    deal = risky_deal()
    risk = fraud.payment_risk_assess(payer=deal.buyer, deal=deal, amount_cad=Decimal("500"))
    assert (risk.score, risk.reasons, risk.decision) == (0, [], fraud.DECISION_PROCEED)


@pytest.mark.parametrize(
    ("deal_kwargs", "assess_kwargs", "code", "points", "reason"),
    [
        ({"new_account": True}, {}, "new_account", 20, "The buyer's account is less than 7 days old."),
        ({}, {"amount_cad": Decimal("10000.01")}, "high_value", 15, "The payment is over CAD 10,000."),
        (
            {"country": "CI"}, {"billing_country": "NG"}, "country_mismatch", 25,
            "The billing country NG differs from the account's country (CI).",
        ),
        (
            {"country": "CI"}, {"phone": "+254712345678"}, "country_mismatch", 25,
            "The phone country KE differs from the account's country (CI).",
        ),
        ({"rapid": True}, {}, "rapid_checkout", 10, "Paid less than 2 minutes after the deal became payable."),
    ],
)  # fmt: skip
def test_each_signal_adds_its_points_with_its_reason(deal_kwargs, assess_kwargs, code, points, reason):
    deal = risky_deal(**deal_kwargs)
    risk = fraud.payment_risk_assess(payer=deal.buyer, deal=deal, **{"amount_cad": Decimal("100"), **assess_kwargs})
    assert [reason_.as_dict() for reason_ in risk.reasons] == [{"code": code, "points": points, "reason": reason}]
    assert risk.score == points


def test_boundaries_of_the_value_and_rapid_signals_and_same_country():
    deal = risky_deal(country="CI")
    assert fraud.payment_risk_assess(payer=deal.buyer, deal=deal, amount_cad=Decimal("10000")).score == 0
    assert fraud.payment_risk_assess(
        payer=deal.buyer, deal=deal, amount_cad=Decimal("1"), billing_country="CI", phone="+2250701020304"
    ).score == 0  # fmt: skip
    deal.status_changed_at = timezone.now() - timedelta(minutes=2, seconds=1)
    assert fraud.payment_risk_assess(payer=deal.buyer, deal=deal, amount_cad=Decimal("1")).score == 0


def test_recent_failures_of_the_buyer_add_points(client_for, todays_rates, settings):
    settings.FRAUD_MAX_ATTEMPTS_PER_USER_PER_DAY = 100
    deal = risky_deal()
    client = client_for(deal.buyer)
    for index in range(3):
        pay(client, deal, "100.13", key=f"declined-{index}")
    risk = fraud.payment_risk_assess(payer=deal.buyer, deal=deal, amount_cad=Decimal("100"))
    assert codes(risk) == {"recent_failures": 15}


def test_the_bands():
    assert fraud.PaymentRisk(score=29).decision == fraud.DECISION_PROCEED
    assert fraud.PaymentRisk(score=30).decision == fraud.DECISION_REVIEW
    assert fraud.PaymentRisk(score=60).decision == fraud.DECISION_REVIEW
    assert fraud.PaymentRisk(score=61).decision == fraud.DECISION_BLOCK


def test_the_deal_engine_reads_the_same_signals():
    deal = risky_deal(new_account=True, country="NG")
    flags = [stored_text_read(flag) for flag in FraudDetectionEngine().assess_deal_risk(deal).red_flags]
    assert "The buyer's account is less than 7 days old." in flags
    assert "The buyer's country (NG) is not the destination (CI)." in flags


# --- The three bands through the API ------------------------------------------------------------------


def test_a_low_risk_payment_proceeds_and_its_score_is_stored(client_for, todays_rates):
    deal = risky_deal(rapid=True)
    response = pay(client_for(deal.buyer), deal, "100")
    assert response.status_code == 201
    payment = Payment.objects.get()
    assert (payment.status, payment.fraud_risk_score) == (PaymentStatus.SUCCEEDED, 10)
    assert payment.fraud_reasons[0]["code"] == "rapid_checkout"
    assert response.json()["fraud_risk_score"] is None  # the buyer is not shown the reasons
    staff_view = client_for(StaffFactory()).get(f"{URL}{payment.pk}/").json()
    assert (staff_view["fraud_risk_score"], staff_view["fraud_reasons"][0]["points"]) == (10, 10)


def test_a_medium_risk_payment_is_held_charging_nothing_and_the_buyer_is_told(client_for, todays_rates, monkeypatch):
    staff = StaffFactory()
    deal = risky_deal(new_account=True, rapid=True)  # 20 + 10 = 30
    charges = []
    monkeypatch.setattr(SandboxGateway, "charge", lambda self, **kwargs: charges.append(kwargs))
    response = pay(client_for(deal.buyer), deal, "100")
    assert response.status_code == 202
    assert response.json()["status"] == "held"
    payment = Payment.objects.get()
    assert (payment.status, payment.fraud_risk_score) == (PaymentStatus.HELD, 30)
    assert LedgerEntry.objects.count() == 0
    assert charges == []
    assert Notification.objects.filter(event="payment.held", user=deal.buyer).exists()
    assert Notification.objects.filter(event="payment.review_needed", user=staff).exists()


def test_a_high_risk_payment_is_blocked_403_and_staff_alerted(client_for, todays_rates):
    staff = StaffFactory()
    deal = risky_deal(new_account=True, rapid=True, country="CI")  # 20 + 10 + 25 + 15 = 70
    response = pay(client_for(deal.buyer), deal, "10500", billing_country="NG")
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "payment_refused"
    assert "country" not in body["detail"].lower()
    payment = Payment.objects.get()
    assert (payment.status, payment.failure_code, payment.fraud_risk_score) == (
        PaymentStatus.FAILED, "risk_blocked", 70
    )  # fmt: skip
    assert {reason["code"] for reason in payment.fraud_reasons} == {
        "new_account", "rapid_checkout", "country_mismatch", "high_value"
    }  # fmt: skip
    assert LedgerEntry.objects.count() == 0
    assert Notification.objects.filter(event="payment.blocked", user=staff).exists()
    assert AuditLog.objects.filter(action="payment.blocked", object_id=str(payment.pk)).exists()
    client = client_for(deal.buyer)
    replay = pay(client, deal, "10500", billing_country="NG")
    assert (replay.status_code, replay.json()["code"]) == (403, "payment_refused")
    assert client.get(f"{URL}{payment.pk}/").json()["failure_code"] == "payment_refused"


# --- Review ------------------------------------------------------------------------------------------


def held_payment(client_for):
    deal = risky_deal(new_account=True, rapid=True)
    assert pay(client_for(deal.buyer), deal, "18000.00").status_code == 202  # 20 + 10 + 15
    return Payment.objects.get()


def test_staff_approve_a_held_payment_and_it_is_charged(client_for, todays_rates):
    payment = held_payment(client_for)
    staff = StaffFactory()
    response = client_for(staff).post(f"{URL}{payment.pk}/review/", {"decision": "approve", "note": "Known buyer"})
    assert response.status_code == 200, response.json()
    payment.refresh_from_db()
    assert (payment.status, payment.review_decision, payment.reviewed_by) == (PaymentStatus.SUCCEEDED, "approve", staff)
    assert LedgerEntry.objects.get().payment == payment
    payment.deal.refresh_from_db()
    assert payment.deal.status == "paid"
    record = AuditLog.objects.get(action="payment.review_approve")
    assert (record.user, record.changes) == (
        staff, {"status": ["held", "pending"], "amount": "18000.00", "currency": "CAD", "note": "Known buyer"}
    )  # fmt: skip
    again = client_for(staff).post(f"{URL}{payment.pk}/review/", {"decision": "approve"})
    assert again.status_code == 409


def test_staff_reject_a_held_payment_and_the_buyer_is_told(client_for, todays_rates):
    payment = held_payment(client_for)
    response = client_for(StaffFactory()).post(f"{URL}{payment.pk}/review/", {"decision": "reject", "note": "No"})
    assert response.status_code == 200
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "review_rejected")
    assert LedgerEntry.objects.count() == 0
    assert Notification.objects.filter(event="payment.failed", user=payment.payer).exists()


def test_only_staff_review_and_bad_input_is_400(client_for, todays_rates):
    payment = held_payment(client_for)
    assert client_for(payment.payer).post(f"{URL}{payment.pk}/review/", {"decision": "approve"}).status_code == 403
    staff = client_for(StaffFactory())
    assert staff.post(f"{URL}{payment.pk}/review/", {"decision": "maybe"}).status_code == 400
    assert staff.post(f"{URL}{payment.pk}/review/", {}).status_code == 400


def test_staff_approve_held_payments_in_the_admin(client_for, todays_rates, client, admin_login):
    payment = held_payment(client_for)
    staff = StaffFactory(is_superuser=True)
    admin_login(client, staff)
    response = client.post(
        "/admin/payments/payment/", {"action": "approve_held_payments", "_selected_action": [payment.pk]}
    )
    assert response.status_code == 302
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert client.get(f"/admin/payments/payment/{payment.pk}/change/").status_code == 200


# --- Stripe ------------------------------------------------------------------------------------------


def test_a_card_payment_over_cad_1000_goes_to_stripe_with_3d_secure_and_the_radar_session(
    client_for, todays_rates, on_stripe, monkeypatch
):
    sent = []
    create = stripe.PaymentIntentService.create

    def recording_create(self, params=None, options=None):
        sent.append(params)
        # localstripe refuses radar_options (Stripe takes it: docs.stripe.com/radar/radar-session).
        return create(self, {key: value for key, value in params.items() if key != "radar_options"}, options)

    monkeypatch.setattr(stripe.PaymentIntentService, "create", recording_create)
    deal = PayableDealFactory()
    body = {"deal": deal.pk, "amount": "1500.00", "currency": "CAD", "method": "card",
            "payment_method": "pm_card_visa", "radar_session": "rse_123"}  # fmt: skip
    response = client_for(deal.buyer).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert response.status_code == 201, response.json()
    assert sent[0]["payment_method_options"] == {"card": {"request_three_d_secure": "any"}}
    assert sent[0]["radar_options"] == {"session": "rse_123"}
    assert Payment.objects.get().radar_session == "rse_123"


def test_a_held_card_payment_approved_by_staff_reaches_stripe_with_everything_the_buyer_sent(
    client_for, todays_rates, on_stripe, monkeypatch
):
    sent = []
    create = stripe.PaymentIntentService.create

    def recording_create(self, params=None, options=None):
        sent.append((params, options))
        return create(self, {key: value for key, value in params.items() if key != "radar_options"}, options)

    monkeypatch.setattr(stripe.PaymentIntentService, "create", recording_create)
    deal = risky_deal(new_account=True, rapid=True)  # 20 + 10: held
    body = {"deal": deal.pk, "amount": "1500.00", "currency": "CAD", "method": "card",
            "payment_method": "pm_card_visa", "radar_session": "rse_held"}  # fmt: skip
    held = client_for(deal.buyer).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert (held.status_code, held.json()["status"], sent) == (202, "held", [])
    approved = client_for(StaffFactory()).post(f"{URL}{held.json()['id']}/review/", {"decision": "approve"})
    assert approved.status_code == 200, approved.json()
    params, options = sent[0]
    assert (params["payment_method"], params["confirm"], params["amount"], params["currency"]) == (
        "pm_card_visa", True, 150000, "cad"
    )  # fmt: skip
    assert params["radar_options"] == {"session": "rse_held"}
    assert params["payment_method_options"] == {"card": {"request_three_d_secure": "any"}}
    assert options == {"idempotency_key": f"payment-{held.json()['id']}"}
    assert approved.json()["provider_reference"].startswith("pi_")


def test_stripe_asks_for_3d_secure_over_cad_1000_and_passes_the_radar_session():
    small = Payment(amount_cad=Decimal("1000"), radar_session="")
    assert fraud_parameters(small) == {}
    large = Payment(amount_cad=Decimal("1000.01"), radar_session="rse_123")
    assert fraud_parameters(large) == {
        "payment_method_options": {"card": {"request_three_d_secure": "any"}},
        "radar_options": {"session": "rse_123"},
    }


def test_staff_reject_held_payments_in_the_admin(client_for, todays_rates, client, admin_login):
    payment = held_payment(client_for)
    admin_login(client, StaffFactory(is_superuser=True))
    response = client.post(
        "/admin/payments/payment/", {"action": "reject_held_payments", "_selected_action": [payment.pk]}
    )
    assert response.status_code == 302
    payment.refresh_from_db()
    assert (payment.status, payment.review_note) == (PaymentStatus.FAILED, "Reviewed in the admin")
    assert Notification.objects.filter(event="payment.failed", user=payment.payer).exists()


def test_approving_a_held_payment_of_a_deal_no_longer_payable_is_409(client_for, todays_rates):
    payment = held_payment(client_for)
    Deal.objects.filter(pk=payment.deal_id).update(is_on_hold=True, hold_reason="Disputed")
    response = client_for(StaffFactory()).post(f"{URL}{payment.pk}/review/", {"decision": "approve"})
    assert response.status_code == 409
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.HELD


def test_bad_fraud_input_is_a_4xx_never_a_500(client_for, todays_rates):
    deal = PayableDealFactory()
    response = pay(client_for(deal.buyer), deal, "100", billing_country="ZZ")
    assert (response.status_code, list(response.json()["fields"])) == (400, ["billing_country"])
    staff = client_for(StaffFactory())
    assert staff.post(f"{URL}999999/review/", {"decision": "approve"}).status_code == 404
    payment = held_payment(client_for)
    assert staff.post(f"{URL}{payment.pk}/review/", {"decision": "reject", "note": "x" * 256}).status_code == 400
