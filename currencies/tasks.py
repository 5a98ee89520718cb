from celery import shared_task

from currencies.hooks import RATES_UPDATED
from currencies.services import exchange_rates_update


@shared_task
def update_exchange_rates() -> dict:
    """Daily (beat, 00:30 Toronto): read the feeds, derive the CFA francs, alert staff about stale rates,
    then run the hooks registered for new rates (vehicles revalues in CAD the listings priced in other
    currencies). Idempotent: a second run stores the same day's rows again and changes nothing else."""
    report = exchange_rates_update()
    return {
        "stored": report.stored, "missing": report.missing, "errors": report.errors, "stale": report.stale,
        **RATES_UPDATED.announce(),
    }  # fmt: skip
