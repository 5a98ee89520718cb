from celery import shared_task

from payments.services.rates import exchange_rates_update


@shared_task
def update_exchange_rates() -> dict:
    """Daily (beat, 00:30 Toronto): read the feeds, derive the CFA francs, alert staff about stale rates.
    Idempotent: a second run stores the same day's rows again and changes nothing else."""
    report = exchange_rates_update()
    return {"stored": report.stored, "missing": report.missing, "errors": report.errors, "stale": report.stale}
