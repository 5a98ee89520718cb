"""Every write of recommendations: the precomputed tables (the chosen weights are written by the model
registry, ml.services)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from recommendations.collaborative import item_neighbours_compute, popularity_compute
from recommendations.interactions import WINDOW_DAYS, interaction_matrix, interactions_load
from recommendations.models import ItemNeighbour, ItemPopularity
from vehicles.selectors import vehicle_list_visible_to

COPY_CHUNK = 50_000


@dataclass(frozen=True)
class TablesRebuilt:
    interactions: int
    neighbours: int
    popularity: int


def recommendation_tables_rebuild(*, now: datetime | None = None) -> TablesRebuilt:
    """Recompute the collaborative neighbours and the popularity of every listing the public sees from
    the last WINDOW_DAYS of interactions, and replace both tables in one transaction (readers see the old
    rows until it commits). No audit record: the platform's own periodic doing, from data it holds."""
    now = now or timezone.now()
    interactions = interactions_load(since=now - timedelta(days=WINDOW_DAYS))
    shown_ids = np.fromiter(vehicle_list_visible_to(user=None).values_list("id", flat=True), dtype=np.int64)
    matrix = interaction_matrix(interactions, as_of=now.timestamp())
    neighbours = [
        (vehicle_id, neighbour_id, score)
        for vehicle_id, nearest in item_neighbours_compute(matrix, shown_ids=shown_ids).items()
        for neighbour_id, score in nearest
    ]
    popularity = [
        (vehicle_id, country, score)
        for country, scores in popularity_compute(
            matrix, actor_country=interactions.actor_country, shown_ids=shown_ids
        ).items()
        for vehicle_id, score in scores.items()
    ]
    with transaction.atomic():
        ItemNeighbour.objects.all().delete()
        ItemPopularity.objects.all().delete()
        _copy_rows(model=ItemNeighbour, fields=("vehicle", "neighbour", "score"), rows=neighbours)
        _copy_rows(model=ItemPopularity, fields=("vehicle", "country", "score"), rows=popularity)
    return TablesRebuilt(interactions=len(interactions.vehicle), neighbours=len(neighbours), popularity=len(popularity))


def _copy_rows(*, model, fields: tuple[str, ...], rows: list[tuple]) -> None:
    """Rows streamed with PostgreSQL's COPY: a rebuild writes a row per listing and neighbour (1.5 million
    for 50,000 listings), which bulk_create turned into objects and statements for most of a minute."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(field).column) for field in fields)
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        for start in range(0, len(rows), COPY_CHUNK):  # text lines in chunks: write_row per row is 5 times slower
            copy.write("".join("\t".join(map(str, row)) + "\n" for row in rows[start : start + COPY_CHUNK]))
