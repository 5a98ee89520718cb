from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from nzila_export.api.errors import not_found
from nzila_export.api.views import HealthView
from nzila_export.media import media_file

api_v1 = [
    path("health/", HealthView.as_view(), name="health"),
    path("", include("accounts.api.urls")),
    path("", include("currencies.api.urls")),
    path("", include("vehicles.api.urls")),
    path("", include("leads.api.urls")),
    path("", include("deals.api.urls")),
    path("", include("documents.api.urls")),
    path("", include("shipments.api.urls")),
    path("", include("notifications.api.urls")),
    path("", include("payments.api.urls")),
    path("", include("invoices.api.urls")),
    path("", include("commissions.api.urls")),
    path("", include("plans.api.urls")),
    path("", include("privacy.api.urls")),
    path("", include("audit.api.urls")),
    path("", include("recommendations.api.urls")),
    path("", include("ml.api.urls")),
    path("", include("reports.api.urls")),
    path("", include("search_analytics.api.urls")),
    path("support/", include("support.api.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("", include("operations.urls")),  # /metrics for Prometheus, /ops/flower/ for staff
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media_file, name="media"),
    # Last: an API path that matched nothing (an empty id, a typo) is the API's JSON 404 even with DEBUG on,
    # where Django would answer its HTML debug page. Only paths ending in a slash, so that a missing trailing
    # slash is still redirected (APPEND_SLASH).
    re_path(r"^api/[\s\S]*/$", not_found, name="api-not-found"),  # [\s\S]: a newline too
]

handler400 = "nzila_export.api.errors.bad_request"
handler403 = "nzila_export.api.errors.permission_denied"
handler404 = "nzila_export.api.errors.not_found"
handler500 = "nzila_export.api.errors.server_error"
