from ml.cache import NO_ACTIVE_VERSION, ActiveModel, active_version_id, loaded_model


def active_model(*, name: str) -> ActiveModel | None:
    """The active version of model `name` with its loaded estimator, or None when no version is active (the
    caller then answers with its rule). One Redis GET per call; the estimator is loaded once per process."""
    version_id = active_version_id(name=name)
    if version_id == NO_ACTIVE_VERSION:
        return None
    return loaded_model(name=name, version_id=version_id)
