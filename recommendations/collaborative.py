"""Item-item collaborative filtering and popularity, from the decayed interaction matrix (scipy sparse).

Two listings are alike when the same people wanted them: the cosine of their columns in the actors-by-
listings matrix, shrunk towards 0 when few people saw both (SHRINKAGE in the denominator). Computed for
every listing at once by one sparse product, periodically (recommendations.tasks), never per request;
each listing keeps its NEIGHBOURS_PER_LISTING nearest neighbours among the listings that may be shown."""

from collections.abc import Mapping

import numpy as np
from scipy import sparse

from recommendations.interactions import InteractionMatrix

NEIGHBOURS_PER_LISTING = 30
SHRINKAGE = 1.0

Neighbours = Mapping[int, list[tuple[int, float]]]


def _shown(matrix: InteractionMatrix, shown_ids: np.ndarray | None) -> np.ndarray:
    """Which columns' listings may be recommended (all when `shown_ids` is None)."""
    if shown_ids is None:
        return np.ones(len(matrix.vehicle_ids), dtype=bool)
    return np.isin(matrix.vehicle_ids, shown_ids)


def item_neighbours_compute(
    matrix: InteractionMatrix, *, shown_ids: np.ndarray | None = None
) -> dict[int, list[tuple[int, float]]]:
    """Each listing's nearest neighbours, best first, as (listing, similarity); only listings of
    `shown_ids` become neighbours (all of them when None)."""
    cells = matrix.cells
    norms = np.sqrt(np.asarray(cells.multiply(cells).sum(axis=0)).ravel())
    co_interest = (cells.T @ cells).tocoo()
    keep = (co_interest.row != co_interest.col) & _shown(matrix, shown_ids)[co_interest.col]
    rows, columns = co_interest.row[keep], co_interest.col[keep]
    scores = co_interest.data[keep] / (norms[rows] * norms[columns] + SHRINKAGE)
    similarity = sparse.csr_matrix((scores, (rows, columns)), shape=co_interest.shape)
    neighbours = {}
    for row in range(similarity.shape[0]):
        start, end = similarity.indptr[row], similarity.indptr[row + 1]
        row_columns, row_scores = similarity.indices[start:end], similarity.data[start:end]
        if len(row_columns):
            best = np.argsort(-row_scores, kind="stable")[:NEIGHBOURS_PER_LISTING]
            neighbours[int(matrix.vehicle_ids[row])] = [
                (int(matrix.vehicle_ids[column]), float(score))
                for column, score in zip(row_columns[best], row_scores[best], strict=True)
            ]
    return neighbours


def popularity_compute(
    matrix: InteractionMatrix, *, actor_country: np.ndarray, shown_ids: np.ndarray | None = None
) -> dict[str, dict[int, float]]:
    """Each listing's decayed interest among the actors of each country, and of all (""); only
    listings of `shown_ids` (all when None)."""
    shown = _shown(matrix, shown_ids)
    groups = {"": np.ones(len(actor_country), dtype=bool)}
    for country in set(actor_country) - {""}:
        groups[country] = actor_country == country
    popularity = {}
    for country, actors in groups.items():
        totals = np.asarray(matrix.cells[actors].sum(axis=0)).ravel()
        listed = np.flatnonzero((totals > 0) & shown)
        if len(listed):
            popularity[country] = dict(zip(matrix.vehicle_ids[listed].tolist(), totals[listed].tolist(), strict=True))
    return popularity


def collaborative_scores(*, seeds: Mapping[int, float], neighbours: Neighbours) -> dict[int, tuple[float, int]]:
    """Each neighbour of the seeds (listing id: decayed weight, at most 1), scored by the sum of
    seed weight * similarity, with the seed that gave it most: {listing: (score, seed)}."""
    scores: dict[int, float] = {}
    best: dict[int, tuple[float, int]] = {}
    for seed, weight in seeds.items():
        for neighbour, similarity in neighbours.get(seed, ()):
            if neighbour in seeds:
                continue
            contribution = weight * similarity
            scores[neighbour] = scores.get(neighbour, 0.0) + contribution
            if contribution > best.get(neighbour, (0.0, 0))[0]:
                best[neighbour] = (contribution, seed)
    return {listing: (score, best[listing][1]) for listing, score in scores.items()}
