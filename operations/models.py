from django.db import models
from django.utils.translation import gettext_lazy as _


class JobOutcome(models.TextChoices):
    RUNNING = "running", _("running")
    OK = "ok", _("ok")
    FAILED = "failed", _("failed")


class JobRun(models.Model):
    """The last run of each beat job (one row per job of BEAT_SCHEDULE, rewritten by every run), and its
    last success, from which `jobs_status` and the health check tell a late job or a quiet beat."""

    job = models.CharField(verbose_name=_("job"), max_length=100, unique=True)
    task = models.CharField(verbose_name=_("task"), max_length=200)
    started_at = models.DateTimeField(verbose_name=_("started at"), db_index=True)
    finished_at = models.DateTimeField(verbose_name=_("finished at"), null=True, blank=True)
    duration = models.DurationField(verbose_name=_("duration"), null=True, blank=True)
    outcome = models.CharField(verbose_name=_("outcome"), max_length=10, choices=JobOutcome.choices)
    error = models.TextField(verbose_name=_("error"), blank=True)
    succeeded_at = models.DateTimeField(verbose_name=_("last succeeded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        ordering = ["job"]

    def __str__(self) -> str:
        return self.job
