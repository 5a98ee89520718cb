"""Serving the active version of each model in process, while any process may change which one is active.

Which version is active is kept in Redis under `ml:active:<name>` (its id, or 0 for none) and read on every
call: one GET, no query. A change of the active version deletes the key once its transaction commits
(`active_version_changed`); the next reader fills it from the database with a short expiry, so a reader that
read the database just before a change and wrote the key just after it is wrong for ACTIVE_ID_SECONDS at
most. Each process keeps the estimator it loaded for each model, keyed by version id: a newly active version
is loaded once per process (a joblib load from the private storage) and the previous one dropped.
"""

import threading
from dataclasses import dataclass
from typing import Any

import joblib
from django.core.cache import cache
from django.db import transaction

from ml.models import ModelVersion

ACTIVE_KEY = "ml:active:{name}"
ACTIVE_ID_SECONDS = 60
NO_ACTIVE_VERSION = 0


@dataclass(frozen=True)
class ActiveModel:
    estimator: Any
    version: ModelVersion


_loaded: dict[str, ActiveModel] = {}
_loading = threading.Lock()


def active_key(name: str) -> str:
    return ACTIVE_KEY.format(name=name)


def active_version_changed(*, name: str) -> None:
    """Make every process read the active version of `name` again, once the current transaction commits."""
    key = active_key(name)
    transaction.on_commit(lambda: cache.delete(key))


def active_version_id(*, name: str) -> int:
    """The id of the active version of `name` (NO_ACTIVE_VERSION when none), from Redis, else the database."""
    version_id = cache.get(active_key(name))
    if version_id is None:
        active = ModelVersion.objects.filter(name=name, is_active=True).values_list("pk", flat=True).first()
        version_id = active or NO_ACTIVE_VERSION
        cache.add(active_key(name), version_id, timeout=ACTIVE_ID_SECONDS)
    return version_id


def estimator_load(*, version: ModelVersion) -> Any:
    with version.artifact.open("rb") as artifact:
        return joblib.load(artifact)


def loaded_model(*, name: str, version_id: int) -> ActiveModel | None:
    """The estimator of version `version_id` of `name`, loaded once per process; None when the row is gone."""
    loaded = _loaded.get(name)
    if loaded is not None and loaded.version.pk == version_id:
        return loaded
    with _loading:
        loaded = _loaded.get(name)
        if loaded is None or loaded.version.pk != version_id:
            version = ModelVersion.objects.filter(pk=version_id, name=name).first()
            if version is None:
                return None
            loaded = _loaded[name] = ActiveModel(estimator=estimator_load(version=version), version=version)
    return loaded
