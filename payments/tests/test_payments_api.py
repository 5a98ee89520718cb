from decimal import Decimal

import pytest

from accounts.tests.factories import BrokerFactory, BuyerFactory, StaffFactory
from audit.models import AuditLog
from deals.models import DealStatus
from notifications.models import Notification
from payments.models import LedgerEntry, LedgerEntryKind, Payment, PaymentStatus
from payments.selectors import deal_amount_paid, deal_balance
from payments.tests.factories import PayableDealFactory
from vehicles.models import VehicleStatus

pytestmark = pytest.mark.django_db

URL = "/api/v1/payments/"


def pay(client, deal, amount, currency="CAD", key="key-1", method="card"):
    body = {"deal": deal.pk, "amount": amount, "currency": currency, "method": method}
    return client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_buyer_pays_the_agreed_price_and_the_deal_moves_to_paid(client_for, todays_rates):
    deal = PayableDealFactory()
    response = pay(client_for(deal.buyer), deal, "18000.00")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["amount"], body["currency"], body["amount_cad"]) == (
        "succeeded", "18000.00", "CAD", "18000.00"
    )  # fmt: skip
    assert body["provider"] == "sandbox"
    assert body["provider_reference"].startswith("sbx_")
    entry = LedgerEntry.objects.get()
    assert (entry.kind, entry.amount, entry.deal_amount, entry.amount_cad) == (
        LedgerEntryKind.CHARGE, Decimal("18000.000"), Decimal("18000.000"), Decimal("18000.00")
    )  # fmt: skip
    deal.refresh_from_db()
    assert deal.status == DealStatus.PAID
    assert deal.vehicle.status == VehicleStatus.SOLD
    assert deal.events.get(to_status=DealStatus.PAID).reason == "Payments cover the agreed price"
    received = Notification.objects.filter(event="payment.received")
    assert {note.user for note in received} == {deal.buyer, deal.dealer}
    assert set(AuditLog.objects.filter(model_name="payments.Payment").values_list("action", flat=True)) == {
        "payment.create", "payment.succeeded"
    }  # fmt: skip


def test_partial_payments_add_up_before_the_deal_moves(client_for, todays_rates):
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    assert pay(client, deal, "10000", key="a").status_code == 201
    deal.refresh_from_db()
    assert (deal.status, deal_amount_paid(deal=deal), deal_balance(deal=deal)) == (
        DealStatus.PENDING_PAYMENT, Decimal("10000.00"), Decimal("8000.00")
    )  # fmt: skip
    over = pay(client, deal, "8000.01", key="b")
    assert over.status_code == 400
    assert over.json()["fields"]["amount"] == ["That is 8000.01 CAD; 8000.00 CAD is due."]
    assert pay(client, deal, "8000", key="c").status_code == 201
    deal.refresh_from_db()
    assert deal.status == DealStatus.PAID
    assert deal_balance(deal=deal) == Decimal("0.00")


def test_paying_in_xof_converts_at_the_days_rate_recorded_both_ways(client_for, todays_rates):
    deal = PayableDealFactory(agreed_price=Decimal("5000.00"))
    response = pay(client_for(deal.buyer), deal, "1000000", currency="XOF")
    assert response.status_code == 201, response.json()
    body = response.json()
    # 1 XOF = 1.6150 / 655.957 CAD = 0.002462051628; 1,000,000 XOF = 2462.051628 → 2462.05 CAD
    assert (body["amount"], body["deal_amount"], body["deal_currency"]) == ("1000000", "2462.05", "CAD")
    assert (body["amount_cad"], body["cad_rate"], body["deal_rate"]) == (
        "2462.05", "0.002462051628", "0.002462051628"
    )  # fmt: skip
    entry = LedgerEntry.objects.get()
    assert (entry.amount, entry.currency, entry.deal_amount) == (Decimal("1000000"), "XOF", Decimal("2462.05"))
    assert deal_balance(deal=deal) == Decimal("2537.95")


