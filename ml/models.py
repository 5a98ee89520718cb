"""The model registry: every trained version of each learned model, its artifact, what it was trained on and
how it scored against its rule on held-out data, and which version serves (at most one per model)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from documents.storage import document_storage


class ModelName(models.TextChoices):
    LEAD_CONVERSION = "lead_conversion", _("Lead conversion")
    PRICE_GUIDANCE = "price_guidance", _("Price guidance")
    PAYMENT_ANOMALY = "payment_anomaly", _("Payment anomaly")
    RECOMMENDATIONS = "recommendations", _("Recommendations")


def artifact_upload_path(instance, filename):
    return f"ml/{instance.name}/{filename}"


class ModelVersion(models.Model):
    """One trained version. Written once by ml.services.model_version_register; only `is_active` changes
    afterwards, through the promotion and activation services. The artifact is a joblib dump kept in the
    private storage of the export documents: a model carries what it learned from the platform's rows."""

    name = models.CharField(verbose_name=_("model"), max_length=32, choices=ModelName.choices)
    version = models.PositiveIntegerField(verbose_name=_("version"))
    artifact = models.FileField(
        verbose_name=_("artifact"), upload_to=artifact_upload_path, storage=document_storage, max_length=255
    )
    training_window_start = models.DateTimeField(verbose_name=_("training window start"))
    training_window_end = models.DateTimeField(verbose_name=_("training window end"))
    features = models.JSONField(verbose_name=_("features"), default=list, help_text=_("The names of the inputs."))
    metrics = models.JSONField(
        verbose_name=_("metrics"), default=dict, help_text=_("The model's scores on the held-out split.")
    )
    baseline_metrics = models.JSONField(
        verbose_name=_("baseline metrics"), default=dict, help_text=_("The rule's scores on the same split.")
    )
    held_out = models.JSONField(
        verbose_name=_("held-out split"), default=dict, help_text=_("How the held-out rows were chosen.")
    )
    is_active = models.BooleanField(verbose_name=_("active"), default=False)
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("model version")
        verbose_name_plural = _("model versions")
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="ml_model_version_unique"),
            models.UniqueConstraint(
                fields=["name"], condition=Q(is_active=True), name="ml_one_active_version_per_model"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="ml_model_version_positive"),
        ]

    def __str__(self):
        return f"{self.name} v{self.version}"
