"""The versions the public catalogue's cached pages are keyed by (vehicles/api/caching.py reads them).

Two kinds of version, each a token in Redis: the catalogue's, for pages that any public listing can
appear in (lists, searches, facets, autocomplete), and each listing's own, for its detail and price
history. A change deletes the tokens it makes stale, after its transaction commits; the next reader
mints a new token, so every page cached under the old one is never read again and expires on its own.
Nothing scans keys. A token carries the time it was minted, which is the pages' Last-Modified.

Every service that changes what a visitor sees of a listing (its fields, status, price, photos, its
dealer's name) calls `listings_changed`.
"""

import secrets
import time
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

CATALOGUE = "all"
VERSION_KEY = "vehicles:catalogue:version:{scope}"


def scope_for_listing(vehicle_id: int) -> str:
    return str(vehicle_id)


def version_key(scope: str) -> str:
    return VERSION_KEY.format(scope=scope)


def _new_token() -> str:
    return f"{time.time_ns()}-{secrets.token_hex(4)}"


def token_minted_at(token: str) -> float:
    """When `token` was minted, in seconds since the epoch."""
    return int(token.split("-", 1)[0]) / 1e9


def versions(scopes: Iterable[str]) -> dict[str, str]:
    """The current token of each scope, minting those that have none (a first read, or after a change)."""
    keys = {scope: version_key(scope) for scope in scopes}
    found = cache.get_many(keys.values())
    tokens = {}
    for scope, key in keys.items():
        token = found.get(key)
        if token is None:
            token = _new_token()
            if not cache.add(key, token, timeout=None):  # another reader minted it first: use theirs
                token = cache.get(key) or token
        tokens[scope] = token
    return tokens


def listings_changed(*, vehicle_ids: Iterable[int], public: bool) -> None:
    """Make stale, once the current transaction commits, the cached pages of these listings and, when
    `public` (a listing that visitors saw before the change or see after it), every catalogue page."""
    scopes = [scope_for_listing(vehicle_id) for vehicle_id in vehicle_ids]
    if public:
        scopes.append(CATALOGUE)
    if scopes:
        keys = [version_key(scope) for scope in scopes]
        transaction.on_commit(lambda: cache.delete_many(keys))
