"""The reference the catalogue is measured against: a bare Django REST framework list over the same
`vehicles_vehicle` rows, with nothing around it (no middleware, authentication, throttles or cache).
Only the benchmarks serve it (scripts/bench/catalogue_http.py)."""

import environ

env = environ.Env()
DATABASES = {"default": env.db_url("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = None
SECRET_KEY = "reference-benchmark-only"  # serves fake rows on loopback and signs nothing
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["django.contrib.postgres", "rest_framework", "scripts.bench.reference"]
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "scripts.bench.reference.urls"
WSGI_APPLICATION = "scripts.bench.reference.wsgi.application"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": None,
}
