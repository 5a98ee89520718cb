from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Figures across the domains for staff, dealers and brokers. A top-floor app: it reads the other apps'
    models and nothing imports it (ARCHITECTURE.md)."""

    name = "reports"
    verbose_name = _("Reports")
