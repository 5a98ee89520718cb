"""Abstract base models shared by every app."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class LiveManager(models.Manager):
    """The default manager of a soft-deletable model: deleted rows are hidden."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeleteModel(models.Model):
    """A row that is marked deleted rather than removed, so history and audit keep their targets.

    `objects` hides deleted rows; `all_objects` sees them all (admin, restores, retention jobs).
    """

    deleted_at = models.DateTimeField(verbose_name=_("deleted at"), null=True, blank=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = LiveManager()
    all_objects = models.Manager()  # noqa: DJ012 - ruff takes a manager for a field here

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def soft_delete(self, *, user=None) -> None:
        from audit.services import audit_record

        self.deleted_at = timezone.now()
        self.deleted_by = user
        self.save(update_fields=["deleted_at", "deleted_by"])
        audit_record(action="soft_delete", instance=self, user=user)

    def restore(self, *, user=None) -> None:
        from audit.services import audit_record

        self.deleted_at = None
        self.deleted_by = None
        self.save(update_fields=["deleted_at", "deleted_by"])
        audit_record(action="restore", instance=self, user=user)


class AppendOnlyError(Exception):
    """A row of an append-only table (a ledger) was to be changed or removed: add a correcting row instead."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model._meta.verbose_name_plural} are never updated: add a correcting entry.")

    def delete(self):
        raise AppendOnlyError(f"{self.model._meta.verbose_name_plural} are never deleted: add a correcting entry.")


class AppendOnlyModel(models.Model):
    """A row written once and never updated or deleted, whether one at a time or in bulk: the payments
    ledger, a commission's entries. A correction is a new row."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError(f"{self._meta.verbose_name_plural} are never updated: add a correcting entry.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{self._meta.verbose_name_plural} are never deleted: add a correcting entry.")
