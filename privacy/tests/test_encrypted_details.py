"""What is encrypted at rest (an identity number, payout details) in a person's own export, in clear, and
gone once the account is anonymized."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import User
from accounts.tests.factories import BrokerFactory, BuyerFactory
from commissions.services.payouts import broker_payout_account_set
from privacy.services.deletion import deletion_request, deletion_requests_process
from privacy.tests.conftest import zip_of

pytestmark = pytest.mark.django_db


def export_of(user, client_for, api_client) -> dict:
    answer = client_for(user).get("/api/v1/privacy/export/")
    assert answer.status_code == 200, answer.json()
    archive = zip_of(api_client.get(answer.json()["url"]))
    return {name: json.loads(archive.read(name)) for name in archive.namelist() if name.endswith(".json")}


def test_a_persons_export_holds_its_identity_number_and_payout_details_in_clear(client_for, api_client):
    broker = BrokerFactory()
    broker.identity_number = "CI-A0123456789"
    broker.save()
    broker_payout_account_set(broker=broker, mobile_money_phone="+254708374149", bank_details="KCB, account 0123456789")

    read = export_of(broker, client_for, api_client)

    assert read["profile.json"]["identity_number"] == "CI-A0123456789"
    assert read["commissions.json"]["payout_account"] == {
        "preferred_rail": "bank_transfer", "mobile_money_phone": "+254708374149", "stripe_account_id": "",
        "bank_details": "KCB, account 0123456789",
    }  # fmt: skip


def test_an_anonymized_accounts_identity_number_is_erased(settings):
    buyer = BuyerFactory()
    buyer.identity_number = "CI-A0123456789"
    buyer.save()
    deletion_request(user=buyer)

    deletion_requests_process(on=timezone.localdate() + timedelta(days=settings.PRIVACY_DELETION_GRACE_DAYS + 1))

    assert User.objects.get(pk=buyer.pk).identity_number == ""
    with connection.cursor() as cursor:
        cursor.execute("SELECT identity_number FROM accounts_user WHERE id = %s", [buyer.pk])
        assert cursor.fetchone() == ("",)
