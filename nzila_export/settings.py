"""Settings for every environment, read from the environment (see .env.example).

`DJANGO_ENV` (development | test | production) chooses the defaults; every value can still be set
by its own variable. `nzila_export.settings_production` selects production.
"""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from nzila_export.logging import build_logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV must be development, test or production, not {DJANGO_ENV!r}.")
IS_PRODUCTION = DJANGO_ENV == "production"
IS_TEST = DJANGO_ENV == "test"

DEBUG = env.bool("DEBUG", default=DJANGO_ENV == "development")

if IS_PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY", default="")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be set to at least 50 characters in production.")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")
else:
    SECRET_KEY = env.str("SECRET_KEY", default="insecure-development-key-" + "x" * 40)
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "nzila_export.admin_site.AdminConfig",  # django.contrib.admin behind a second factor (django-otp)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_simplejwt",  # for its translations (token and sign-in errors)
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "phonenumber_field",
    "django_countries",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "corsheaders",
    "nzila_export",
    "audit",
    "operations",
    "accounts",
    "notifications",
    "webhooks",
    "currencies",
    "leads",
    "deals",
    "documents",
    "shipments",
    "vehicles",
    "payments",
    "sequences",
    "invoices",
    "commissions",
    "plans",
    "privacy",
    "ml",
    "recommendations",
    "reports",
    "search_analytics",
    "support",
]

MIDDLEWARE = [
    # First, so that every log line of the request carries its id (see nzila_export.logging).
    "nzila_export.logging.RequestContextMiddleware",
    # Next, so that a request's time in the metrics includes every other middleware (operations.metrics).
    "operations.metrics.requests.RequestMetricsMiddleware",
    # CORS headers for the front ends (CORS_ALLOWED_ORIGINS), before anything that answers by itself.
    "corsheaders.middleware.CorsMiddleware",
    # /admin/ only from ADMIN_ALLOWED_NETWORKS, before a session is read.
    "nzila_export.admin_site.AdminNetworkMiddleware",
    # Compresses what the rest of the stack answers (mobile clients on slow networks); the cached catalogue
    # pages arrive already compressed (vehicles.api.caching). Django pads the gzip against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "nzila_export.middleware.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A visitor's cached catalogue page, answered before sessions, authentication and DRF (vehicles.api.caching).
    "vehicles.api.caching.CataloguePageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether the session passed a second factor (the admin requires it).
    "django_otp.middleware.OTPMiddleware",
    # The signed-in caller's profile language over Accept-Language (see nzila_export.api.languages).
    "nzila_export.api.languages.ProfileLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "audit.middleware.AuditContextMiddleware",
    # X-RateLimit-* on every 429 (the limit that refused) and on a dealer's answers (its plan's throttle).
    "nzila_export.api.throttling.RateLimitHeadersMiddleware",
]

if IS_PRODUCTION:
    # gunicorn serves the admin's and docs' static files itself; runserver does it in development.
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "nzila_export.urls"
WSGI_APPLICATION = "nzila_export.wsgi.application"
ASGI_APPLICATION = "nzila_export.asgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # Plain-text messages (e-mail text parts, SMS, WhatsApp): no HTML escaping.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Database: persistent connections roughly double the throughput of a paginated list here.
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/nzila")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Server-side binding, and statements prepared once a connection has run them five times (psycopg's
# threshold): PostgreSQL then plans the catalogue's, the sign-in's and the inquiry's statements once per
# connection rather than on every request: 30 to 40 % less of its CPU in the load test's mix. A pooler in
# transaction mode keeps prepared statements only when it tracks them (PgBouncer 1.21+ with
# max_prepared_statements); behind one that does not, set DATABASE_PREPARED_STATEMENTS=false.
if env.bool("DATABASE_PREPARED_STATEMENTS", default=True):
    DATABASES["default"].setdefault("OPTIONS", {}).update({"server_side_binding": True, "prepare_threshold": 5})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
CACHES = {
    "default": {
        "BACKEND": "nzila_export.cache.RedisCache",  # Django's, with one client per pool
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default=f"nzila-{DJANGO_ENV}"),
    }
}

# How long a visitor's catalogue page stays in the cache (vehicles.api.caching); a change of a listing
# makes its pages stale at once, whatever this is. 0 switches the cache off.
CATALOGUE_CACHE_SECONDS = env.int("CATALOGUE_CACHE_SECONDS", default=600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if IS_TEST:
    # Hashing strength is not under test; a fast hasher keeps the suite quick.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded files (vehicle photos, ...): S3 through django-storages when a bucket is named, else MEDIA_ROOT.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=True),
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Export documents (bills of sale, titles, IDs) are private: on S3 under private/ with a private ACL and
# signed URLs, else on disk under PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT and never served by URL; the
# API hands out short-lived signed download links (documents.downloads).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private_media")
if AWS_STORAGE_BUCKET_NAME:
    DOCUMENTS_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **DEFAULT_STORAGE["OPTIONS"],
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,  # a CDN domain would give public URLs
        },
    }
