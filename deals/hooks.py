"""What deals asks of the apps above it, through hooks they register at start-up (AppConfig.ready), so
that deals never imports them (ARCHITECTURE.md). Few and named:

- `amount_paid(deal=)`: what a deal's buyer has paid, in the deal's currency. The ledger is payments',
  which registers its selector; a deal moves to paid only once this covers the agreed price.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

HOOK_NAMES = frozenset({"amount_paid"})

_HOOKS: dict[str, Callable] = {}


def deal_hook_register(*, name: str, hook: Callable) -> None:
    if name not in HOOK_NAMES:
        raise ImproperlyConfigured(f"Deals offers no hook {name!r}: {', '.join(sorted(HOOK_NAMES))}.")
    _HOOKS[name] = hook


def deal_hook_call(name: str, **kwargs):
    if name not in _HOOKS:
        raise ImproperlyConfigured(f"No app registered the deals hook {name!r} (in its AppConfig.ready).")
    return _HOOKS[name](**kwargs)
