"""Reconciliation against localstripe: planted discrepancies are found, a clean day is recorded clean."""

from decimal import Decimal

import pytest
import requests
from django.core.management import call_command
from django.utils import timezone

from accounts.tests.factories import StaffFactory
from notifications.models import Notification
from payments.models import Discrepancy, Payment, PaymentStatus, ReconciliationRun, ReconciliationStatus
from payments.services.reconciliation import payments_reconcile
from payments.tests.conftest import SECRET_KEY
from payments.tests.factories import PayableDealFactory, StripePaymentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_stripe(on_stripe, localstripe_url):
    """localstripe is shared by the session: start each reconciliation from an empty store."""
    requests.delete(f"{localstripe_url}/_config/data", auth=(SECRET_KEY, ""), timeout=5).raise_for_status()
    return on_stripe


def pay(client, deal, amount, key):
    body = {"deal": deal.pk, "amount": amount, "currency": "CAD", "method": "card", "payment_method": "pm_card_visa"}
    return client.post("/api/v1/payments/", body, format="json", HTTP_IDEMPOTENCY_KEY=key).json()


def test_a_clean_day_is_recorded_clean_and_reported(client_for, todays_rates, empty_stripe):
    staff = StaffFactory()
    deal = PayableDealFactory()
    pay(client_for(deal.buyer), deal, "1000.00", "a")
    pay(client_for(deal.buyer), deal, "2000.00", "b")
    run = payments_reconcile(day=timezone.localdate(), batch_size=1)  # one per page: the paging is exercised
    assert (run.status, run.provider_count, run.database_count) == (ReconciliationStatus.CLEAN, 2, 2)
    assert not run.discrepancies.exists()
    report = Notification.objects.get(event="payments.reconciliation", user=staff)
    assert report.title.endswith(": clean")


def test_planted_discrepancies_are_each_found(client_for, todays_rates, empty_stripe):
    deal = PayableDealFactory()
    client = client_for(deal.buyer)
    amount_changed = pay(client, deal, "1000.00", "a")
    status_changed = pay(client, deal, "2000.00", "b")
    pay(client, deal, "3000.00", "c")  # matches
    Payment.objects.filter(pk=amount_changed["id"]).update(amount=Decimal("999.00"))
    Payment.objects.filter(pk=status_changed["id"]).update(status=PaymentStatus.FAILED)
    ghost = StripePaymentFactory(deal=deal, provider_reference="pi_never_at_stripe")
    stray = empty_stripe.v1.payment_intents.create(
        params={"amount": 50000, "currency": "cad", "payment_method": "pm_card_visa", "confirm": True}
    )
    call_command("reconcile_payments", "--date", timezone.localdate().isoformat())
    run = ReconciliationRun.objects.get()
    assert run.status == ReconciliationStatus.DISCREPANCIES
    found = {(item.kind, item.provider_reference, item.ours, item.theirs) for item in Discrepancy.objects.all()}
    assert found == {
        ("amount_mismatch", amount_changed["provider_reference"], "999 CAD", "1000 CAD"),
        ("status_mismatch", status_changed["provider_reference"], "failed", "succeeded"),
        ("missing_at_provider", ghost.provider_reference, "requires_action", ""),
        ("missing_in_db", stray.id, "", "500 CAD succeeded"),
    }


def test_the_daily_job_skips_when_stripe_is_not_in_use(settings):
    from payments.tasks import reconcile_payments

    settings.STRIPE_SECRET_KEY = ""
    assert reconcile_payments.delay().get() == "skipped: Stripe is not configured"
    assert not ReconciliationRun.objects.exists()


def test_staff_see_runs_and_discrepancies_in_the_admin(client, todays_rates, empty_stripe, admin_login):
    StripePaymentFactory(provider_reference="pi_ghost")
    run = payments_reconcile(day=timezone.localdate())
    admin_login(client, StaffFactory(is_superuser=True))
    assert client.get("/admin/payments/reconciliationrun/?status__exact=discrepancies").status_code == 200
    page = client.get(f"/admin/payments/reconciliationrun/{run.pk}/change/")
    assert page.status_code == 200
    assert "pi_ghost" in page.content.decode()
