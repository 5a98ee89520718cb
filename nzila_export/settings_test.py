"""Test settings, chosen by pytest.ini: the one settings module with DJANGO_ENV=test."""

import os
from urllib.parse import urlsplit

os.environ["DJANGO_ENV"] = "test"

# Under pytest-xdist each worker has its own test database (test_nzila_gw0, ...) and here its own Redis
# database, the next ones after REDIS_URL's: tests empty the cache and the broker's queue, which must
# never be another worker's.
_worker = os.environ.get("PYTEST_XDIST_WORKER")
if _worker:
    _redis = urlsplit(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    _database = int(_redis.path.strip("/") or 0) + 1 + int(_worker.removeprefix("gw"))
    os.environ["REDIS_URL"] = _redis._replace(path=f"/{_database}").geturl()

from nzila_export.settings import *  # noqa: E402, F403

# The tests' commits need not reach the disk before PostgreSQL answers: nothing survives a test database
# anyway, and the suite's committing tests (the API fuzz, the concurrency tests) wait less (8 % less time
# measured on the fuzz's 977 requests of PATCH /users/me/).
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
