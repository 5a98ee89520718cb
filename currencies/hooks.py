"""What apps above currencies do once the day's rates are in (nzila_export.hooks). currencies imports
none of them: each registers on RATES_UPDATED in its AppConfig.ready, under a name that the daily task's
report shows with the count the hook returns.

    name                what runs
    listings_revalued   vehicles.services.vehicle_prices_revalue
"""

from nzila_export.hooks import HookPoint

RATES_UPDATED = HookPoint("currencies.rates_updated")
