from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from payments.gateways import gateway_configured
from payments.gateways.mobile_money import MOBILE_MONEY_METHODS
from payments.models import PaymentMethod
from payments.services.mobile_money import mobile_money_pending_settle
from payments.services.payments import payments_pending_refresh
from payments.services.paystack import paystack_pending_settle
from payments.services.reconciliation import payments_reconcile, payments_reconcile_by_status


@shared_task
def process_pending_payments() -> dict:
    """Hourly (beat): settle payments a lost webhook left pending, by asking their provider; mobile-money
    payments past their rail's timeout, and Paystack checkouts, are settled as their callback would, or
    expired. Idempotent: a payment already settled is left as it is."""
    counts = payments_pending_refresh(older_than=timedelta(minutes=settings.PAYMENTS_PENDING_CHECK_AFTER_MINUTES))
    return {**counts, "mobile_money": mobile_money_pending_settle(), "paystack": paystack_pending_settle()}


@shared_task
def reconcile_payments() -> str:
    """Daily (beat, 02:00 Toronto): reconcile yesterday's payments with Stripe, when Stripe is in use, and
    with each configured mobile-money rail and Paystack (payment by payment, by status query)."""
    day = timezone.localdate() - timedelta(days=1)
    done = []
    if gateway_configured("stripe"):
        run = payments_reconcile(day=day)
        done.append(f"{run.date}: {run.status}")
    for method in (*MOBILE_MONEY_METHODS, PaymentMethod.PAYSTACK):  # Paystack verified one by one too
        if gateway_configured(method):
            run = payments_reconcile_by_status(day=day, method=method)
            done.append(f"{method} {run.date}: {run.status}")
    return "; ".join(done) or "skipped: Stripe is not configured"
