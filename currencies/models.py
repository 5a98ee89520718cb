from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nzila_export.models import TimeStampedModel

RATE_MAX_DIGITS, RATE_DECIMAL_PLACES = 24, 12


class RateSource(models.TextChoices):
    BANK_OF_CANADA = "bank_of_canada", _("Bank of Canada")
    FALLBACK = "fallback", _("Fallback feed")
    PARITY = "parity", _("Fixed parity")
    MANUAL = "manual", _("Entered by hand")
    LOCAL = "local", _("Local table (development)")


class ExchangeRate(TimeStampedModel):
    """The value in CAD of one unit of `currency` on `date`.

    One rate per currency and day: the rate that conversions use, so two conversions of one day can
    never disagree. Its source says where it came from. A feed never overwrites a hand-entered rate;
    a hand-entered rate overwrites the feed's, and the audit log keeps the value it replaced.
    `confirmed_at` is the last time a source stated this rate (feeds publish on business days only,
    so a Friday rate confirmed on Sunday is current); staleness is measured from it."""

    currency = models.CharField(verbose_name=_("currency"), max_length=3)
    date = models.DateField(verbose_name=_("date"))
    cad_per_unit = models.DecimalField(
        verbose_name=_("CAD per unit"), max_digits=RATE_MAX_DIGITS, decimal_places=RATE_DECIMAL_PLACES
    )
    source = models.CharField(verbose_name=_("source"), max_length=20, choices=RateSource.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(
        verbose_name=_("note"), max_length=255, blank=True, help_text=_("Why a rate was entered by hand")
    )
    confirmed_at = models.DateTimeField(verbose_name=_("confirmed at"))

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="one_exchange_rate_per_currency_per_day"),
            models.CheckConstraint(condition=Q(cad_per_unit__gt=0), name="exchange_rate_positive"),
        ]
        indexes = [models.Index(fields=["currency", "-date"], name="exchange_rate_newest_idx")]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.cad_per_unit.normalize():f} CAD on {self.date} ({self.source})"