else:
    DOCUMENTS_STORAGE = {"BACKEND": "documents.storage.PrivateFileSystemStorage"}
# Invoice PDFs are private too: Cloudinary authenticated raw assets when CLOUDINARY_URL is set
# (cloudinary://key:secret@cloud, read by invoices.cloudinary), else where the export documents go.
CLOUDINARY_URL = env.str("CLOUDINARY_URL", default="")
INVOICES_STORAGE = {"BACKEND": "invoices.cloudinary.CloudinaryPrivateStorage"} if CLOUDINARY_URL else DOCUMENTS_STORAGE
STORAGES = {
    "default": DEFAULT_STORAGE,
    "documents": DOCUMENTS_STORAGE,
    "invoices": INVOICES_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.smtp.EmailBackend"
        if IS_PRODUCTION
        else "django.core.mail.backends.console.EmailBackend"
    ),
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Nzila Export Hub <no-reply@nzila.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- REST API -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "nzila_export.api.languages.LanguageJWTAuthentication",  # simplejwt's, plus the profile language
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "nzila_export.api.pagination.StandardPagination",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    # JSON only; a view that takes a file declares MultiPartParser itself, a provider's webhook its own.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "nzila_export.api.schema.NzilaAutoSchema",  # tags and operation ids by resource
    "EXCEPTION_HANDLER": "nzila_export.api.errors.api_exception_handler",
    # Which throttle counts which request: nzila_export/api/throttling.py. Why each rate: README.
    "DEFAULT_THROTTLE_CLASSES": [
        "nzila_export.api.throttling.CatalogueThrottle",
        "nzila_export.api.throttling.VisitorThrottle",
        "plans.throttling.PlanRateThrottle",  # SignedInThrottle's `user`; a dealer: its plan's hourly rate
        "nzila_export.api.throttling.ActionScopedThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "catalogue_burst": env.str("THROTTLE_CATALOGUE_BURST", default="10000/minute" if IS_TEST else "300/minute"),
        "catalogue_sustained": env.str(
            "THROTTLE_CATALOGUE_SUSTAINED", default="100000/hour" if IS_TEST else "10000/hour"
        ),
        "anon": env.str("THROTTLE_ANON", default="10000/hour" if IS_TEST else "100/hour"),
        "user": env.str("THROTTLE_USER", default="100000/hour" if IS_TEST else "2000/hour"),
        "auth": env.str("THROTTLE_AUTH", default="10000/hour" if IS_TEST else "30/minute"),
        "token_refresh": env.str("THROTTLE_TOKEN_REFRESH", default="10000/hour" if IS_TEST else "300/minute"),
        "payments": env.str("THROTTLE_PAYMENTS", default="10000/hour" if IS_TEST else "20/minute"),
        "inquiries": env.str("THROTTLE_INQUIRIES", default="10000/hour" if IS_TEST else "10/hour"),
        "uploads": env.str("THROTTLE_UPLOADS", default="10000/hour" if IS_TEST else "200/hour"),
        "privacy": env.str("THROTTLE_PRIVACY", default="10000/hour" if IS_TEST else "10/hour"),
        "support": env.str("THROTTLE_SUPPORT", default="10000/hour" if IS_TEST else "30/hour"),
    },
    # The caller's address for per-IP throttles: REMOTE_ADDR, as the audit log takes it (a client writes
    # X-Forwarded-For itself, and would get a fresh bucket per request). Behind N proxies that each
    # append to X-Forwarded-For, set N.
    "NUM_PROXIES": env.int("THROTTLE_NUM_PROXIES", default=0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

# Failed sign-ins: after this many failures for one username (or, separately, one IP) within the
# window, further attempts are refused with 429 until the window has passed.
LOGIN_FAILURE_LIMIT_PER_USERNAME = env.int("LOGIN_FAILURE_LIMIT_PER_USERNAME", default=5)
LOGIN_FAILURE_LIMIT_PER_IP = env.int("LOGIN_FAILURE_LIMIT_PER_IP", default=20)
LOGIN_FAILURE_WINDOW_SECONDS = env.int("LOGIN_FAILURE_WINDOW_SECONDS", default=15 * 60)

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "SIGNING_KEY": env.str("JWT_SIGNING_KEY", default=SECRET_KEY),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Nzila Export Hub API",
    "DESCRIPTION": (
        "Canadian car dealers selling to buyers in Africa through brokers.\n\n"
        "Every error answers with one JSON shape: "
        '`{"status": 400, "code": "invalid", "detail": "...", "fields": {"field": ["message"]}}`; '
        "`fields` appears on validation errors only. See README, section API conventions."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "GET_LIB_DOC_EXCLUDES": "nzila_export.api.schema.library_doc_excludes",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "nzila_export.api.schema.add_error_responses",
        "nzila_export.api.schema.add_examples",
    ],
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "accounts.models.Language",
        "RoleEnum": "accounts.models.Role",
        "PlanCodeEnum": "plans.models.PlanCode",
        "TicketMessageViaEnum": "support.models.MessageVia",
        "TicketStatusEnum": "support.models.TicketStatus",
        "TicketPriorityEnum": "support.models.TicketPriority",
        "LeadPriorityEnum": "leads.models.LeadPriority",  # "priority" is a lead's and a ticket's
        "TicketCategoryEnum": "support.models.TicketCategory",
        "FaqCategoryEnum": "support.models.FaqCategory",
        "RegistrationRoleEnum": "accounts.models.SELF_REGISTERING_ROLE_CHOICES",
        "LeadStatusEnum": "leads.models.LeadStatus",
        "VehicleStatusEnum": "vehicles.models.VehicleStatus",
        "CountryEnum": "django_countries.countries",
        "DealStatusEnum": "deals.models.DealStatus",
        "DocumentStatusEnum": "documents.models.DocumentStatus",
        "ChecklistStatusEnum": "documents.requirements.CHECKLIST_STATUS_CHOICES",
        "ShipmentStatusEnum": "shipments.models.ShipmentStatus",
        "PaymentReviewDecisionEnum": "payments.models.ReviewDecision",
        "KindEnum": "payments.models.LedgerEntryKind",  # kept as it was named before invoices had kinds too
        "InvoiceKindEnum": "invoices.models.InvoiceKind",
        "InvoiceStatusEnum": "invoices.models.InvoiceStatus",
        "InvoiceLineKindEnum": "invoices.models.LineKind",
        "CommissionStatusEnum": "commissions.models.CommissionStatus",
        "CommissionRoleEnum": "commissions.models.CommissionRole",
        "CommissionEntryKindEnum": "commissions.models.EntryKind",
        "PayoutRailEnum": "commissions.models.PayoutRail",
        "PayoutStatusEnum": "commissions.models.PayoutStatus",
        "DataRequestStatusEnum": "privacy.models.DataRequestStatus",
    },
}

