from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from payments.gateways import mobile_money_configured
from payments.gateways.mobile_money import MOBILE_MONEY_METHODS
from payments.models import WebhookEventStatus
from payments.services.mobile_money import mobile_money_pending_settle
from payments.services.payments import payments_pending_refresh
from payments.services.rates import exchange_rates_update
from payments.services.reconciliation import payments_reconcile, payments_reconcile_by_status
from payments.services.webhooks import webhook_event_process
from vehicles.services import vehicle_prices_revalue


@shared_task
def update_exchange_rates() -> dict:
    """Daily (beat, 00:30 Toronto): read the feeds, derive the CFA francs, alert staff about stale rates,
    then revalue in CAD the listings priced in other currencies. Idempotent: a second run stores the same
    day's rows again and changes nothing else."""
    report = exchange_rates_update()
    revalued = vehicle_prices_revalue()
    return {
        "stored": report.stored, "missing": report.missing, "errors": report.errors, "stale": report.stale,
        "listings_revalued": revalued,
    }  # fmt: skip


@shared_task
def process_pending_payments() -> dict:
    """Hourly (beat): settle payments a lost webhook left pending, by asking their provider; mobile-money
    payments past their rail's timeout are settled as their callback would, or expired. Idempotent: a
    payment already settled is left as it is."""
    counts = payments_pending_refresh(older_than=timedelta(minutes=settings.PAYMENTS_PENDING_CHECK_AFTER_MINUTES))
    return {**counts, "mobile_money": mobile_money_pending_settle()}


@shared_task
def reconcile_payments() -> str:
    """Daily (beat, 02:00 Toronto): reconcile yesterday's payments with Stripe, when Stripe is in use, and
    with each configured mobile-money rail (payment by payment: the rails list nothing)."""
    day = timezone.localdate() - timedelta(days=1)
    done = []
    if settings.STRIPE_SECRET_KEY:
        run = payments_reconcile(day=day)
        done.append(f"{run.date}: {run.status}")
    for method in MOBILE_MONEY_METHODS:
        if mobile_money_configured(method):
            run = payments_reconcile_by_status(day=day, method=method)
            done.append(f"{method} {run.date}: {run.status}")
    return "; ".join(done) or "skipped: Stripe is not configured"


@shared_task(bind=True, max_retries=6)
def process_webhook_event(self, event_id: int) -> str:
    """Apply a stored provider event. One that failed (typically: about a payment not stored yet) is
    retried with backoff, bounded; it stays failed on its row, in the admin, if it never succeeds, and a
    redelivery by the provider queues it again. Idempotent: a processed event is left alone."""
    event = webhook_event_process(event_id=event_id)
    if (
        event.status == WebhookEventStatus.FAILED
        and not self.request.is_eager
        and self.request.retries < self.max_retries
    ):
        raise self.retry(countdown=min(10 * 2**self.request.retries, 600))
    return event.status
