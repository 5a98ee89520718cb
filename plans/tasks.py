from celery import shared_task

from plans.selectors import subscriptions_in_dunning
from plans.services import subscription_dunning_advance


@shared_task
def advance_plan_dunning() -> dict:
    """Hourly (beat): each past-due subscription gets the dunning e-mail that is due, or lapses to Starter
    once its grace period has passed. Idempotent: each step is sent once (the row's dunning_step)."""
    outcomes: dict[str, int] = {}
    for subscription_id in subscriptions_in_dunning().values_list("pk", flat=True).iterator(chunk_size=500):
        outcome = subscription_dunning_advance(subscription_id=subscription_id)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
