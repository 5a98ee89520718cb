"""How a lower app tells or asks the apps above it without importing them (ARCHITECTURE.md).

The lower app declares its hook points in its own `hooks.py`, each with a line saying what it carries;
an app above registers its function there in its AppConfig.ready. Two kinds:

- a question, `HookPoint(name, answered_by_one=True)`: exactly one app answers (`ask`), and asking
  before any app registered is a configuration error;
- an announcement: every registered listener runs in registration order (`announce`); there may be none.

No Django signals: a hook point is imported by name, so a reader can follow it from both ends.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class HookPoint:
    def __init__(self, name: str, *, answered_by_one: bool = False):
        self.name = name
        self.answered_by_one = answered_by_one
        self._hooks: dict[str, Callable] = {}

    def __repr__(self) -> str:
        return f"HookPoint({self.name!r})"

    def register(self, hook: Callable, *, name: str = "") -> None:
        """Register `hook` under `name` (its qualified name by default); registering again replaces it."""
        key = name or f"{hook.__module__}.{hook.__qualname__}"
        if self.answered_by_one and self._hooks and key not in self._hooks:
            raise ImproperlyConfigured(f"{self.name} is answered by one app, and {list(self._hooks)} already does.")
        self._hooks[key] = hook

    @property
    def is_answered(self) -> bool:
        """Some app registered on it: a caller for whom the answer is optional asks only then."""
        return bool(self._hooks)

    def ask(self, **kwargs) -> Any:
        if not self.answered_by_one:
            raise ImproperlyConfigured(f"{self.name} is an announcement: announce it, do not ask it.")
        if not self._hooks:
            raise ImproperlyConfigured(f"No app answers {self.name}: register one in its AppConfig.ready.")
        (hook,) = self._hooks.values()
        return hook(**kwargs)

    def announce(self, **kwargs) -> dict[str, Any]:
        """Run every listener; returns what each returned, by the name it was registered under."""
        if self.answered_by_one:
            raise ImproperlyConfigured(f"{self.name} is a question: ask it.")
        return {key: hook(**kwargs) for key, hook in list(self._hooks.items())}


# nzila_export's own hook points.
# The health check asks when a beat job last started (a datetime, or None before any): the operations app, which
# records every run, answers (its AppConfig.ready registers operations.selectors.job_last_started_at).
BEAT_LAST_STARTED = HookPoint("beat_last_started", answered_by_one=True)