def test_the_payment_messages_print_each_amount_as_its_currency_is_written(client_for, todays_rates):
    """Whole francs for XOF, cents for CAD, in the reader's language (they printed the stored amounts raw: a
    French reader got "2,000 XOF" for two francs, and "200.000 CAD")."""
    deal = PayableDealFactory(
        agreed_price=Decimal("5400000"), currency="XOF", buyer__preferred_language="fr", dealer__preferred_language="en"
    )
    assert pay(client_for(deal.buyer), deal, "1000000", currency="XOF").status_code == 201

    to_buyer = Notification.objects.get(event="payment.received", user=deal.buyer)  # a title's spaces are plain
    to_dealer = Notification.objects.get(event="payment.received", user=deal.dealer)
    assert to_buyer.title == f"Paiement de 1 000 000 F CFA reçu pour la transaction {deal.pk}"
    assert (
        "Payé à ce jour : 1\u202f000\u202f000\xa0F\u202fCFA sur 5\u202f400\u202f000\xa0F\u202fCFA. "
        "Reste dû : 4\u202f400\u202f000\xa0F\u202fCFA." in to_buyer.body
    )
    assert to_dealer.title == f"Payment of F CFA 1,000,000 received for deal {deal.pk}"


def test_an_xof_deal_refuses_fractions_of_a_franc(client_for, todays_rates):
    deal = PayableDealFactory(currency="XOF", agreed_price=Decimal("12000000"))
    response = pay(client_for(deal.buyer), deal, "5000.5", currency="XOF")
    assert response.status_code == 400
    assert response.json()["fields"] == {"amount": ["5000.500 has more decimals than XOF allows."]}
    over = pay(client_for(deal.buyer), deal, "12000001", currency="XOF", key="over")
    assert over.json()["fields"] == {"amount": ["That is 12000001 XOF; 12000000 XOF is due."]}  # not "12000000.00"
    assert not Payment.objects.exists()


def test_no_rate_for_the_currency_is_refused_not_guessed(client_for):
    deal = PayableDealFactory()
    response = pay(client_for(deal.buyer), deal, "100000", currency="NGN")
    assert response.status_code == 422
    assert response.json()["code"] == "exchange_rate_unavailable"
    assert not Payment.objects.exists()


def test_same_key_and_body_answer_the_same_payment_charged_once(client_for, todays_rates):
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    first = pay(client, deal, "1000.00", key="same")
    again = pay(client, deal, "1000", key="same")  # the same amount, written differently
    assert (first.status_code, again.status_code) == (201, 200)
    assert again["Idempotent-Replayed"] == "true"
    assert first.json()["id"] == again.json()["id"]
    assert LedgerEntry.objects.count() == 1
    other = pay(client, deal, "2000.00", key="same")
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert Payment.objects.count() == 1


def test_the_idempotency_key_is_required(client_for, todays_rates):
    deal = PayableDealFactory()
    response = client_for(deal.buyer).post(
        URL, {"deal": deal.pk, "amount": "10", "currency": "CAD", "method": "card"}, format="json"
    )
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["fields"]


def test_a_declined_card_is_402_with_its_reason_and_the_failure_is_kept(client_for, todays_rates):
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    response = pay(client, deal, "100.13", key="declined")
    assert response.status_code == 402
    body = response.json()
    assert (body["status"], body["code"], body["detail"]) == (402, "card_declined", "Your card was declined.")
    payment = Payment.objects.get(pk=body["payment"])
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "card_declined")
    assert not LedgerEntry.objects.exists()
    assert Notification.objects.get(event="payment.failed").user == deal.buyer
    replay = pay(client, deal, "100.13", key="declined")
    assert (replay.status_code, replay.json()["payment"]) == (402, payment.pk)
    assert Payment.objects.count() == 1
    deal.refresh_from_db()
    assert deal.status == DealStatus.PENDING_PAYMENT
    deal.buyer.preferred_language = "fr"
    deal.buyer.save()
    assert client.get(f"{URL}{payment.pk}/").json()["failure_reason"] == "Votre carte a été refusée."


