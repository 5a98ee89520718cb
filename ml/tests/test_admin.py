import pytest

from accounts.tests.factories import StaffFactory
from ml.models import ModelName, ModelVersion
from ml.tests.factories import ModelVersionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/ml/modelversion/"


@pytest.fixture
def staff_client(client, admin_login):
    admin_login(client, StaffFactory(is_superuser=True))
    return client


def test_staff_see_each_versions_scores_beside_the_rules(staff_client):
    ModelVersionFactory(metrics={"mape": 0.1234, "coverage": 0.9}, baseline_metrics={"mape": 0.21}, is_active=True)
    ModelVersionFactory(name=ModelName.LEAD_CONVERSION, metrics={"roc_auc": 0.81}, baseline_metrics={"roc_auc": 0.7})

    page = staff_client.get(CHANGELIST, {"name": ModelName.PRICE_GUIDANCE}).content.decode()
    assert "coverage: 0.9 vs -; mape: 0.1234 vs 0.21" in page
    assert "roc_auc" not in page
    assert "roc_auc: 0.81 vs 0.7" in staff_client.get(CHANGELIST).content.decode()


def test_a_versions_page_is_read_only_and_names_its_artifact(staff_client):
    version = ModelVersionFactory()
    page = staff_client.get(f"{CHANGELIST}{version.pk}/change/").content.decode()
    assert version.artifact.name in page
    assert 'type="file"' not in page
    assert staff_client.get(f"{CHANGELIST}add/").status_code == 403
    assert staff_client.post(f"{CHANGELIST}{version.pk}/delete/", {"post": "yes"}).status_code == 403


def test_staff_activate_one_version_from_the_list(staff_client):
    active, rollback = ModelVersionFactory(is_active=True), ModelVersionFactory()

    refused = staff_client.post(
        CHANGELIST, {"action": "activate", "_selected_action": [active.pk, rollback.pk]}, follow=True
    )
    assert "Select exactly one version to activate." in refused.content.decode()
    assert list(ModelVersion.objects.filter(is_active=True)) == [active]

    done = staff_client.post(CHANGELIST, {"action": "activate", "_selected_action": [rollback.pk]}, follow=True)
    assert f"Price guidance version {rollback.version} is now active." in done.content.decode()
    assert list(ModelVersion.objects.filter(is_active=True)) == [rollback]
