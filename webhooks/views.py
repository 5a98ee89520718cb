from django.db import transaction
from django.utils.decorators import method_decorator
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from nzila_export.api.errors import error_body


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class WebhookView(APIView):
    """Base of every provider webhook: open (the provider's signature is the authentication), outside
    the request transaction (what was received is kept even when processing fails), never throttled,
    and answering 400 to a request whose signature does not verify."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = []

    def bad_signature(self, provider: str) -> Response:
        detail = f"Invalid {provider} signature: nothing was processed."
        return Response(error_body(status_code=400, code="bad_signature", detail=detail), status=400)
