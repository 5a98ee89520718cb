from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchAnalyticsConfig(AppConfig):
    name = "search_analytics"
    verbose_name = _("Search analytics")

    def ready(self):
        from search_analytics.buffer import search_buffer
        from vehicles.hooks import SEARCH_MADE

        SEARCH_MADE.register(search_buffer)