# --- Notifications --------------------------------------------------------------------------------
# Non-urgent messages wait out the recipient's quiet hours (local time, [start, end) hours).
NOTIFICATION_QUIET_HOURS = (
    env.int("NOTIFICATION_QUIET_START_HOUR", default=21),
    env.int("NOTIFICATION_QUIET_END_HOUR", default=8),
)
# Non-urgent notifications about one subject within this many seconds go as one message.
NOTIFICATION_BATCH_WINDOW_SECONDS = env.int("NOTIFICATION_BATCH_WINDOW_SECONDS", default=180)
NOTIFICATION_MAX_SEND_ATTEMPTS = env.int("NOTIFICATION_MAX_SEND_ATTEMPTS", default=6)
# Where a password reset link points: the front end's page, given uid and token.
PASSWORD_RESET_URL = env.str("PASSWORD_RESET_URL", default=SITE_URL + "/reset-password?uid={uid}&token={token}")
# Twilio (SMS and WhatsApp). With no account SID, messages are written to the log instead.
TWILIO_ACCOUNT_SID = env.str("TWILIO_ACCOUNT_SID", default="")
TWILIO_AUTH_TOKEN = env.str("TWILIO_AUTH_TOKEN", default="")
TWILIO_SMS_FROM = env.str("TWILIO_SMS_FROM", default="")
TWILIO_WHATSAPP_FROM = env.str("TWILIO_WHATSAPP_FROM", default="")
TWILIO_TIMEOUT_SECONDS = env.int("TWILIO_TIMEOUT_SECONDS", default=10)
# Approved WhatsApp templates: {"template name": "HX... Content SID"}, as JSON.
TWILIO_WHATSAPP_CONTENT_SIDS = env.json("TWILIO_WHATSAPP_CONTENT_SIDS", default={})
# Mailgun's webhook signing key, to accept its bounce and complaint events.
MAILGUN_WEBHOOK_SIGNING_KEY = env.str("MAILGUN_WEBHOOK_SIGNING_KEY", default="")
# Who carries WhatsApp messages: twilio (above) or cloud (Meta's WhatsApp Cloud API). Either one, with no
# credentials, writes the messages to the log instead.
WHATSAPP_PROVIDER = env.str("WHATSAPP_PROVIDER", default="twilio")
if WHATSAPP_PROVIDER not in ("twilio", "cloud"):
    raise ImproperlyConfigured(f"WHATSAPP_PROVIDER must be twilio or cloud, not {WHATSAPP_PROVIDER!r}.")
