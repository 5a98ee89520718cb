from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from nzila_export.health import run_health_checks


class HealthSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["ok", "unavailable"])
    services = serializers.DictField(
        child=serializers.CharField(),
        help_text='Each service: "ok", its error, or "unknown: ..." for beat and worker where they are not required.',
    )
    failing = serializers.ListField(child=serializers.CharField())


class HealthView(APIView):
    """Open to anyone (load balancers, uptime checks); tells only whether each service answers."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = []

    @extend_schema(responses={200: HealthSerializer, 503: HealthSerializer})
    def get(self, request):
        services = run_health_checks()
        failing = [name for name, state in services.items() if state.startswith("error")]
        body = {"status": "unavailable" if failing else "ok", "services": services, "failing": failing}
        return Response(body, status=status.HTTP_503_SERVICE_UNAVAILABLE if failing else status.HTTP_200_OK)
