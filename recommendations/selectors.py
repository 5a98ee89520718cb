"""Every read of recommendations: listings like a listing, a buyer's recommendations, the weights served,
the version of what a buyer's recommendations are made of (their cache key, recommendations.cache), and
the evaluation the recommender's trainer (recommendations.training) chooses the weights by."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from leads.eligibility import destination_rule_for, oldest_admitted_year, steering_refused
from leads.selectors import lead_list_visible_to
from ml.models import ModelName
from ml.selectors import active_model
from recommendations.collaborative import collaborative_scores
from recommendations.evaluation import Evaluation, recommendations_evaluate
from recommendations.interactions import WINDOW_DAYS
from recommendations.models import ItemNeighbour, ItemPopularity
from recommendations.ranking import (
    CANDIDATES_PER_SOURCE,
    COLLABORATIVE,
    CONTENT,
    COUNTRY_POPULARITY_MIN,
    DEFAULT_WEIGHTS,
    Ranked,
    Seed,
    SourceScores,
    Weights,
    hybrid_rank,
    popularity_choose,
    seeds_from,
)
from recommendations.similarity import LIKENESS_FIELDS, Scored, content_scores, listings_like
from vehicles.models import Vehicle, VehicleStatus, ViewHistory
from vehicles.selectors import vehicle_for_cards, vehicle_list_visible_to

SIMILAR_LIMIT = 10
RECOMMENDATION_LIMIT = 10
# A buyer's seeds are read from its latest views (and all its inquiries).
RECENT_VIEWS = 200

SIMILAR_TO_VIEWED = _("Similar to the %(vehicle)s you viewed")
SIMILAR_TO_INQUIRED = _("Similar to the %(vehicle)s you asked about")
ALSO_VIEWED = _("Buyers who viewed the %(vehicle)s also viewed this")
POPULAR_IN_COUNTRY = _("Popular with buyers in %(country)s")
POPULAR = _("Popular with buyers")


def scored_cards(*, scored: list[Scored], listings: QuerySet[Vehicle]) -> list[Vehicle]:
    """The cards of the scored listings (read from `listings`, in one query), in their order, each with its
    `score` and `reason`; one that left `listings` since it was scored is left out."""
    cards = vehicle_for_cards(listings.filter(pk__in=[item.vehicle_id for item in scored])).in_bulk()
    shown = []
    for item in scored:
        card = cards.get(item.vehicle_id)
        if card is not None:
            card.score, card.reason = item.score, item.reason
            shown.append(card)
    return shown


def similar_listings_to(*, vehicle: Vehicle, user: User | None) -> list[Vehicle]:
    """The available listings most like `vehicle` that `user` sees, best first, as cards with `score` and
    `reason`. Two queries, whatever the catalogue."""
    candidates = vehicle_list_visible_to(user=user).filter(status=VehicleStatus.AVAILABLE)
    scored = listings_like(target=vehicle, candidates=candidates, limit=SIMILAR_LIMIT)
    return scored_cards(scored=scored, listings=candidates)


def listings_admitted_to(*, listings: QuerySet[Vehicle], country) -> QuerySet[Vehicle]:
    """The listings that `country` admits, by its destination rule (leads.eligibility), in the database;
    a buyer with no country is not filtered (the check allows a country with no rule)."""
    if not country:
        return listings
    rule = destination_rule_for(country=country)
    if steering_refused(rule=rule):
        return listings.none()  # every car listed here is left-hand drive
    oldest_year = oldest_admitted_year(rule=rule)
    return listings if oldest_year is None else listings.filter(year__gte=oldest_year)


def listings_recommendable_to(*, buyer: User) -> QuerySet[Vehicle]:
    """What the public sees (available listings), that the buyer's destination admits and that the buyer
    has not asked about (its leads: `buyer` is a buyer, whose visible leads are its own)."""
    inquired = lead_list_visible_to(user=buyer).values("vehicle_id")
    listings = vehicle_list_visible_to(user=None).exclude(pk__in=inquired)
    return listings_admitted_to(listings=listings, country=buyer.country)


def buyer_seeds(*, buyer: User, now: datetime) -> dict[int, Seed]:
    """The listings the buyer viewed lately or asked about, weighted (recommendations.ranking.seeds_from)."""
    since = now - timedelta(days=WINDOW_DAYS)
    views = ViewHistory.objects.filter(user=buyer, viewed_at__gte=since).order_by("-viewed_at")
    viewed = list(views.values_list("vehicle_id", "viewed_at")[:RECENT_VIEWS])
    inquired = list(
        lead_list_visible_to(user=buyer).filter(created_at__gte=since).values_list("vehicle_id", "created_at")
    )
    rows = viewed + inquired
    return seeds_from(
        vehicle_ids=np.array([vehicle_id for vehicle_id, _at in rows], dtype=np.int64),
        times=np.array([at.timestamp() for _vehicle_id, at in rows], dtype=np.float64),
        inquiry=np.array([False] * len(viewed) + [True] * len(inquired), dtype=bool),
        as_of=now.timestamp(),
    )


def neighbours_of(*, seeds: dict[int, Seed], candidates: QuerySet[Vehicle]) -> dict[int, list[tuple[int, float]]]:
    """The stored neighbours of the seeds that are among `candidates`."""
    rows = ItemNeighbour.objects.filter(vehicle_id__in=list(seeds), neighbour__in=candidates).values_list(
        "vehicle_id", "neighbour_id", "score"
    )
    neighbours: dict[int, list[tuple[int, float]]] = {}
    for seed, neighbour, score in rows:
        neighbours.setdefault(seed, []).append((neighbour, score))
    return neighbours


def popular_listings(*, country, candidates: QuerySet[Vehicle]) -> tuple[SourceScores, bool]:
    """The most popular candidates among the buyers of `country`, or of all (popularity_choose)."""

    def top(code: str) -> SourceScores:
        rows = ItemPopularity.objects.filter(country=code, vehicle__in=candidates).order_by("-score", "-vehicle_id")
        return {
            vehicle_id: (score, None)
            for vehicle_id, score in rows.values_list("vehicle_id", "score")[:CANDIDATES_PER_SOURCE]
        }

    in_country = top(str(country)) if country else {}
    everywhere = top("") if len(in_country) < COUNTRY_POPULARITY_MIN else {}
    return popularity_choose(in_country=in_country, everywhere=everywhere)


@dataclass(frozen=True)
class ServedWeights:
    weights: Weights
    version_id: int  # the registry's active version, 0 for the fallback


def recommender_weights_served() -> ServedWeights:
    """The weights of the recommender's active version in the model registry (chosen by `train_recommender`
    on held-out interactions), or DEFAULT_WEIGHTS while none is active. One Redis GET; the artifact is
    loaded once per process (ml.selectors.active_model)."""
    active = active_model(name=ModelName.RECOMMENDATIONS)
    if active is None:
        return ServedWeights(weights=DEFAULT_WEIGHTS, version_id=0)
    return ServedWeights(weights=active.estimator, version_id=active.version.pk)


def recommender_evaluation(*, now: datetime, held_out_days: int, max_users: int) -> Evaluation | None:
    """Every source's and any weights' metrics on the interactions of the `held_out_days` before `now`,
    learnt from those before (recommendations.evaluation); None when nobody has anything held out."""
    return recommendations_evaluate(now=now, held_out_days=held_out_days, max_users=max_users)


def recommendations_for(*, buyer: User, now: datetime | None = None) -> list[Vehicle]:
    """The buyer's RECOMMENDATION_LIMIT best listings (recommendations.ranking), as cards, each with
    `score` and `reason` in the active language."""
    now = now or timezone.now()
    seeds = buyer_seeds(buyer=buyer, now=now)
    candidates = listings_recommendable_to(buyer=buyer).exclude(pk__in=list(seeds))
    seed_listings = Vehicle.all_objects.only(*LIKENESS_FIELDS).in_bulk(list(seeds))
    seed_weights = {seed.vehicle_id: seed.weight for seed in seeds.values()}
    content = content_scores(
        seeds=seed_weights, seed_listings=seed_listings, candidates=candidates, limit=CANDIDATES_PER_SOURCE
    )
    collaborative = collaborative_scores(
        seeds=seed_weights, neighbours=neighbours_of(seeds=seeds, candidates=candidates)
    )
    popularity, in_country = popular_listings(country=buyer.country, candidates=candidates)
    ranked = hybrid_rank(
        content=content,
        collaborative=collaborative,
        popularity=popularity,
        weights=recommender_weights_served().weights,
        limit=RECOMMENDATION_LIMIT,
    )
    scored = [
        Scored(
            vehicle_id=item.vehicle_id,
            score=item.score,
            reason=_reason(item, seeds=seeds, seed_listings=seed_listings, buyer=buyer, in_country=in_country),
        )
        for item in ranked
    ]
    return scored_cards(scored=scored, listings=candidates)


def _reason(item: Ranked, *, seeds: dict[int, Seed], seed_listings: dict, buyer: User, in_country: bool) -> str:
    if item.source in (CONTENT, COLLABORATIVE):
        seed = seed_listings[item.seed]
        named = {"vehicle": f"{seed.make} {seed.model}"}
        if item.source == COLLABORATIVE:
            return str(ALSO_VIEWED) % named
        return str(SIMILAR_TO_INQUIRED if seeds[item.seed].inquired else SIMILAR_TO_VIEWED) % named
    if in_country:
        return str(POPULAR_IN_COUNTRY) % {"country": buyer.country.name}
    return str(POPULAR)


def recommendation_inputs_version(*, buyer: User) -> tuple:
    """What a buyer's recommendations are made of, besides the catalogue, in one query: the buyer's country,
    latest view and latest inquiry, and the newest neighbours and popularity (each rebuild writes new rows,
    so their greatest id changes). The weights' version is read from Redis (recommender_weights_served)."""

    def newest(queryset: QuerySet, field: str = "id") -> Subquery:
        return Subquery(queryset.order_by(f"-{field}").values(field)[:1])

    row = (
        User.objects.filter(pk=buyer.pk)
        .annotate(
            last_view=newest(ViewHistory.objects.filter(user=OuterRef("pk")), "viewed_at"),
            last_inquiry=newest(lead_list_visible_to(user=buyer)),
            neighbours=newest(ItemNeighbour.objects.all()),
            popularity=newest(ItemPopularity.objects.all()),
        )
        .values_list("country", "last_view", "last_inquiry", "neighbours", "popularity")
        .first()
    )
    return tuple(row or ())