# Meta's WhatsApp Cloud API: a system user's access token, the sending number's id, the app secret that
# signs webhooks (X-Hub-Signature-256) and the verify token of the webhook's subscription handshake.
WHATSAPP_CLOUD_TOKEN = env.str("WHATSAPP_CLOUD_TOKEN", default="")
WHATSAPP_CLOUD_PHONE_NUMBER_ID = env.str("WHATSAPP_CLOUD_PHONE_NUMBER_ID", default="")
WHATSAPP_CLOUD_APP_SECRET = env.str("WHATSAPP_CLOUD_APP_SECRET", default="")
WHATSAPP_CLOUD_VERIFY_TOKEN = env.str("WHATSAPP_CLOUD_VERIFY_TOKEN", default="")
WHATSAPP_CLOUD_BASE_URL = env.str("WHATSAPP_CLOUD_BASE_URL", default="https://graph.facebook.com")
# Marketing e-mail's List-Unsubscribe also names this mailbox when set (one-click by HTTPS works without it).
NOTIFICATION_UNSUBSCRIBE_MAILTO = env.str("NOTIFICATION_UNSUBSCRIBE_MAILTO", default="")
# Soft bounces (mailbox full, server deferring) of this many messages in a row suppress an address.
EMAIL_SOFT_BOUNCE_LIMIT = env.int("EMAIL_SOFT_BOUNCE_LIMIT", default=5)


# --- Invoices -------------------------------------------------------------------------------------
# The platform's own details, printed at the top of every invoice, credit note and receipt.
COMPANY_NAME = env.str("COMPANY_NAME", default="Nzila Export Hub Inc.")
COMPANY_ADDRESS = env.str("COMPANY_ADDRESS", default="1800 Argyle Street, Halifax NS B3J 3N8, Canada")
COMPANY_BUSINESS_NUMBER = env.str("COMPANY_BUSINESS_NUMBER", default="")
COMPANY_EMAIL = env.str("COMPANY_EMAIL", default="billing@nzila.export")
# Days between an invoice's issue and its due date, unless staff set the date on the draft.
INVOICE_PAYMENT_TERMS_DAYS = env.int("INVOICE_PAYMENT_TERMS_DAYS", default=14)
# Where a reminder's "pay now" link points: the front end's payment page for the invoice.
INVOICE_PAYMENT_URL = env.str("INVOICE_PAYMENT_URL", default=SITE_URL + "/invoices/{invoice}/pay")
# Hours a link to an invoice's PDF sent by WhatsApp stays valid: WhatsApp fetches the file by URL, and a
# recipient offline for a while may only download it later (links the API hands out last 5 minutes).
INVOICE_MEDIA_LINK_HOURS = env.int("INVOICE_MEDIA_LINK_HOURS", default=24)


# --- Commissions ----------------------------------------------------------------------------------
# Days after a deal completes before its commissions may be approved: the buyer's window to dispute.
COMMISSION_DISPUTE_WINDOW_DAYS = env.int("COMMISSION_DISPUTE_WINDOW_DAYS", default=14)

# --- Commission payouts ---------------------------------------------------------------------------
# (README, Commissions, Payouts.) A rail pays when its settings are set; one that is not is refused with
# the names of the settings it lacks, except in local mode (development only by default), where the local
# rail answers for it: it succeeds at once and moves no money. Bank transfers are made outside and recorded.
COMMISSION_PAYOUTS_LOCAL = env.bool("COMMISSION_PAYOUTS_LOCAL", default=DJANGO_ENV == "development")
# MTN MoMo's Disbursement product has its own API user and keys (on MTN_MOMO_BASE_URL).
MTN_MOMO_DISBURSEMENT_API_USER = env.str("MTN_MOMO_DISBURSEMENT_API_USER", default="")
MTN_MOMO_DISBURSEMENT_API_KEY = env.str("MTN_MOMO_DISBURSEMENT_API_KEY", default="")
MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY = env.str("MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY", default="")
MTN_MOMO_DISBURSEMENT_TARGET_ENVIRONMENT = env.str("MTN_MOMO_DISBURSEMENT_TARGET_ENVIRONMENT", default="sandbox")
# M-Pesa B2C (on MPESA_BASE_URL, with the app's MPESA_CONSUMER_KEY and _SECRET): the paying shortcode, the
# initiator's name and its password encrypted with Safaricom's certificate. Daraja posts each result to
# MPESA_B2C_RESULT_URL (our webhook, commissions), which must be reachable from Safaricom.
MPESA_B2C_SHORTCODE = env.str("MPESA_B2C_SHORTCODE", default="")
MPESA_B2C_INITIATOR_NAME = env.str("MPESA_B2C_INITIATOR_NAME", default="")
MPESA_B2C_SECURITY_CREDENTIAL = env.str("MPESA_B2C_SECURITY_CREDENTIAL", default="")
MPESA_B2C_RESULT_URL = env.str("MPESA_B2C_RESULT_URL", default=f"{SITE_URL.rstrip('/')}/api/v1/webhooks/mpesa_b2c/")
# settle_processing_payouts asks the provider about a payout left pending or processing this long since
# it was sent or last asked about.
PAYOUT_STATUS_CHECK_AFTER_MINUTES = env.int("PAYOUT_STATUS_CHECK_AFTER_MINUTES", default=10)

