"""A buyer's recommendations in Redis, keyed by the version of everything they are made of, so that a stale
list is never read and nothing has to be deleted:
- the public catalogue's version token (vehicles.cache): any change to a listing the public sees (price,
  status, photos, a new listing) makes every buyer's list stale, once its transaction commits;
- the buyer's own inputs (recommendations.selectors.recommendation_inputs_version, one indexed query):
  its country, its latest view and latest inquiry, so an inquiry shows at once and a view once the
  minute's job has written it (vehicles.view_buffer); and the newest neighbours and popularity;
- the recommender's active version in the model registry (its weights), from Redis;
- the language and the host (the reasons are translated, the photo URLs absolute).
Nothing else ever changes a buyer's list but time (the decay) and the destination rules, which staff edit
rarely: CACHE_SECONDS bounds both, and the memory that lists no longer read keep.

A per-buyer token would need vehicles and leads to call up into this app when a buyer views or inquires,
which the floors forbid; reading the buyer's latest interaction costs one indexed query instead.
"""

import hashlib
from collections.abc import Callable

from django.core.cache import cache

from accounts.models import User
from recommendations.selectors import recommendation_inputs_version, recommender_weights_served
from vehicles.cache import CATALOGUE, versions

CACHE_SECONDS = 60 * 60
KEY = "recommendations:buyer:{buyer}:{version}"


def recommendations_cache_key(*, buyer: User, language: str, host: str) -> str:
    inputs = (
        versions([CATALOGUE])[CATALOGUE],
        recommendation_inputs_version(buyer=buyer),
        recommender_weights_served().version_id,
        language,
        host,
    )
    version = hashlib.sha256(repr(inputs).encode()).hexdigest()[:32]
    return KEY.format(buyer=buyer.pk, version=version)


def recommendations_cached(*, key: str, compute: Callable[[], list]) -> tuple[list, bool]:
    """The list stored under `key`, or `compute`'s, stored; and whether it was stored already."""
    items = cache.get(key)
    if items is not None:
        return items, True
    items = compute()
    cache.set(key, items, timeout=CACHE_SECONDS)
    return items, False
