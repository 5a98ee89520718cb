"""The audit log: evidence of who did what, which regulators must be able to trust.

The database itself keeps it honest (migration 0002): a row is never updated or deleted (a trigger
refuses it), except by the retention job for rows older than AUDIT_RETENTION_YEARS, and each row is
sealed at its commit into a hash chain (`sequence`, `previous_hash`, `row_hash`) that
`manage.py verify_audit_chain` checks. Sealing needs READ COMMITTED, Django's default isolation level.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Kept this long, then deleted by cleanup_old_audit_logs. The trigger hard-codes the same 7 years.
AUDIT_RETENTION_YEARS = 7
# The previous_hash of the first row of the chain.
GENESIS_HASH = "0" * 64


class AuditLog(models.Model):
    """One thing that happened: who did what to which object, from where. Never edited: the database refuses
    it (not a Python guard such as nzila_export.models.AppendOnlyModel, which raw SQL would pass by)."""

    # PROTECT: a user with an audit history is anonymized in place, never deleted (SET_NULL would be an
    # UPDATE, which the database refuses). No index of its own: audit_user_time_idx starts with it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_logs",
        db_index=False, verbose_name=_("user"),
    )  # fmt: skip
    action = models.CharField(_("action"), max_length=64)
    model_name = models.CharField(_("model"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.TextField(_("user agent"), blank=True)
    timestamp = models.DateTimeField(_("timestamp"), default=timezone.now, editable=False)
    # The seal, written at commit by the database: the place in the chain (commit order) and the hashes.
    sequence = models.BigIntegerField(_("sequence"), null=True, blank=True, unique=True, editable=False)
    previous_hash = models.CharField(_("previous hash"), max_length=64, blank=True, default="", editable=False)
    row_hash = models.CharField(_("row hash"), max_length=64, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log entries")
        ordering = ["-timestamp", "-id"]
        # One per staff filter, each in the list's order, so that a page is read straight off an index.
        indexes = [
            models.Index(fields=["-timestamp", "-id"], name="audit_time_idx"),
            models.Index(fields=["user", "-timestamp", "-id"], name="audit_user_time_idx"),
            models.Index(fields=["model_name", "object_id", "-timestamp", "-id"], name="audit_object_time_idx"),
            models.Index(fields=["action", "-timestamp", "-id"], name="audit_action_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.action} {self.model_name} {self.object_repr}".strip()
