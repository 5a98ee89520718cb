"""What apps above currencies do once the day's rates are in. currencies imports none of them: each
registers its hook in its AppConfig.ready (vehicles: revalue the listings priced in other currencies).

    name                what runs, returning a count for the daily task's report
    listings_revalued   vehicles.services.vehicle_prices_revalue
"""

from collections.abc import Callable

RATES_UPDATED_HOOKS: dict[str, Callable[[], int]] = {}


def rates_updated_hook_register(*, name: str, hook: Callable[[], int]) -> None:
    RATES_UPDATED_HOOKS[name] = hook