def test_3d_secure_requires_action_then_confirm_records_one_charge(client_for, todays_rates):
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    response = pay(client, deal, "18000.33")
    assert response.status_code == 400  # more than is due
    response = pay(client, deal, "17000.33", key="3ds")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "requires_action"
    assert body["client_secret"].startswith(body["provider_reference"])
    assert not LedgerEntry.objects.exists()
    assert client_for(deal.dealer).get(f"{URL}{body['id']}/").json()["client_secret"] == ""
    confirmed = client.post(f"{URL}{body['id']}/confirm/")
    assert (confirmed.status_code, confirmed.json()["status"]) == (200, "succeeded")
    assert client.post(f"{URL}{body['id']}/confirm/").status_code == 200
    assert LedgerEntry.objects.filter(kind=LedgerEntryKind.CHARGE).count() == 1
    failing = pay(client, deal, "10.34", key="3ds-fails")
    declined = client.post(f"{URL}{failing.json()['id']}/confirm/")
    assert (declined.status_code, declined.json()["code"]) == (402, "authentication_failed")


def test_only_the_buyer_or_staff_pay_and_anonymous_callers_never(client_for, api_client, todays_rates):
    deal = PayableDealFactory()
    assert pay(client_for(deal.dealer), deal, "10", key="d").status_code == 403
    other = pay(client_for(BuyerFactory()), deal, "10", key="o")
    assert (other.status_code, other.json()["fields"]) == (400, {"deal": ["No such deal among yours."]})
    assert pay(api_client, deal, "10", key="x").status_code == 401
    assert not Payment.objects.exists()
    staff = StaffFactory()
    made = pay(client_for(staff), deal, "10", key="s")
    assert made.status_code == 201
    assert made.json()["payer"] == deal.buyer.pk


def test_a_deal_not_pending_payment_takes_no_payment(client_for, todays_rates):
    deal = PayableDealFactory(status=DealStatus.PENDING_DOCUMENTS)
    response = pay(client_for(deal.buyer), deal, "10")
    assert (response.status_code, response.json()["code"]) == (409, "deal_not_payable")
    held = PayableDealFactory(is_on_hold=True, hold_reason="risk")
    assert pay(client_for(held.buyer), held, "10").status_code == 409
    mobile = {"deal": held.pk, "amount": "1000", "currency": "KES", "method": "mpesa", "phone": "+254708374149"}
    assert client_for(held.buyer).post(URL, mobile, format="json", HTTP_IDEMPOTENCY_KEY="m").status_code == 409
    assert not Payment.objects.exists()


def test_a_french_buyer_gets_french_refusals(client_for, todays_rates):
    """A buyer whose profile is in French: the services' refusals, the view's and the provider's decline
    all come in French (CONVENTIONS.md, Languages)."""
    nbsp = "\u00a0"  # French typography: before a colon or semicolon, inside « »
    not_payable = PayableDealFactory(status=DealStatus.PENDING_DOCUMENTS, buyer__preferred_language="fr")
    refused = pay(client_for(not_payable.buyer), not_payable, "10")
    assert (refused.status_code, refused["Content-Language"], refused.json()["code"]) == (409, "fr", "deal_not_payable")
    assert refused.json()["detail"] == (
        f"La transaction est au statut «{nbsp}en attente de documents{nbsp}»{nbsp}: les paiements ne sont "
        "acceptés que lorsqu'elle est en attente de paiement."
    )
    deal = PayableDealFactory(buyer__preferred_language="fr")
    client = client_for(deal.buyer)
    over = pay(client, deal, "18000.01", key="over")
    assert over.status_code == 400
    assert over.json()["fields"]["amount"] == [f"Cela fait 18000.01 CAD{nbsp}; le montant dû est de 18000.00 CAD."]
    keyless = client.post(URL, {"deal": deal.pk, "amount": "10", "currency": "CAD", "method": "card"}, format="json")
    assert keyless.json()["fields"]["Idempotency-Key"] == [
        f"Cet en-tête est obligatoire{nbsp}: une clé unique par paiement."
    ]
    declined = pay(client, deal, "100.13", key="declined")
    assert (declined.status_code, declined.json()["detail"]) == (402, "Votre carte a été refusée.")
    assert not LedgerEntry.objects.exists()


