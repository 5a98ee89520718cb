"""The interactions the recommenders learn from, and how much each one counts.

An interaction is a listing's detail view (vehicles.models.ViewHistory, by a signed-in user or a visitor's
cookie) or an inquiry (leads.models.Lead, by a buyer's account or, for a visitor, its e-mail address).
An inquiry counts INQUIRY_WEIGHT views, and every interaction loses half its weight every HALF_LIFE_DAYS:
what a buyer looked at this week says more about what they want now than what they looked at in spring.
"""

from dataclasses import dataclass
from datetime import datetime

import numpy as np
from scipy import sparse

from leads.models import Lead
from vehicles.models import ViewHistory

HALF_LIFE_DAYS = 30
HALF_LIFE_SECONDS = HALF_LIFE_DAYS * 24 * 60 * 60
VIEW_WEIGHT = 1.0
INQUIRY_WEIGHT = 3.0
# Older interactions weigh under 2^-12 of a new one: not worth reading.
WINDOW_DAYS = 12 * HALF_LIFE_DAYS
# One person's repeated views of one listing count at most as an inquiry and a view: reloading a page
# ten times is not ten people interested.
CELL_CAP = INQUIRY_WEIGHT + VIEW_WEIGHT
# An actor with more listings than this is a crawler or a tester, not a buyer: left out of the matrix,
# where it would link every listing to every other (and cost its square in memory).
MAX_LISTINGS_PER_ACTOR = 500
LOAD_CHUNK = 10_000


def recency_decay(ages_seconds: np.ndarray) -> np.ndarray:
    """The weight left after `ages_seconds` (never above 1: an interaction dated in the future counts as now)."""
    return np.power(0.5, np.maximum(ages_seconds, 0.0) / HALF_LIFE_SECONDS)


@dataclass(frozen=True)
class Interactions:
    """Parallel arrays, one entry per interaction, and per actor (a user, a visitor, an e-mail address)
    its user id (0 when not signed in) and country (the user's, else an inquiry's destination; "" unknown)."""

    actor: np.ndarray
    vehicle: np.ndarray
    at: np.ndarray  # seconds since the epoch
    inquiry: np.ndarray  # bool
    actor_user: np.ndarray
    actor_country: np.ndarray

    def subset(self, mask: np.ndarray) -> "Interactions":
        return Interactions(
            actor=self.actor[mask],
            vehicle=self.vehicle[mask],
            at=self.at[mask],
            inquiry=self.inquiry[mask],
            actor_user=self.actor_user,
            actor_country=self.actor_country,
        )

    def weights(self, *, as_of: float) -> np.ndarray:
        """Each interaction's weight at `as_of`: its kind's weight, decayed by its age."""
        kind = np.where(self.inquiry, INQUIRY_WEIGHT, VIEW_WEIGHT)
        return kind * recency_decay(as_of - self.at)


def interactions_load(*, since: datetime) -> Interactions:
    """Every view and inquiry since `since`, in bulk (a chunked read; no per-row query)."""
    actors: dict[tuple, int] = {}
    actor_user: list[int] = []
    actor_country: list[str] = []
    columns: tuple[list, list, list, list] = ([], [], [], [])

    def add(key: tuple, user_id: int | None, country: str, vehicle_id: int, at: datetime, inquiry: bool) -> None:
        code = actors.get(key)
        if code is None:
            code = actors[key] = len(actor_user)
            actor_user.append(user_id or 0)
            actor_country.append(country)
        elif country and not actor_country[code]:
            actor_country[code] = country
        for column, value in zip(columns, (code, vehicle_id, at.timestamp(), inquiry), strict=True):
            column.append(value)

    views = ViewHistory.objects.filter(viewed_at__gte=since).values_list(
        "user_id", "session_key", "user__country", "vehicle_id", "viewed_at"
    )
    for user_id, visitor, country, vehicle_id, at in views.iterator(chunk_size=LOAD_CHUNK):
        key = ("user", user_id) if user_id else ("visitor", visitor)
        add(key, user_id, str(country or ""), vehicle_id, at, False)
    leads = Lead.objects.filter(created_at__gte=since).values_list(
        "buyer_id", "email", "buyer__country", "destination_country", "vehicle_id", "created_at"
    )
    for buyer_id, email, buyer_country, destination, vehicle_id, at in leads.iterator(chunk_size=LOAD_CHUNK):
        key = ("user", buyer_id) if buyer_id else ("email", email.lower())
        add(key, buyer_id, str(buyer_country or destination or ""), vehicle_id, at, True)
    actor, vehicle, at, inquiry = columns
    return Interactions(
        actor=np.asarray(actor, dtype=np.int64),
        vehicle=np.asarray(vehicle, dtype=np.int64),
        at=np.asarray(at, dtype=np.float64),
        inquiry=np.asarray(inquiry, dtype=bool),
        actor_user=np.asarray(actor_user, dtype=np.int64),
        actor_country=np.asarray(actor_country, dtype=object),
    )


@dataclass(frozen=True)
class InteractionMatrix:
    """Actors by listings: each cell the actor's decayed interest in the listing, capped at CELL_CAP."""

    cells: sparse.csr_matrix
    vehicle_ids: np.ndarray  # the listing of each column


def interaction_matrix(interactions: Interactions, *, as_of: float) -> InteractionMatrix:
    vehicle_ids, columns = np.unique(interactions.vehicle, return_inverse=True)
    shape = (len(interactions.actor_user), len(vehicle_ids))
    cells = sparse.coo_matrix((interactions.weights(as_of=as_of), (interactions.actor, columns)), shape=shape).tocsr()
    cells.sum_duplicates()
    np.minimum(cells.data, CELL_CAP, out=cells.data)
    listings_per_actor = np.diff(cells.indptr)
    if (listings_per_actor > MAX_LISTINGS_PER_ACTOR).any():
        cells = sparse.diags((listings_per_actor <= MAX_LISTINGS_PER_ACTOR).astype(np.float64)) @ cells
        cells.eliminate_zeros()
    return InteractionMatrix(cells=cells.tocsr(), vehicle_ids=vehicle_ids)
