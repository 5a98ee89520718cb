"""Production settings: `DJANGO_SETTINGS_MODULE=nzila_export.settings_production`.

The one settings module reads DJANGO_ENV; this module only makes production the choice, so that
production refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

import os

os.environ["DJANGO_ENV"] = "production"

from nzila_export.settings import *  # noqa: F403
