import pytest


@pytest.fixture(autouse=True)
def _private_media_in_a_temporary_folder(settings, tmp_path):
    """Documents are written through their private storage: into a folder each test throws away."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
