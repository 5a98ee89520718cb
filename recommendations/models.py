"""What the recommender precomputes: collaborative neighbours and popularity.

The two tables are rewritten whole by `recommendations.tasks.rebuild_recommendation_tables`. The hybrid's
weights are a model version in the registry (ml.models.ModelVersion, trained by `train_recommender`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

# The two tables are derived and rewritten whole (1.5 million rows for 50,000 listings): their foreign keys
# have no database constraint, whose checks at commit doubled a rebuild, no index but the ones read, and no
# cascade: a listing deleted meanwhile leaves rows that are never read (a listing is read from these tables
# only when it is a candidate or a buyer's seed) until the next rebuild drops them.
DERIVED = {"on_delete": models.DO_NOTHING, "related_name": "+", "db_constraint": False, "db_index": False}


class ItemNeighbour(models.Model):
    """A listing viewed or asked about by the same people as another: the item-item cosine similarity of
    their decayed interactions, kept for each listing's nearest available neighbours."""

    vehicle = models.ForeignKey("vehicles.Vehicle", verbose_name=_("vehicle"), **DERIVED)
    neighbour = models.ForeignKey("vehicles.Vehicle", verbose_name=_("neighbour"), **DERIVED)
    score = models.FloatField(verbose_name=_("similarity"))

    class Meta:
        verbose_name = _("listing neighbour")
        verbose_name_plural = _("listing neighbours")
        constraints = [models.UniqueConstraint(fields=["vehicle", "neighbour"], name="recommendations_neighbour_once")]

    def __str__(self):
        return f"{self.vehicle_id} ~ {self.neighbour_id} ({self.score:.3f})"


class ItemPopularity(models.Model):
    """How much buyers wanted an available listing lately (decayed views and inquiries), among the buyers
    of one country, or of every country when `country` is empty."""

    vehicle = models.ForeignKey("vehicles.Vehicle", verbose_name=_("vehicle"), **DERIVED)
    country = CountryField(verbose_name=_("country"), blank=True, help_text=_("Empty: buyers of every country."))
    score = models.FloatField(verbose_name=_("popularity"))

    class Meta:
        verbose_name = _("listing popularity")
        verbose_name_plural = _("listing popularity")
        constraints = [models.UniqueConstraint(fields=["country", "vehicle"], name="recommendations_popularity_once")]
        indexes = [models.Index(fields=["country", "-score"], name="recommendations_popular")]

    def __str__(self):
        return f"{self.vehicle_id} in {self.country or '*'}: {self.score:.3f}"