# --- Privacy --------------------------------------------------------------------------------------
# (README, Privacy.) Days between a request to delete an account (deactivated at once) and its
# anonymization by process_deletion_requests; within them the e-mailed link cancels the request.
PRIVACY_DELETION_GRACE_DAYS = env.int("PRIVACY_DELETION_GRACE_DAYS", default=30)
# Where the cancel link of that e-mail points: the front end's page, which posts the token to the API.
PRIVACY_DELETION_CANCEL_URL = env.str(
    "PRIVACY_DELETION_CANCEL_URL", default=SITE_URL + "/privacy/cancel-deletion?token={token}"
)
# An access export of more rows or file bytes than these is built by a worker and its link e-mailed.
PRIVACY_EXPORT_ASYNC_ABOVE_ROWS = env.int("PRIVACY_EXPORT_ASYNC_ABOVE_ROWS", default=2000)
PRIVACY_EXPORT_ASYNC_ABOVE_BYTES = env.int("PRIVACY_EXPORT_ASYNC_ABOVE_BYTES", default=20 * 1024 * 1024)
# Days an export's download link works; the file is deleted from private storage after them.
PRIVACY_EXPORT_LINK_DAYS = env.int("PRIVACY_EXPORT_LINK_DAYS", default=7)
# The privacy officer's address (Law 25, s. 3.1 of the private-sector act), given in every export.
PRIVACY_OFFICER_EMAIL = env.str("PRIVACY_OFFICER_EMAIL", default="privacy@nzila.export")


# --- Deals ----------------------------------------------------------------------------------------
# Days a deal may sit in each status before it counts as stalled and its parties are reminded.
DEAL_STALLED_AFTER_DAYS = {
    "draft": env.int("DEAL_STALLED_DAYS_DRAFT", default=7),
    "pending_documents": env.int("DEAL_STALLED_DAYS_PENDING_DOCUMENTS", default=5),
    "pending_payment": env.int("DEAL_STALLED_DAYS_PENDING_PAYMENT", default=3),
    "paid": env.int("DEAL_STALLED_DAYS_PAID", default=7),
    "in_transit": env.int("DEAL_STALLED_DAYS_IN_TRANSIT", default=45),
    "delivered": env.int("DEAL_STALLED_DAYS_DELIVERED", default=7),
}

