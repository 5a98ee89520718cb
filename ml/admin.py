from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ml.models import ModelVersion
from ml.services import model_version_activate
from nzila_export.exceptions import DomainError


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    """Read-only: versions are written by training. Staff activate one (a rollback, or switching a model on)."""

    list_display = ["name", "version", "is_active", "scores", "training_window_end", "created_at"]
    list_filter = ["name", "is_active"]
    ordering = ["name", "-version"]
    actions = ["activate"]
    fields = [
        "name", "version", "is_active", "scores", "artifact_file", "training_window_start", "training_window_end",
        "features", "held_out", "metrics", "baseline_metrics", "created_at",
    ]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("model vs rule (held-out)"))
    def scores(self, version: ModelVersion):
        """Each metric of the model beside the rule's on the same held-out split."""
        return format_html_join(
            "; ",
            "{}: {} vs {}",
            (
                (metric, f"{score:.4g}", _score_text(version.baseline_metrics.get(metric)))
                for metric, score in sorted(version.metrics.items())
            ),
        )

    @admin.display(description=_("artifact"))
    def artifact_file(self, version: ModelVersion):
        # The private storage gives no URL: the file's name only.
        return version.artifact.name

    @admin.action(description=_("Activate the selected version (replaces the active one)"), permissions=["change"])
    def activate(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, gettext("Select exactly one version to activate."), level=messages.ERROR)
            return
        version = queryset.get()
        try:
            model_version_activate(version=version, user=request.user)
        except DomainError as refusal:
            self.message_user(request, refusal.message, level=messages.ERROR)
            return
        activated = {"model": version.get_name_display(), "version": version.version}
        self.message_user(
            request, gettext("%(model)s version %(version)s is now active.") % activated, messages.SUCCESS
        )


def _score_text(score: float | None) -> str:
    return "-" if score is None else f"{score:.4g}"
