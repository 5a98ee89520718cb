"""The recommender's evaluation on a time split, from which `train_recommender` chooses the hybrid's weights.

The cutoff is `held_out_days` before now. The models learn from the interactions before it only, as serving
would have on that day (recommendations.ranking, .collaborative: the neighbours and popularity of every
actor's interactions before the cutoff, the seeds of the user's own, all decayed to the cutoff). What is held
out: for each signed-in user who interacted before the cutoff, the listings it viewed or asked about from the
cutoff on that it had not met before (a fixed random sample of `max_users` such users when there are more).
Each model ranks the listings on the market at some time in the held-out window (published by its end, and
available at its end or taken off after the cutoff: a listing's `updated_at` once it has left the market), as
serving ranks what is on the market, but for the listings the user had met; and is scored over the users by:
- nDCG@10: the held-out listings' places in the top 10, nearer the top counting more (1 is all on top);
- recall@10: the share of the held-out listings that made the top 10;
- coverage: the share of those listings that appears in anyone's top 10.
Popularity (the baseline), content-based and collaborative are scored alone, the fallback DEFAULT_WEIGHTS
too, then the hybrid over a grid of weights (multiples of 1/GRID_STEPS summing to 1, corners included); the
best nDCG@10 wins (then recall, then coverage), so the chosen hybrid is never worse than popularity alone on
this split. The sources' scores of each user are kept, so any weights are scored again on the same split
(the registry measures the active version with them)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise, product

import numpy as np
from django.db.models import Q, QuerySet

from recommendations.collaborative import (
    Neighbours,
    collaborative_scores,
    item_neighbours_compute,
    popularity_compute,
)
from recommendations.interactions import WINDOW_DAYS, Interactions, interaction_matrix, interactions_load
from recommendations.ranking import (
    CANDIDATES_PER_SOURCE,
    DEFAULT_WEIGHTS,
    POPULARITY,
    SOURCES,
    Seed,
    SourceMatrix,
    SourceScores,
    Weights,
    hybrid_order,
    popularity_choose,
    seeds_from,
    source_matrix,
)
from recommendations.similarity import LIKENESS_FIELDS, content_scores
from vehicles.models import Vehicle, VehicleStatus

TOP_K = 10
GRID_STEPS = 5
SAMPLE_SEED = 2026
DISCOUNTS = 1.0 / np.log2(np.arange(2, TOP_K + 2))


@dataclass(frozen=True)
class Metrics:
    ndcg: float
    recall: float
    coverage: float

    def record(self) -> dict[str, float]:
        """As the model registry stores them (the primary metric is ndcg_at_10)."""
        return {"ndcg_at_10": self.ndcg, "recall_at_10": self.recall, "coverage": self.coverage}


@dataclass(frozen=True)
class ModelScore:
    name: str
    weights: Weights
    metrics: Metrics


@dataclass(frozen=True)
class UserCase:
    actor: int
    train_rows: np.ndarray  # the user's interactions before the cutoff
    held_out: set[int]  # the listings it met first from the cutoff on: what to find


@dataclass(frozen=True)
class Evaluation:
    training_since: datetime  # the interactions learnt from: from then to the cutoff
    cutoff: datetime
    users: int  # evaluated
    users_available: int  # with something held out, before sampling
    held_out: int  # held-out listings, summed over the users evaluated
    training_interactions: int
    catalogue_size: int
    # Each user's three sources' scores over the listings it had not met, and its held-out listings.
    cases: list[tuple[SourceMatrix, set[int]]] = field(repr=False)

    def score(self, weights: Weights, *, name: str = "hybrid", fill: bool = True) -> ModelScore:
        """`weights`' metrics on this split; without `fill`, only the listings the weighted sum scored are shown."""
        weight_array = weights.as_array()
        ndcg, recall, shown = [], [], set()
        for sources, held_out in self.cases:
            top = sources.vehicle_ids[hybrid_order(sources, weights=weight_array, limit=TOP_K, fill=fill)]
            hits = np.isin(top, list(held_out))
            ndcg.append(float((hits * DISCOUNTS[: len(top)]).sum() / DISCOUNTS[: min(len(held_out), TOP_K)].sum()))
            recall.append(float(hits.sum() / len(held_out)))
            shown.update(top.tolist())
        metrics = Metrics(
            ndcg=round(float(np.mean(ndcg)), 4),
            recall=round(float(np.mean(recall)), 4),
            coverage=round(len(shown) / max(self.catalogue_size, 1), 4),
        )
        return ModelScore(name=name, weights=weights, metrics=metrics)

    def alone(self) -> list[ModelScore]:
        """Popularity (the baseline), then content-based and collaborative, each by itself."""
        return [
            self.score(Weights(**{name: float(name == source) for name in SOURCES}), name=source, fill=False)
            for source in (POPULARITY, *(source for source in SOURCES if source != POPULARITY))
        ]

    def fallback(self) -> ModelScore:
        return self.score(DEFAULT_WEIGHTS, name="fallback (defaults)")

    def grid(self) -> list[ModelScore]:
        return [self.score(weights) for weights in weight_grid()]

    @staticmethod
    def best(scores: list[ModelScore]) -> ModelScore:
        """The best nDCG@10, then recall@10, then coverage."""
        return max(scores, key=lambda score: (score.metrics.ndcg, score.metrics.recall, score.metrics.coverage))


def weight_grid(steps: int = GRID_STEPS) -> list[Weights]:
    return [
        Weights(content=content / steps, collaborative=collaborative / steps, popularity=popularity / steps)
        for content, collaborative, popularity in product(range(steps + 1), repeat=3)
        if content + collaborative + popularity == steps
    ]


