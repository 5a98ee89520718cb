from celery import shared_task

from ml.services import RetrainingFailed, models_retrain


# Training on years of history takes minutes, beyond the default 5: the bound is generous, the job monthly.
@shared_task(soft_time_limit=50 * 60, time_limit=55 * 60)
def retrain_models() -> list[str]:
    """Monthly (the 2nd, 04:00 Toronto): train every registered model and promote each new version that does at
    least as well as its rule and the active version on the same held-out split. A rerun only adds versions."""
    outcomes = models_retrain()
    failed = [outcome.name for outcome in outcomes if outcome.failed]
    if failed:
        raise RetrainingFailed(f"Training failed for {', '.join(failed)} (see the log).")
    return [outcome.describe() for outcome in outcomes]
