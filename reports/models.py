from django.db import models
from django.utils.translation import gettext_lazy as _


class Dashboard(models.Model):
    """No table: the admin's entry for the staff dashboard of charts (reports.admin), so that it is listed on
    the admin index under Reports like any other screen."""

    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("dashboard")
        verbose_name_plural = _("dashboard")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