# --- Support desk ---------------------------------------------------------------------------------
# Targets, in hours around the clock from the ticket's opening, by priority: the first staff reply, and
# its resolution. They are fixed on the ticket when it is opened; the metrics count the share met.
SUPPORT_FIRST_RESPONSE_TARGET_HOURS = {
    "low": env.int("SUPPORT_FIRST_RESPONSE_HOURS_LOW", default=24),
    "normal": env.int("SUPPORT_FIRST_RESPONSE_HOURS_NORMAL", default=8),
    "high": env.int("SUPPORT_FIRST_RESPONSE_HOURS_HIGH", default=4),
    "urgent": env.int("SUPPORT_FIRST_RESPONSE_HOURS_URGENT", default=1),
}
SUPPORT_RESOLUTION_TARGET_HOURS = {
    "low": env.int("SUPPORT_RESOLUTION_HOURS_LOW", default=120),
    "normal": env.int("SUPPORT_RESOLUTION_HOURS_NORMAL", default=48),
    "high": env.int("SUPPORT_RESOLUTION_HOURS_HIGH", default=24),
    "urgent": env.int("SUPPORT_RESOLUTION_HOURS_URGENT", default=8),
}
# The opener may reopen its closed ticket for this many days after it was closed (a resolved one, always).
SUPPORT_REOPEN_DAYS = env.int("SUPPORT_REOPEN_DAYS", default=7)
# A ticket's attachment: PDF, JPEG or PNG (read from its bytes, as export documents), at most this size.
SUPPORT_ATTACHMENT_MAX_BYTES = env.int("SUPPORT_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
# The mail domain of tickets' reply addresses (support+<ticket>.<signature>@<domain>), whose mail a Mailgun
# route forwards to /api/v1/webhooks/email/mailgun/inbound/. Empty: staff replies carry no Reply-To, and
# the opener answers in the app or on WhatsApp.
SUPPORT_REPLY_DOMAIN = env.str("SUPPORT_REPLY_DOMAIN", default="")

# --- Currencies -----------------------------------------------------------------------------------
# Exchange rates: where the daily job reads them. "local" reads currencies/rates/local_rates.json (no
# network; the default outside production); "bank_of_canada" is the Bank of Canada's Valet API, and the
# fallback ("open_er_api", open.er-api.com) covers what it does not publish (NGN, GHS, KES) or a day it
# fails. XOF and XAF are always derived from EUR at 655.957 per euro.
EXCHANGE_RATE_PROVIDER = env.str("EXCHANGE_RATE_PROVIDER", default="bank_of_canada" if IS_PRODUCTION else "local")
EXCHANGE_RATE_FALLBACK_PROVIDER = env.str(
    "EXCHANGE_RATE_FALLBACK_PROVIDER", default="open_er_api" if IS_PRODUCTION else ""
)
BANK_OF_CANADA_VALET_URL = env.str("BANK_OF_CANADA_VALET_URL", default="https://www.bankofcanada.ca/valet")
OPEN_ER_API_URL = env.str("OPEN_ER_API_URL", default="https://open.er-api.com")
EXCHANGE_RATE_TIMEOUT_SECONDS = env.int("EXCHANGE_RATE_TIMEOUT_SECONDS", default=10)
# Staff are alerted when no source has confirmed a needed currency's rate for this many hours.
EXCHANGE_RATE_STALE_AFTER_HOURS = env.int("EXCHANGE_RATE_STALE_AFTER_HOURS", default=48)
# A conversion on a day with no rate uses the newest earlier rate up to this many days old (weekends,
# holidays); beyond that it is refused, never done at a guessed rate.
EXCHANGE_RATE_MAX_AGE_DAYS = env.int("EXCHANGE_RATE_MAX_AGE_DAYS", default=4)

# --- Payments -------------------------------------------------------------------------------------
# Stripe. STRIPE_API_BASE points the client at another server (localstripe in tests); Stripe when empty.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")
STRIPE_TIMEOUT_SECONDS = env.int("STRIPE_TIMEOUT_SECONDS", default=20)
STRIPE_MAX_NETWORK_RETRIES = env.int("STRIPE_MAX_NETWORK_RETRIES", default=2)
# The gateway that takes card payments: "stripe" when a key is set, else "sandbox" (approves or declines
# by amount, no keys; see README, Payments).
PAYMENTS_CARD_GATEWAY = env.str("PAYMENTS_CARD_GATEWAY", default="") or ("stripe" if STRIPE_SECRET_KEY else "sandbox")
# Dealers' plans (README, Dealer plans): billed through Stripe Checkout when a key is set, else "sandbox" (a plan is
# active at once, nothing charged). A failed renewal keeps the plan PLANS_GRACE_DAYS, with a dunning e-mail on
# each of PLANS_DUNNING_DAYS after the failure, then lapses to Starter. Checkout sends the dealer back to these.
PLANS_BILLING = env.str("PLANS_BILLING", default="") or ("stripe" if STRIPE_SECRET_KEY else "sandbox")
PLANS_GRACE_DAYS = env.int("PLANS_GRACE_DAYS", default=7)
PLANS_DUNNING_DAYS = tuple(env.list("PLANS_DUNNING_DAYS", cast=int, default=[0, 3, 6]))
PLANS_CHECKOUT_SUCCESS_URL = env.str("PLANS_CHECKOUT_SUCCESS_URL", default="") or SITE_URL + "/?subscription=success"
PLANS_CHECKOUT_CANCEL_URL = env.str("PLANS_CHECKOUT_CANCEL_URL", default="") or SITE_URL + "/?subscription=canceled"
# process_pending_payments asks the provider about payments pending for longer than this (a lost webhook).
PAYMENTS_PENDING_CHECK_AFTER_MINUTES = env.int("PAYMENTS_PENDING_CHECK_AFTER_MINUTES", default=30)
# Fraud controls (README, Payments, Fraud controls): velocity limits counted in Redis, and the risk bands.
FRAUD_MAX_ATTEMPTS_PER_USER_PER_DAY = env.int("FRAUD_MAX_ATTEMPTS_PER_USER_PER_DAY", default=3)
FRAUD_MAX_CARDS_PER_USER_PER_MONTH = env.int("FRAUD_MAX_CARDS_PER_USER_PER_MONTH", default=5)
FRAUD_MAX_FAILURES_PER_IP_PER_HOUR = env.int("FRAUD_MAX_FAILURES_PER_IP_PER_HOUR", default=10)
FRAUD_REVIEW_FROM = env.int("FRAUD_REVIEW_FROM", default=30)  # from this score: held for staff review
FRAUD_BLOCK_ABOVE = env.int("FRAUD_BLOCK_ABOVE", default=60)  # above this score: blocked, staff alerted
# Card payments over this CAD value ask Stripe for 3-D Secure.
FRAUD_THREE_D_SECURE_FROM_CAD = Decimal(env.str("FRAUD_THREE_D_SECURE_FROM_CAD", default="1000"))

# Mobile money (README, Payments, Mobile money). A rail is live when its credentials are set; otherwise
# the sandbox gateway answers for it when MOBILE_MONEY_SANDBOX is true (the default outside production),
# and it is refused with a clear 4xx when false. Base URLs: the provider's sandbox or production host.
MPESA_BASE_URL = env.str("MPESA_BASE_URL", default="https://sandbox.safaricom.co.ke")
MPESA_CONSUMER_KEY = env.str("MPESA_CONSUMER_KEY", default="")
MPESA_CONSUMER_SECRET = env.str("MPESA_CONSUMER_SECRET", default="")
MPESA_SHORTCODE = env.str("MPESA_SHORTCODE", default="")
MPESA_PASSKEY = env.str("MPESA_PASSKEY", default="")
MTN_MOMO_BASE_URL = env.str("MTN_MOMO_BASE_URL", default="https://sandbox.momodeveloper.mtn.com")
MTN_MOMO_API_USER = env.str("MTN_MOMO_API_USER", default="")
MTN_MOMO_API_KEY = env.str("MTN_MOMO_API_KEY", default="")
MTN_MOMO_SUBSCRIPTION_KEY = env.str("MTN_MOMO_SUBSCRIPTION_KEY", default="")
MTN_MOMO_TARGET_ENVIRONMENT = env.str("MTN_MOMO_TARGET_ENVIRONMENT", default="sandbox")
ORANGE_MONEY_BASE_URL = env.str("ORANGE_MONEY_BASE_URL", default="https://api.orange.com")
ORANGE_MONEY_CLIENT_ID = env.str("ORANGE_MONEY_CLIENT_ID", default="")
ORANGE_MONEY_CLIENT_SECRET = env.str("ORANGE_MONEY_CLIENT_SECRET", default="")
ORANGE_MONEY_MERCHANT_KEY = env.str("ORANGE_MONEY_MERCHANT_KEY", default="")
AIRTEL_MONEY_BASE_URL = env.str("AIRTEL_MONEY_BASE_URL", default="https://openapiuat.airtel.africa")
AIRTEL_MONEY_CLIENT_ID = env.str("AIRTEL_MONEY_CLIENT_ID", default="")
AIRTEL_MONEY_CLIENT_SECRET = env.str("AIRTEL_MONEY_CLIENT_SECRET", default="")
MOBILE_MONEY_SANDBOX = env.bool("MOBILE_MONEY_SANDBOX", default=DJANGO_ENV != "production")
# Paystack (README, Payments, Paystack): NGN and GHS. Live when the secret key is set; otherwise the sandbox
# answers for it while MOBILE_MONEY_SANDBOX is true. The public key is the browser's (Paystack Inline).
PAYSTACK_SECRET_KEY = env.str("PAYSTACK_SECRET_KEY", default="")
PAYSTACK_PUBLIC_KEY = env.str("PAYSTACK_PUBLIC_KEY", default="")
PAYSTACK_BASE_URL = env.str("PAYSTACK_BASE_URL", default="https://api.paystack.co")
# Every call to a provider's HTTP API (nzila_export.http): this timeout; a connection that failed, and
# for idempotent calls a lost answer or a 5xx, retried this many times with exponential backoff.
OUTBOUND_TIMEOUT_SECONDS = env.float("OUTBOUND_TIMEOUT_SECONDS", default=15)
OUTBOUND_RETRIES = env.int("OUTBOUND_RETRIES", default=2)
OUTBOUND_BACKOFF_SECONDS = env.float("OUTBOUND_BACKOFF_SECONDS", default=0 if IS_TEST else 0.5)
# A push the provider still calls pending this long after it was made is expired (failed, "expired").
MOBILE_MONEY_EXPIRE_AFTER_MINUTES = env.int("MOBILE_MONEY_EXPIRE_AFTER_MINUTES", default=60)

# The webhook inbox (webhooks app): a failed event is tried again with backoff, this many attempts in
# all; the last failure abandons it and alerts staff.
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=8)

