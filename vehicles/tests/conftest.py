import pytest


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Photos are written through the default storage: into a folder each test throws away."""
    settings.MEDIA_ROOT = tmp_path / "media"
