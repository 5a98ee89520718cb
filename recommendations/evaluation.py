"""Choosing the hybrid's weights on held-out interactions (the `evaluate_recommendations` command).

Each signed-in user's interactions are ordered by time and the last `holdout` are held out; the listings
they name, less those the user had met before, are what a good recommender ranks high. The models learn
from everything else (the neighbours and popularity from every actor's remaining interactions, the seeds
from the user's own), exactly as serving computes them (recommendations.ranking), each user's decay
counted at the moment of their first held-out interaction. Each model ranks the whole catalogue but the
listings the user already met, and is scored over the users by:
- nDCG@10: the held-out listings' places in the top 10, nearer the top counting more (1 is all on top);
- recall@10: the share of the held-out listings that made the top 10;
- coverage: the share of the catalogue that appears in anyone's top 10.
Popularity, content-based and collaborative are scored alone, then the hybrid over a grid of weights
(multiples of 1/GRID_STEPS summing to 1, corners included); the best nDCG@10 wins (then recall, then
coverage), so the chosen hybrid is never worse than popularity alone on this split."""

from dataclasses import asdict, dataclass
from datetime import datetime
from itertools import pairwise, product

import numpy as np

from recommendations.collaborative import (
    Neighbours,
    collaborative_scores,
    item_neighbours_compute,
    popularity_compute,
)
from recommendations.interactions import Interactions, interaction_matrix, interactions_load
from recommendations.ranking import (
    COLLABORATIVE,
    CONTENT,
    POPULARITY,
    SOURCES,
    Seed,
    SourceMatrix,
    SourceScores,
    Weights,
    hybrid_order,
    seeds_from,
    source_matrix,
)
from recommendations.selectors import CANDIDATES_PER_SOURCE, popularity_choose
from recommendations.similarity import LIKENESS_FIELDS, content_scores
from vehicles.models import Vehicle

TOP_K = 10
GRID_STEPS = 5
SAMPLE_SEED = 2026


@dataclass(frozen=True)
class Metrics:
    ndcg: float
    recall: float
    coverage: float


@dataclass(frozen=True)
class ModelScore:
    name: str
    weights: Weights
    metrics: Metrics


@dataclass(frozen=True)
class Evaluation:
    alone: list[ModelScore]  # each source by itself
    grid: list[ModelScore]  # the hybrid, one per weight combination
    chosen: ModelScore
    users: int
    held_out: int

    def metrics_record(self) -> dict:
        """What is stored with the chosen weights."""
        return {
            **{score.name: asdict(score.metrics) for score in self.alone},
            "hybrid": asdict(self.chosen.metrics),
            "grid": [{"weights": asdict(score.weights), **asdict(score.metrics)} for score in self.grid],
        }


@dataclass(frozen=True)
class UserCase:
    actor: int
    train_rows: np.ndarray
    held_rows: np.ndarray
    held_out: set[int]  # the listings to find
    as_of: float


def weight_grid(steps: int = GRID_STEPS) -> list[Weights]:
    return [
        Weights(content=content / steps, collaborative=collaborative / steps, popularity=popularity / steps)
        for content, collaborative, popularity in product(range(steps + 1), repeat=3)
        if content + collaborative + popularity == steps
    ]


def holdout_split(interactions: Interactions, *, holdout: int, max_users: int) -> list[UserCase]:
    """Up to `max_users` signed-in users (a fixed random sample) with something left to predict."""
    order = np.lexsort((interactions.at, interactions.actor))
    actors = interactions.actor[order]
    bounds = np.flatnonzero(np.diff(actors, prepend=-1, append=-1))  # where each actor's run begins, and the end
    cases = []
    for start, end in pairwise(bounds):
        actor = int(actors[start])
        if interactions.actor_user[actor] == 0 or end - start <= holdout:
            continue
        rows = order[start:end]
        train_rows, held_rows = rows[:-holdout], rows[-holdout:]
        held_out = set(interactions.vehicle[held_rows].tolist()) - set(interactions.vehicle[train_rows].tolist())
        if held_out:
            cases.append(UserCase(actor, train_rows, held_rows, held_out, float(interactions.at[held_rows].min())))
    if len(cases) > max_users:
        picked = np.random.default_rng(SAMPLE_SEED).choice(len(cases), size=max_users, replace=False)
        cases = [cases[index] for index in sorted(picked)]
    return cases


def _top_excluding(ranked: list[tuple[int, float]], excluded: set[int]) -> SourceScores:
    top: SourceScores = {}
    for vehicle_id, score in ranked:
        if len(top) == CANDIDATES_PER_SOURCE:
            break
        if vehicle_id not in excluded:
            top[vehicle_id] = (score, None)
    return top


