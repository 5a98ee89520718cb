from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VehiclesConfig(AppConfig):
    name = "vehicles"
    verbose_name = _("Vehicles")

    def ready(self):
        from accounts.hooks import PUBLIC_NAME_CHANGED
        from currencies.hooks import RATES_UPDATED
        from vehicles.services import dealer_listings_renamed, vehicle_prices_revalue  # models are loaded only now

        RATES_UPDATED.register(vehicle_prices_revalue, name="listings_revalued")
        PUBLIC_NAME_CHANGED.register(dealer_listings_renamed)
