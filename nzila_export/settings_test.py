"""Test settings, chosen by pytest.ini: the one settings module with DJANGO_ENV=test."""

import os

os.environ["DJANGO_ENV"] = "test"

from nzila_export.settings import *  # noqa: F403