# --- Backups (operations.backups; README, Backups) -------------------------------------------------
# Database dumps (and uploaded files kept on disk) go to this bucket, through AWS_S3_ENDPOINT_URL for an
# S3-compatible store; with no bucket, to the folder BACKUP_DIR (ignored by git).
BACKUP_BUCKET = env.str("BACKUP_BUCKET", default="")
BACKUP_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="")
BACKUP_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="")
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "backups")
# Rotation: every backup of the last 48 hours, then the newest of each of the last 7 days, 4 weeks and
# 12 months that have one (operations.backups.rotation).
BACKUP_KEEP_HOURS = env.int("BACKUP_KEEP_HOURS", default=48)
BACKUP_KEEP_DAILY = env.int("BACKUP_KEEP_DAILY", default=7)
BACKUP_KEEP_WEEKLY = env.int("BACKUP_KEEP_WEEKLY", default=4)
BACKUP_KEEP_MONTHLY = env.int("BACKUP_KEEP_MONTHLY", default=12)

# --- Celery ---------------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=IS_TEST)
CELERY_TASK_EAGER_PROPAGATES = True
# The beat schedule's crontabs are read in the platform's time zone.
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Longer than the hard time limit, so Redis does not hand a running task to a second worker; an
    # unacknowledged task (its worker died) comes back after it.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT_SECONDS", default=60 * 60),
    # A worker takes from its queues in the order given with -Q (critical first), not round robin.
    "queue_order_strategy": "priority",
}
# Messages sent per worker and provider channel (Celery rate_limit syntax: "10/s", "100/m").
NOTIFICATION_RATE_LIMITS = {
    "email": env.str("RATE_LIMIT_EMAIL", default="10/s"),
    "sms": env.str("RATE_LIMIT_SMS", default="1/s"),
    "whatsapp": env.str("RATE_LIMIT_WHATSAPP", default="20/s"),
}
# Health: no beat job recorded for this long means beat has gone quiet (requeue-inbox-events runs every
# minute); a worker must answer a ping within the timeout. Where HEALTH_REQUIRE_WORKERS is false (the
# default outside production, where no worker may run) both say "unknown" instead of failing.
HEALTH_BEAT_QUIET_AFTER_SECONDS = env.int("HEALTH_BEAT_QUIET_AFTER_SECONDS", default=5 * 60)
HEALTH_WORKER_PING_TIMEOUT_SECONDS = env.float("HEALTH_WORKER_PING_TIMEOUT_SECONDS", default=0.5)
HEALTH_REQUIRE_WORKERS = env.bool("HEALTH_REQUIRE_WORKERS", default=IS_PRODUCTION)
# `jobs_status` flags a job late when its last success is older than its period plus this grace.
JOBS_LATE_GRACE_SECONDS = env.int("JOBS_LATE_GRACE_SECONDS", default=10 * 60)

