"""The precomputed tables (neighbours, popularity) and the weighting of interactions they are built from."""

import numpy as np
import pytest

from accounts.tests.factories import BuyerFactory
from recommendations.collaborative import item_neighbours_compute
from recommendations.interactions import (
    HALF_LIFE_SECONDS,
    MAX_LISTINGS_PER_ACTOR,
    Interactions,
    interaction_matrix,
    recency_decay,
)
from recommendations.models import ItemNeighbour, ItemPopularity
from recommendations.ranking import seeds_from
from recommendations.tasks import rebuild_recommendation_tables
from vehicles.models import VehicleStatus, ViewHistory
from vehicles.tests.factories import VehicleFactory


@pytest.mark.django_db
def test_the_rebuild_links_listings_viewed_together_and_ranks_them_by_country():
    a, b, d = VehicleFactory(), VehicleFactory(), VehicleFactory()
    sold = VehicleFactory(status=VehicleStatus.SOLD)
    first, second = BuyerFactory(country="NG"), BuyerFactory(country="NG")
    ViewHistory.objects.bulk_create(
        [ViewHistory(user=first, vehicle=vehicle) for vehicle in (a, b, sold)]
        + [ViewHistory(user=second, vehicle=vehicle) for vehicle in (a, b)]
        + [ViewHistory(session_key="visitor-1", vehicle=vehicle) for vehicle in (a, d)]
    )

    assert rebuild_recommendation_tables.delay().get() == {"interactions": 7, "neighbours": 6, "popularity": 5}

    neighbours = {(row.vehicle_id, row.neighbour_id): row.score for row in ItemNeighbour.objects.all()}
    # a is in 3 histories (norm √3), b in 2 (√2), both in 2: 2 / (√3 * √2 + 1), the 1 shrinking thin evidence.
    assert neighbours[(a.pk, b.pk)] == pytest.approx(2 / (np.sqrt(6) + 1), rel=1e-4)
    assert neighbours[(a.pk, d.pk)] == pytest.approx(1 / (np.sqrt(3) + 1), rel=1e-4)
    # Neighbours are listings the public sees; a sold listing still has its own (a buyer may have viewed it).
    assert set(neighbours) == {(a.pk, b.pk), (a.pk, d.pk), (b.pk, a.pk), (d.pk, a.pk), (sold.pk, a.pk), (sold.pk, b.pk)}
    popularity = {(row.country, row.vehicle_id): row.score for row in ItemPopularity.objects.all()}
    expected = {("", a.pk): 3, ("", b.pk): 2, ("", d.pk): 1, ("NG", a.pk): 2, ("NG", b.pk): 2}
    assert popularity == pytest.approx(expected, rel=1e-4)

    first_ids = set(ItemNeighbour.objects.values_list("id", flat=True))
    rebuild_recommendation_tables.delay()
    assert ItemNeighbour.objects.count() == len(first_ids)
    assert first_ids.isdisjoint(ItemNeighbour.objects.values_list("id", flat=True))  # replaced whole


def _interactions(actor: list[int], vehicle: list[int], actors: int) -> Interactions:
    return Interactions(
        actor=np.array(actor),
        vehicle=np.array(vehicle),
        at=np.zeros(len(actor)),
        inquiry=np.zeros(len(actor), dtype=bool),
        actor_user=np.arange(1, actors + 1),
        actor_country=np.array([""] * actors, dtype=object),
    )


def test_a_crawler_does_not_link_every_listing_to_every_other():
    crawled = list(range(1000, 1001 + MAX_LISTINGS_PER_ACTOR))
    interactions = _interactions([0] * len(crawled) + [1, 1], [*crawled, 1, 2], actors=2)

    neighbours = item_neighbours_compute(interaction_matrix(interactions, as_of=0.0))

    assert set(neighbours) == {1, 2}


def test_interest_halves_every_half_life_and_an_inquiry_counts_three_views():
    assert recency_decay(np.array([0.0, HALF_LIFE_SECONDS, 2 * HALF_LIFE_SECONDS])) == pytest.approx([1, 0.5, 0.25])

    seeds = seeds_from(
        vehicle_ids=np.array([1, 2, 2, 3]),
        times=np.array([0.0, 0.0, 0.0, -HALF_LIFE_SECONDS]),
        inquiry=np.array([True, False, False, False]),
        as_of=0.0,
    )

    assert [(seed.vehicle_id, seed.weight, seed.inquired) for seed in seeds.values()] == [
        (1, 1.0, True),
        (2, pytest.approx(2 / 3), False),
        (3, pytest.approx(0.5 / 3), False),
    ]