def test_mobile_money_needs_the_payers_phone(client_for, todays_rates):
    deal = PayableDealFactory()
    response = pay(client_for(deal.buyer), deal, "10", method="mpesa")
    assert (response.status_code, response.json()["fields"]) == (
        400, {"phone": ["A valid mobile number in international format (+254712345678)."]}
    )  # fmt: skip


def test_payments_and_transactions_are_scoped_to_the_parties(client_for, todays_rates):
    broker = BrokerFactory()
    deal = PayableDealFactory(broker=broker)
    other_deal = PayableDealFactory()
    pay(client_for(deal.buyer), deal, "100", key="1")
    pay(client_for(other_deal.buyer), other_deal, "200", key="2")

    def ids(user, path):
        return sorted(row["id"] for row in client_for(user).get(path).json()["results"])

    mine = list(Payment.objects.filter(deal=deal).values_list("id", flat=True))
    for party in (deal.buyer, deal.dealer, broker):
        assert ids(party, URL) == mine
        assert ids(party, "/api/v1/transactions/") == list(
            LedgerEntry.objects.filter(deal=deal).values_list("id", flat=True)
        )
    assert ids(BuyerFactory(), URL) == []
    assert len(ids(StaffFactory(), URL)) == 2
    assert client_for(BuyerFactory()).get(f"{URL}{mine[0]}/").status_code == 404


def test_list_filters_and_query_count(client_for, todays_rates, django_assert_max_num_queries, settings):
    settings.FRAUD_MAX_ATTEMPTS_PER_USER_PER_DAY = 4  # four payments of one buyer to list (test_fraud tests the limit)
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    for index in range(3):
        pay(client, deal, "100", key=f"k{index}")
    pay(client, deal, "100.13", key="declined")
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"status": "failed"})
    assert [row["status"] for row in response.json()["results"]] == ["failed"]
    assert client.get(URL, {"status": "nonsense"}).status_code == 400


def test_staff_export_the_ledger_as_csv_and_others_cannot(client_for, todays_rates):
    deal = PayableDealFactory()
    pay(client_for(deal.buyer), deal, "1500.00")
    staff = StaffFactory()
    response = client_for(staff).get("/api/v1/transactions/export/", {"deal": deal.pk, "ordering": "created_at"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("id,created_at,kind,payment,deal,amount,currency")
    assert ",charge," in lines[1]
    assert ",1500.00,CAD,1500.00,CAD,1500.00," in lines[1]
    record = AuditLog.objects.get(action="ledger.export")
    assert (record.user, record.changes) == (
        staff, {"format": "csv", "filters": {"deal": str(deal.pk), "ordering": "created_at"}, "rows": 1}
    )  # fmt: skip
    assert client_for(deal.buyer).get("/api/v1/transactions/export/").status_code == 403
    assert AuditLog.objects.filter(action="ledger.export").count() == 1  # a refused export is not one


def test_the_hourly_job_leaves_a_sandbox_payment_awaiting_3d_secure_as_it_is(client_for, todays_rates):
    from datetime import timedelta

    from django.utils import timezone

    from payments.services.payments import payments_pending_refresh

    deal = PayableDealFactory()
    pay(client_for(deal.buyer), deal, "100.33", key="3ds")
    Payment.objects.update(status_changed_at=timezone.now() - timedelta(hours=2))
    assert payments_pending_refresh(older_than=timedelta(minutes=30)) == {"checked": 1, "changed": 0, "unreachable": 0}
    assert Payment.objects.get().status == PaymentStatus.REQUIRES_ACTION


def test_each_reader_reads_why_the_deal_is_paid_in_their_language(client_for, todays_rates):
    """The platform's reason for the move to paid is kept as its English source and read in the reader's language
    (a French buyer read it in English)."""
    deal = PayableDealFactory(buyer__preferred_language="fr")
    assert pay(client_for(deal.buyer), deal, "18000.00").status_code == 201

    def paid_reasons(reader):
        timeline = client_for(reader).get(f"/api/v1/deals/{deal.pk}/timeline/").json()
        return [event["reason"] for event in timeline if event["to_status"] == DealStatus.PAID]

    assert paid_reasons(deal.buyer) == ["Les paiements couvrent le prix convenu"]
    assert paid_reasons(deal.dealer) == ["Payments cover the agreed price"]
