import pytest

from leads.services import destination_rules_load


@pytest.fixture(autouse=True)
def _private_media_in_a_temporary_folder(settings, tmp_path):
    """Documents are written through their private storage: into a folder each test throws away."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"


@pytest.fixture
def destination_rules(db):
    """The destination rules as shipped (leads/data/destination_rules.csv); a flush by a transactional
    test elsewhere may have removed the rows that the data migration loaded."""
    destination_rules_load()