class _Scorer:
    """Accumulates one model's metrics over the users."""

    def __init__(self, name: str, weights: Weights, *, fill: bool):
        self.name, self.weights, self.fill = name, weights, fill
        self.weight_array = weights.as_array()
        self.ndcg: list[float] = []
        self.recall: list[float] = []
        self.shown: set[int] = set()

    def add(self, matrix: SourceMatrix, held_out: set[int]) -> None:
        top = matrix.vehicle_ids[hybrid_order(matrix, weights=self.weight_array, limit=TOP_K, fill=self.fill)]
        hits = np.isin(top, list(held_out))
        discounts = 1.0 / np.log2(np.arange(2, TOP_K + 2))
        ideal = discounts[: min(len(held_out), TOP_K)].sum()
        self.ndcg.append(float((hits * discounts[: len(top)]).sum() / ideal))
        self.recall.append(float(hits.sum() / len(held_out)))
        self.shown.update(top.tolist())

    def result(self, catalogue_size: int) -> ModelScore:
        metrics = Metrics(
            ndcg=round(float(np.mean(self.ndcg)), 4),
            recall=round(float(np.mean(self.recall)), 4),
            coverage=round(len(self.shown) / max(catalogue_size, 1), 4),
        )
        return ModelScore(name=self.name, weights=self.weights, metrics=metrics)


def _sources_for(
    case: UserCase,
    *,
    interactions: Interactions,
    seeds: dict[int, Seed],
    seed_listings: dict[int, Vehicle],
    neighbours: Neighbours,
    popular: dict[str, list[tuple[int, float]]],
) -> SourceMatrix:
    """The three sources' scores for one user, as serving computes them, over the listings it has not met."""
    met = set(interactions.vehicle[case.train_rows].tolist())
    seed_weights = {seed.vehicle_id: seed.weight for seed in seeds.values()}
    country = interactions.actor_country[case.actor]
    popularity, _in_country = popularity_choose(
        in_country=_top_excluding(popular.get(country, []), met) if country else {},
        everywhere=_top_excluding(popular.get("", []), met),
    )
    collaborative = collaborative_scores(seeds=seed_weights, neighbours=neighbours)
    return source_matrix(
        content=content_scores(
            seeds=seed_weights,
            seed_listings=seed_listings,
            candidates=Vehicle.objects.exclude(pk__in=met),
            limit=CANDIDATES_PER_SOURCE,
        ),
        collaborative={listing: hit for listing, hit in collaborative.items() if listing not in met},
        popularity=popularity,
    )


def recommendations_evaluate(*, since: datetime, holdout: int, max_users: int) -> Evaluation | None:
    """The models' metrics on the held-out interactions since `since`; None when no user has any."""
    interactions = interactions_load(since=since)
    cases = holdout_split(interactions, holdout=holdout, max_users=max_users)
    if not cases:
        return None
    train = np.ones(len(interactions.vehicle), dtype=bool)
    for case in cases:
        train[case.held_rows] = False
    training = interactions.subset(train)
    matrix = interaction_matrix(training, as_of=float(training.at.max()))
    neighbours = item_neighbours_compute(matrix)
    popular = {
        country: sorted(scores.items(), key=lambda item: (-item[1], -item[0]))
        for country, scores in popularity_compute(matrix, actor_country=interactions.actor_country).items()
    }
    seeds_by_actor = {
        case.actor: seeds_from(
            vehicle_ids=interactions.vehicle[case.train_rows],
            times=interactions.at[case.train_rows],
            inquiry=interactions.inquiry[case.train_rows],
            as_of=case.as_of,
        )
        for case in cases
    }
    seed_ids = {seed for seeds in seeds_by_actor.values() for seed in seeds}
    seed_listings = Vehicle.all_objects.only(*LIKENESS_FIELDS).in_bulk(seed_ids)
    baseline_first = (POPULARITY, CONTENT, COLLABORATIVE)
    scorers = [
        _Scorer(source, Weights(**{name: float(name == source) for name in SOURCES}), fill=False)
        for source in baseline_first
    ]
    scorers += [_Scorer("hybrid", weights, fill=True) for weights in weight_grid()]
    for case in cases:
        sources = _sources_for(
            case,
            interactions=interactions,
            seeds=seeds_by_actor[case.actor],
            seed_listings=seed_listings,
            neighbours=neighbours,
            popular=popular,
        )
        for scorer in scorers:
            scorer.add(sources, case.held_out)
    catalogue_size = Vehicle.objects.count()
    alone = [scorer.result(catalogue_size) for scorer in scorers[: len(SOURCES)]]
    grid = [scorer.result(catalogue_size) for scorer in scorers[len(SOURCES) :]]
    chosen = max(grid, key=lambda score: (score.metrics.ndcg, score.metrics.recall, score.metrics.coverage))
    return Evaluation(alone=alone, grid=grid, chosen=chosen, users=len(cases), held_out=int((~train).sum()))
