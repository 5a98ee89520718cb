"""The hybrid: a buyer's seeds, and how the three sources' scores make one ranking.

Seeds are the listings a buyer viewed or asked about, each weighted by its interactions (an inquiry
counts INQUIRY_WEIGHT views) decayed by age (recommendations.interactions), scaled so that the
strongest is 1; the SEED_LIMIT strongest are kept.

Each source scores its candidates: content-based (likeness to a seed, recommendations.similarity),
collaborative (neighbours of the seeds, recommendations.collaborative) and popularity. Each source's
scores are divided by its best, so that each lies in [0, 1]; the hybrid score is their weighted sum with
the served weights (the active version of the recommender in the model registry, chosen by
`train_recommender` on held-out interactions; DEFAULT_WEIGHTS when none is active), and the reason shown is
that of the source that added most. Popularity also fills the list when the others run short (a new
buyer has no seeds): such a listing comes after every listing the weighted sum scored, by popularity.
The same functions serve the API and the evaluation, so the weights chosen are the weights served.
"""

from dataclasses import dataclass

import numpy as np

from recommendations.interactions import INQUIRY_WEIGHT, VIEW_WEIGHT, recency_decay

SEED_LIMIT = 10
# Each source hands the hybrid its best this many: enough for the top 10 to be the true top 10 of their sum.
CANDIDATES_PER_SOURCE = 100
# A country's own popularity is used when it ranks at least this many listings; below, every country's.
COUNTRY_POPULARITY_MIN = 10
CONTENT, COLLABORATIVE, POPULARITY = "content", "collaborative", "popularity"
SOURCES = (CONTENT, COLLABORATIVE, POPULARITY)

# {listing: (score, the seed that earned it, or None)}
SourceScores = dict[int, tuple[float, int | None]]


@dataclass(frozen=True)
class Weights:
    content: float
    collaborative: float
    popularity: float

    def as_array(self) -> np.ndarray:
        return np.array([getattr(self, source) for source in SOURCES], dtype=np.float64)


# The fallback: served while no version of the recommender is active in the model registry (ml).
DEFAULT_WEIGHTS = Weights(content=0.5, collaborative=0.3, popularity=0.2)


def popularity_choose(*, in_country: SourceScores, everywhere: SourceScores) -> tuple[SourceScores, bool]:
    """A country's own popular listings when there are enough of them, else everyone's; and which it was."""
    if len(in_country) >= COUNTRY_POPULARITY_MIN:
        return in_country, True
    return everywhere, False


@dataclass(frozen=True)
class Seed:
    vehicle_id: int
    weight: float
    inquired: bool


def seeds_from(*, vehicle_ids: np.ndarray, times: np.ndarray, inquiry: np.ndarray, as_of: float) -> dict[int, Seed]:
    """The strongest SEED_LIMIT listings of one person's interactions at `as_of`, strongest first."""
    if not len(vehicle_ids):
        return {}
    weights = np.where(inquiry, INQUIRY_WEIGHT, VIEW_WEIGHT) * recency_decay(as_of - times)
    listings, positions = np.unique(vehicle_ids, return_inverse=True)
    totals = np.bincount(positions, weights=weights)
    inquired = np.bincount(positions, weights=inquiry.astype(np.float64)) > 0
    strongest = np.argsort(-totals, kind="stable")[:SEED_LIMIT]
    top = totals[strongest[0]]
    return {
        int(listings[index]): Seed(int(listings[index]), float(totals[index] / top), bool(inquired[index]))
        for index in strongest
    }


@dataclass(frozen=True)
class SourceMatrix:
    """Every candidate of any source, and its three scores, each divided by its source's best."""

    vehicle_ids: np.ndarray
    scores: np.ndarray  # a row per candidate, a column per source (SOURCES)


def source_matrix(*, content: SourceScores, collaborative: SourceScores, popularity: SourceScores) -> SourceMatrix:
    by_source = (content, collaborative, popularity)
    vehicle_ids = np.array(sorted(set().union(*by_source)), dtype=np.int64)
    position = {int(vehicle_id): index for index, vehicle_id in enumerate(vehicle_ids)}
    scores = np.zeros((len(vehicle_ids), len(SOURCES)))
    for column, source in enumerate(by_source):
        for vehicle_id, (score, _seed) in source.items():
            scores[position[vehicle_id], column] = score
    best = scores.max(axis=0, initial=0.0)
    np.divide(scores, best, out=scores, where=best > 0)
    return SourceMatrix(vehicle_ids=vehicle_ids, scores=scores)


def hybrid_order(matrix: SourceMatrix, *, weights: np.ndarray, limit: int, fill: bool = True) -> np.ndarray:
    """The rows of the `limit` best candidates, best first: by weighted sum, then popularity, then the
    newest listing. Without `fill`, only candidates the weighted sum scored."""
    combined = matrix.scores @ weights
    popular = matrix.scores[:, SOURCES.index(POPULARITY)]
    shown = combined > 0
    if fill:
        shown |= popular > 0
    order = np.lexsort((-matrix.vehicle_ids, -popular, -combined))
    return order[shown[order]][:limit]


@dataclass(frozen=True)
class Ranked:
    vehicle_id: int
    score: float
    source: str
    seed: int | None


def hybrid_rank(
    *, content: SourceScores, collaborative: SourceScores, popularity: SourceScores, weights: Weights, limit: int
) -> list[Ranked]:
    """The `limit` best listings, each with its score, the source that added most and that source's seed."""
    matrix = source_matrix(content=content, collaborative=collaborative, popularity=popularity)
    weight_array = weights.as_array()
    by_source = dict(zip(SOURCES, (content, collaborative, popularity), strict=True))
    ranked = []
    for row in hybrid_order(matrix, weights=weight_array, limit=limit):
        contributions = matrix.scores[row] * weight_array
        source = SOURCES[int(np.argmax(contributions))] if contributions.max() > 0 else POPULARITY
        vehicle_id = int(matrix.vehicle_ids[row])
        ranked.append(
            Ranked(
                vehicle_id=vehicle_id,
                score=round(float(contributions.sum()), 4),
                source=source,
                seed=by_source[source][vehicle_id][1],
            )
        )
    return ranked
