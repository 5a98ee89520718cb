from celery import shared_task

from recommendations.services import recommendation_tables_rebuild


@shared_task
def rebuild_recommendation_tables() -> dict:
    """Every 6 hours: the collaborative neighbours and the popularity, from the latest interactions."""
    rebuilt = recommendation_tables_rebuild()
    return {"interactions": rebuilt.interactions, "neighbours": rebuilt.neighbours, "popularity": rebuilt.popularity}
