from django.db import transaction
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from nzila_export.api.errors import error_body
from webhooks.models import InboxEvent
from webhooks.services import inbox_receive
from webhooks.tasks import inbox_event_queue


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class WebhookView(APIView):
    """Base of every provider's webhook or callback: open (the provider's signature or token is the
    authentication), outside the request transaction, never throttled. A subclass verifies the request
    against its raw bytes (`bad_signature` when it does not hold: 400, nothing stored), then `accept`s it:
    stored once and handed to a worker, answered at once."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = []

    def bad_signature(self, provider: str) -> Response:
        detail = gettext("Invalid %(provider)s signature: nothing was processed.") % {"provider": provider}
        return Response(error_body(status_code=400, code="bad_signature", detail=detail), status=400)

    def accept(
        self, *, provider: str, event_id: str, event_type: str, headers=(), target: str = "", body: bytes | None = None
    ) -> InboxEvent:
        """Store the verified event (its raw body, unless the provider's verified form is given) and hand
        it to a worker."""
        event = inbox_receive(
            provider=provider, event_id=event_id, event_type=event_type,
            body=self.request.body if body is None else body,
            headers={name: self.request.headers.get(name, "") for name in headers}, target=target,
        )  # fmt: skip
        inbox_event_queue(event)
        event.refresh_from_db(fields=["status"])  # applied already where tasks run eagerly (tests, local runs)
        return event
