"""What buyers search for, anonymized: one row per day, destination country, query and filters, with how many
searches it counted and how many of them found nothing. No user, IP address, cookie or time of day is kept,
and the text is normalized (search_analytics.buffer), so a row says what was wanted, never who wanted it.
Rows are kept SEARCH_RETENTION_MONTHS, then deleted by the daily purge_old_searches."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

SEARCH_RETENTION_MONTHS = 13
QUERY_MAX_LENGTH = 100


class SearchDay(models.Model):
    day = models.DateField(verbose_name=_("day"), help_text=_("In the platform's time zone."))
    country = models.CharField(
        verbose_name=_("destination country"),
        max_length=2,
        blank=True,
        help_text=_("The searching buyer's country (ISO 3166-1 alpha-2); blank for visitors."),
    )
    query = models.CharField(verbose_name=_("query"), max_length=QUERY_MAX_LENGTH, blank=True)
    filters = models.JSONField(verbose_name=_("filters"), default=dict, blank=True)
    search_count = models.PositiveIntegerField(verbose_name=_("searches"))
    found_nothing_count = models.PositiveIntegerField(verbose_name=_("searches that found nothing"))

    class Meta:
        verbose_name = _("search day")
        verbose_name_plural = _("search days")
        constraints = [
            # The flush job's upsert adds to this row; its index, day first, also serves periods and the purge.
            models.UniqueConstraint(
                fields=["day", "country", "query", "filters"], name="search_analytics_one_row_per_search_day"
            ),
            models.CheckConstraint(
                condition=Q(found_nothing_count__lte=F("search_count")),
                name="search_analytics_found_nothing_within_searches",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.country or '-'} {self.query!r} {self.filters}"
