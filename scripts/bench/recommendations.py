"""Recommendations: how long one buyer's recommendations take with a cold cache (`recommendations_for`: the seeds,
the candidates the buyer's country admits, the content query, the neighbours, the popularity, the served weights
and the cards; no Redis list), and a listing's similar listings (`similar_listings_to`, uncached), over the
same buyers and listings (printed, not asserted).

Runs against the learned models' benchmark database (scripts/bench/_market.py: the generated market of 100,000
listings, made on the first run); rebuilds the neighbour and popularity tables when they are empty, and trains
the recommender there when no version is active (`train_recommender`, a few minutes).

    .venv/bin/python scripts/bench/recommendations.py [--listings 100000] [--buyers 200]
"""

import argparse
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench._market import market_prepare, report, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--listings", type=int, default=100_000, help="The market's size, on the first run.")
    parser.add_argument("--buyers", type=int, default=200)
    arguments = parser.parse_args()
    market_prepare(listings=arguments.listings)
    from django.core.management import call_command
    from django.utils import timezone

    from accounts.models import Role, User
    from ml.market_rows import generated_users
    from ml.models import ModelName
    from ml.selectors import active_model
    from recommendations.models import ItemNeighbour
    from recommendations.selectors import recommendations_for, similar_listings_to
    from recommendations.services import recommendation_tables_rebuild
    from vehicles.models import Vehicle, VehicleStatus, ViewHistory

    if not ItemNeighbour.objects.exists():
        recommendation_tables_rebuild()
    if active_model(name=ModelName.RECOMMENDATIONS) is None:
        call_command("train_recommender")
    recent_viewers = ViewHistory.objects.filter(
        viewed_at__gte=timezone.now() - timedelta(days=30), user__in=generated_users().filter(role=Role.BUYER)
    ).values("user_id")
    buyers = list(User.objects.filter(pk__in=recent_viewers).order_by("pk")[: arguments.buyers])
    listings = list(Vehicle.objects.filter(status=VehicleStatus.AVAILABLE).order_by("pk")[: arguments.buyers])
    recommendations_for(buyer=buyers[0])  # the served weights loaded once, as a serving process has
    report("a buyer's recommendations (cold cache)", timed(lambda buyer: recommendations_for(buyer=buyer), buyers))
    report(
        "a listing's similar listings (uncached)",
        timed(lambda vehicle: similar_listings_to(vehicle=vehicle, user=None), listings),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