def time_split(interactions: Interactions, *, cutoff: float, max_users: int) -> tuple[list[UserCase], int]:
    """Up to `max_users` signed-in users (a fixed random sample) who interacted before `cutoff` and met new
    listings from it on; and how many such users there were."""
    signed_in = np.flatnonzero(interactions.actor_user[interactions.actor] != 0)
    order = signed_in[np.lexsort((interactions.at[signed_in], interactions.actor[signed_in]))]
    actors = interactions.actor[order]
    bounds = np.flatnonzero(np.diff(actors, prepend=-1, append=-1))  # where each actor's run begins, and the end
    before = interactions.at < cutoff
    cases = []
    for start, end in pairwise(bounds):
        rows = order[start:end]
        train_rows, later_rows = rows[before[rows]], rows[~before[rows]]
        if not len(train_rows) or not len(later_rows):
            continue
        held_out = set(interactions.vehicle[later_rows].tolist()) - set(interactions.vehicle[train_rows].tolist())
        if held_out:
            cases.append(UserCase(int(actors[start]), train_rows, held_out))
    available = len(cases)
    if available > max_users:
        picked = np.random.default_rng(SAMPLE_SEED).choice(available, size=max_users, replace=False)
        cases = [cases[index] for index in sorted(picked)]
    return cases, available


def listings_on_the_market(*, since: datetime, until: datetime) -> QuerySet[Vehicle]:
    """The listings on the market at some time between `since` and `until`."""
    left_after = Q(status=VehicleStatus.AVAILABLE) | Q(updated_at__gte=since)
    return Vehicle.objects.filter(Q(published_at__lte=until) & left_after)


def _top_within(ranked: list[tuple[int, float]], allowed: set[int]) -> SourceScores:
    top: SourceScores = {}
    for vehicle_id, score in ranked:
        if len(top) == CANDIDATES_PER_SOURCE:
            break
        if vehicle_id in allowed:
            top[vehicle_id] = (score, None)
    return top


def _sources_for(
    case: UserCase,
    *,
    interactions: Interactions,
    seeds: dict[int, Seed],
    seed_listings: dict[int, Vehicle],
    neighbours: Neighbours,
    popular: dict[str, list[tuple[int, float]]],
    on_the_market: QuerySet[Vehicle],
    on_the_market_ids: set[int],
) -> SourceMatrix:
    """The three sources' scores for one user, as serving computes them, over the listings on the market that it
    has not met."""
    met = set(interactions.vehicle[case.train_rows].tolist())
    allowed = on_the_market_ids - met
    seed_weights = {seed.vehicle_id: seed.weight for seed in seeds.values()}
    country = interactions.actor_country[case.actor]
    popularity, _in_country = popularity_choose(
        in_country=_top_within(popular.get(country, []), allowed) if country else {},
        everywhere=_top_within(popular.get("", []), allowed),
    )
    collaborative = collaborative_scores(seeds=seed_weights, neighbours=neighbours)
    return source_matrix(
        content=content_scores(
            seeds=seed_weights,
            seed_listings=seed_listings,
            candidates=on_the_market.exclude(pk__in=met),
            limit=CANDIDATES_PER_SOURCE,
        ),
        collaborative={listing: hit for listing, hit in collaborative.items() if listing in allowed},
        popularity=popularity,
    )


def recommendations_evaluate(*, now: datetime, held_out_days: int, max_users: int) -> Evaluation | None:
    """The sources' scores of each sampled user on the time split `held_out_days` before `now`; None when no
    signed-in user has both interactions before the cutoff and new listings after it."""
    cutoff = now - timedelta(days=held_out_days)
    training_since = cutoff - timedelta(days=WINDOW_DAYS)
    interactions = interactions_load(since=training_since)
    cases, available = time_split(interactions, cutoff=cutoff.timestamp(), max_users=max_users)
    if not cases:
        return None
    training = interactions.subset(interactions.at < cutoff.timestamp())
    matrix = interaction_matrix(training, as_of=cutoff.timestamp())
    on_the_market = listings_on_the_market(since=cutoff, until=now)
    on_the_market_ids = set(on_the_market.values_list("pk", flat=True))
    shown_ids = np.fromiter(on_the_market_ids, dtype=np.int64)
    neighbours = item_neighbours_compute(matrix, shown_ids=shown_ids)
    popular = {
        country: sorted(scores.items(), key=lambda item: (-item[1], -item[0]))
        for country, scores in popularity_compute(
            matrix, actor_country=interactions.actor_country, shown_ids=shown_ids
        ).items()
    }
    seeds_by_actor = {
        case.actor: seeds_from(
            vehicle_ids=interactions.vehicle[case.train_rows],
            times=interactions.at[case.train_rows],
            inquiry=interactions.inquiry[case.train_rows],
            as_of=cutoff.timestamp(),
        )
        for case in cases
    }
    seed_ids = {seed for seeds in seeds_by_actor.values() for seed in seeds}
    seed_listings = Vehicle.all_objects.only(*LIKENESS_FIELDS).in_bulk(seed_ids)
    scored = [
        (
            _sources_for(
                case,
                interactions=interactions,
                seeds=seeds_by_actor[case.actor],
                seed_listings=seed_listings,
                neighbours=neighbours,
                popular=popular,
                on_the_market=on_the_market,
                on_the_market_ids=on_the_market_ids,
            ),
            case.held_out,
        )
        for case in cases
    ]
    return Evaluation(
        training_since=training_since,
        cutoff=cutoff,
        users=len(cases),
        users_available=available,
        held_out=sum(len(case.held_out) for case in cases),
        training_interactions=len(training.vehicle),
        catalogue_size=len(on_the_market_ids),
        cases=scored,
    )
