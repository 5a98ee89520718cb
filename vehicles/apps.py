from django.apps import AppConfig

from currencies.hooks import rates_updated_hook_register


class VehiclesConfig(AppConfig):
    name = "vehicles"
    verbose_name = "Vehicles"

    def ready(self):
        from vehicles.services import vehicle_prices_revalue  # models are loaded only now

        rates_updated_hook_register(name="listings_revalued", hook=vehicle_prices_revalue)
