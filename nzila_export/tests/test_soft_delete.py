import pytest
from django.apps import apps
from django.db import connection, models

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from nzila_export.models import SoftDeleteModel, TimeStampedModel


class Brochure(SoftDeleteModel, TimeStampedModel):
    """A throwaway concrete model: the base classes are abstract."""

    title = models.CharField(max_length=50)

    class Meta:
        app_label = "nzila_export"
        managed = False  # no migration, no syncdb: the fixture makes the table for each test

    def __str__(self):
        return self.title


@pytest.fixture
def brochure_table(db):
    """Made inside the test's transaction, so PostgreSQL drops it again when the test rolls back. The model is
    in the app registry only meanwhile: otherwise deleting a user in a later test of the same process would
    look for the user's brochures (its deleted_by) in a table that is gone."""
    registered = apps.all_models["nzila_export"]
    registered.setdefault("brochure", Brochure)
    apps.clear_cache()
    with connection.schema_editor() as editor:
        editor.create_model(Brochure)
    yield
    del registered["brochure"]
    apps.clear_cache()


# Defining the class registered it; the fixture registers it again for the tests that use it.
del apps.all_models["nzila_export"]["brochure"]
apps.clear_cache()


def test_soft_delete_hides_the_row_keeps_it_and_audits(brochure_table):
    staff = StaffFactory()
    brochure = Brochure.objects.create(title="Corolla 2019")

    brochure.soft_delete(user=staff)

    assert brochure.is_deleted
    assert not Brochure.objects.filter(pk=brochure.pk).exists()
    stored = Brochure.all_objects.get(pk=brochure.pk)
    assert stored.deleted_by == staff
    record = AuditLog.objects.get(action="soft_delete")
    assert (record.model_name, record.object_id, record.user) == ("nzila_export.Brochure", str(brochure.pk), staff)


def test_restore_brings_the_row_back(brochure_table):
    brochure = Brochure.objects.create(title="Hilux 2017")
    brochure.soft_delete()
    Brochure.all_objects.get(pk=brochure.pk).restore()
    restored = Brochure.objects.get(pk=brochure.pk)
    assert not restored.is_deleted
    assert restored.deleted_by is None
    assert list(AuditLog.objects.order_by("id").values_list("action", flat=True)) == ["soft_delete", "restore"]