# --- Security -------------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
# Sessions are the admin's (the API signs in with tokens): they end after SESSION_COOKIE_AGE_SECONDS
# (8 hours by default) from sign-in, and when the browser closes.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE_SECONDS", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)
# Identity numbers and payout details are encrypted at rest (nzila_export.field_encryption; README, Operations,
# Field encryption): comma-separated Fernet keys, the first encrypting, every one decrypting (rotation). With
# none outside production, a key derived from SECRET_KEY serves, for local use only.
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[])
if IS_PRODUCTION and not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS must be set in production: one or more Fernet keys, comma-separated (README, "
        "Operations, Field encryption, says how to make one)."
    )
# The admin answers only callers in these networks (CIDR, comma-separated; empty: any), by REMOTE_ADDR.
ADMIN_ALLOWED_NETWORKS = env.list("ADMIN_ALLOWED_NETWORKS", default=[])
# Two-factor sign-in (accounts.two_factor): the name authenticator apps show for the account.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Nzila Export Hub")
# The front ends' origins allowed to call the API from a browser (comma-separated; empty: none).
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_EXPOSE_HEADERS = ["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]
if IS_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^api/v1/health/$"]
CSRF_FAILURE_VIEW = "nzila_export.api.errors.csrf_failure"

# --- Logging and monitoring -----------------------------------------------------------------------
LOGGING = build_logging_config(
    json_lines=env.bool("LOG_JSON", default=IS_PRODUCTION),
    level=env.str("LOG_LEVEL", default="INFO"),
    log_file=env.str("LOG_FILE", default=""),
)
# Slow work is logged (logger nzila_export.slow, with the request id): SQL statements and provider calls
# slower than these, in milliseconds.
SLOW_SQL_MS = env.int("SLOW_SQL_MS", default=100)
SLOW_CALL_MS = env.int("SLOW_CALL_MS", default=1000)
# Flower listens here, on 127.0.0.1 only; staff see it at /ops/flower/ (operations.flower).
FLOWER_URL = env.str("FLOWER_URL", default="http://127.0.0.1:5555")
FLOWER_TIMEOUT_SECONDS = env.float("FLOWER_TIMEOUT_SECONDS", default=10)
# Prometheus (operations.metrics; README, Operations): /metrics answers a staff session, or this bearer
# token (Prometheus' `authorization` credentials); empty: staff sessions only. A Celery worker serves its
# task series on METRICS_WORKER_PORT when set (0: not served). Several gunicorn or prefork processes
# add up their series through the folder named by the environment variable PROMETHEUS_MULTIPROC_DIR.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
METRICS_WORKER_PORT = env.int("METRICS_WORKER_PORT", default=0)

ENVIRONMENT = env.str("ENVIRONMENT", default=DJANGO_ENV)
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from nzila_export.monitoring import start_sentry

    start_sentry(
        dsn=SENTRY_DSN,
        environment=ENVIRONMENT,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        # A check-in per beat job run (Sentry Crons), so that a job that stops running raises an alert.
        crons_enabled=env.bool("SENTRY_CRONS_ENABLED", default=True),
    )
