import hmac

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.views import APIView

from nzila_export.api.permissions import IsPlatformStaff
from operations.metrics.collectors import BusinessCollector, JobCollector, QueueCollector
from operations.metrics.instruments import counted_registry

SCRAPER = "metrics-token"


class MetricsTokenAuthentication(BaseAuthentication):
    """Prometheus scrapes with `Authorization: Bearer <METRICS_TOKEN>`; it is no user. Without the
    setting no token is taken, and only staff sessions are served."""

    def authenticate(self, request):
        kind, _space, token = request.headers.get("Authorization", "").partition(" ")
        expected = settings.METRICS_TOKEN
        if kind.lower() != "bearer" or not expected or not hmac.compare_digest(token.encode(), expected.encode()):
            return None
        return AnonymousUser(), SCRAPER

    def authenticate_header(self, request):
        return 'Bearer realm="metrics"'


class IsMetricsScraperOrStaff(BasePermission):
    message = _("Only staff or the metrics scraper may read the metrics.")

    def has_permission(self, request, view):
        """The scraper's token, or a staff session signed in with its second factor, as the admin requires
        (django_otp.middleware.OTPMiddleware gives the session's user `is_verified`)."""
        if request.auth == SCRAPER:
            return True
        verified = getattr(request.user, "is_verified", None)
        return IsPlatformStaff().has_permission(request, view) and verified is not None and verified()


def metrics_registry() -> CollectorRegistry:
    registry = counted_registry()
    for collector in (BusinessCollector(), JobCollector(), QueueCollector()):
        registry.register(collector)
    return registry


@extend_schema(exclude=True)  # Prometheus' text format, not part of the API
class MetricsView(APIView):
    """Prometheus' scrape target: a staff session or the METRICS_TOKEN bearer token. Not throttled: the
    scraper calls every 15 seconds, and anyone else is refused before any work."""

    authentication_classes = [MetricsTokenAuthentication, SessionAuthentication]
    permission_classes = [IsMetricsScraperOrStaff]
    throttle_classes = []

    def get(self, request):
        return HttpResponse(generate_latest(metrics_registry()), content_type=CONTENT_TYPE_LATEST)
