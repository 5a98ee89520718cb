import pytest


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Photos are written through the default storage: into a folder each test throws away."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _todays_rates(todays_rates):
    """Listings in other currencies are valued in CAD at the day's rate: every test here has them."""
