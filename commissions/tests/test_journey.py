"""A broker's commission as its users meet it through the API: the buyer completes the deal, the broker
sees its commission (and no other broker does), the weekly job approves it after the dispute window, staff
pay it by MTN MoMo, and the broker's summary says so to the cent."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.tests.factories import BrokerFactory, StaffFactory
from commissions.services.payouts import broker_payout_account_set
from commissions.tests.conftest import delivered_deal
from commissions.tests.test_payouts_mobile_money import (  # noqa: F401 (the fixture)
    TRANSFER_STATUS_URL,
    TRANSFER_URL,
    on_disbursement,
    transfer_resource,
)

pytestmark = pytest.mark.django_db


def test_a_brokers_commission_from_completion_to_paid(
    client_for,
    standard_plan,
    broker,
    todays_rates,
    on_disbursement,  # noqa: F811
):
    deal = delivered_deal(broker=broker)
    staff, other_broker = StaffFactory(), BrokerFactory()
    broker_payout_account_set(broker=broker, mobile_money_phone="+2250701234567")

    completed = client_for(deal.buyer).post(f"/api/v1/deals/{deal.pk}/transition/", {"to": "completed"}, format="json")
    assert completed.status_code == 200, completed.json()

    mine = client_for(broker).get("/api/v1/commissions/").json()["results"]
    assert [(row["deal"], row["status"], row["amount_cad"]) for row in mine] == [(deal.pk, "pending", "360.00")]
    assert client_for(other_broker).get("/api/v1/commissions/").json()["count"] == 0
    assert client_for(other_broker).get(f"/api/v1/commissions/{mine[0]['id']}/").status_code == 404

    window_passed = timezone.localdate() + timedelta(days=15)
    call_command("process_pending_commissions", "--date", window_passed.isoformat())
    commission = client_for(broker).get(f"/api/v1/commissions/{mine[0]['id']}/").json()
    assert commission["status"] == "approved"

    on_disbursement.post(TRANSFER_URL, status=202)
    on_disbursement.get(TRANSFER_STATUS_URL, json=transfer_resource())
    payout_url = f"/api/v1/commissions/{commission['id']}/payout/"
    paid = client_for(staff).post(payout_url, {"rail": "mtn_momo"}, format="json")
    assert paid.status_code == 201, paid.json()
    assert (paid.json()["status"], paid.json()["amount_cad"], paid.json()["currency"]) == ("succeeded", "360.00", "XOF")

    summary = client_for(broker).get(f"/api/v1/commissions/summary/?year={timezone.localdate().year}").json()
    assert (summary["earned"], summary["paid"], summary["pending"], summary["approved"]) == (
        "360.00", "360.00", "0.00", "0.00",
    )  # fmt: skip
