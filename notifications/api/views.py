import json
from urllib.parse import urlencode

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from notifications import selectors, services
from notifications.api import serializers
from notifications.callbacks import (
    CLOUD_INBOUND,
    CLOUD_STATUS,
    MAILGUN_INBOUND,
    MAILGUN_INBOUND_FIELDS,
    TWILIO_INBOUND,
    TWILIO_STATUS,
)
from notifications.channels.mailgun import mailgun_signature_is_valid
from notifications.channels.twilio import twilio_signature_is_valid
from notifications.channels.whatsapp_cloud import cloud_signature_is_valid, cloud_verify_token_is_valid
from notifications.models import Category, Notification
from notifications.preferences import preference_matrix
from nzila_export.api.errors import error_body
from nzila_export.api.filters import StrictBooleanField
from webhooks.views import WebhookView


class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The signed-in person's in-app inbox; nobody sees anyone else's."""

    permission_classes = [IsAuthenticated]
    serializer_class = serializers.NotificationSerializer
    queryset = Notification.objects.none()  # for the schema; the real one is the caller's own
    ordering_fields = ["created_at"]

    def get_queryset(self):
        return selectors.notification_list_for_user(user=self.request.user, unread_only=self._unread_only())

    def _unread_only(self) -> bool:
        try:
            return bool(StrictBooleanField().clean(self.request.query_params.get("unread")))
        except DjangoValidationError as error:
            raise ValidationError({"unread": error.messages}) from error

    @extend_schema(parameters=[OpenApiParameter("unread", bool, description="Only unread notifications")])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses=serializers.UnreadCountSerializer)
    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request):
        return Response({"unread": selectors.notification_unread_count(user=request.user)})

    @extend_schema(request=None, responses=serializers.NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notification = services.notification_mark_read(notification=self.get_object())
        return Response(self.get_serializer(notification).data)

    @extend_schema(request=None, responses=serializers.MarkedReadSerializer)
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        return Response({"marked_read": services.notifications_mark_all_read(user=request.user)})


class PreferencesView(APIView):
    """The caller's channels per category. Transactional in-app and e-mail are locked on; marketing
    stays off until consented (turning it on records the consent)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=serializers.PreferenceSerializer(many=True))
    def get(self, request):
        return Response(serializers.PreferenceSerializer(preference_matrix(user=request.user), many=True).data)

    @extend_schema(
        request=serializers.PreferencesUpdateSerializer, responses=serializers.PreferenceSerializer(many=True)
    )
    def patch(self, request):
        serializer = serializers.PreferencesUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.preferences_update(user=request.user, changes=serializer.validated_data["preferences"])
        return Response(serializers.PreferenceSerializer(preference_matrix(user=request.user), many=True).data)


class UnsubscribeView(APIView):
    """One-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` to the link in a
    marketing e-mail's List-Unsubscribe header. Open, with no session: the signed token names the person
    and the channel. Their marketing consent on that channel is withdrawn at once; a second POST changes
    nothing. A forged token is 404, a stale one 410. A GET (a link scanner) unsubscribes nobody."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(request=None, responses=serializers.UnsubscribedSerializer)
    def post(self, request, token: str):
        _user, channel = services.marketing_unsubscribe(token=token)
        return Response({"channel": channel, "category": Category.MARKETING, "enabled": False})


class TwilioWebhookView(WebhookView):
    """A Twilio callback: its POST parameters count only when X-Twilio-Signature verifies them; then it
    is stored once in the inbox (by its message id and status) and applied by a worker."""

    event_type = ""
    parser_classes = [FormParser, MultiPartParser]  # Twilio posts form-encoded fields (read as request.POST)

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        params = request.POST.dict()
        signature = request.headers.get("X-Twilio-Signature", "")
        if not twilio_signature_is_valid(url=selectors.public_url_of(request), params=params, signature=signature):
            return self.bad_signature("Twilio")
        sid = params.get("MessageSid") or params.get("SmsSid") or ""
        event_id = f"{sid}:{params.get('MessageStatus', '')}" if self.event_type == TWILIO_STATUS else sid
        self.accept(
            provider="twilio",
            event_id=event_id,
            event_type=self.event_type,
            headers=("X-Twilio-Signature",),
            body=urlencode(params).encode(),  # the parameters Twilio signed, as Twilio posts them
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class TwilioStatusCallbackView(TwilioWebhookView):
    """Twilio's message status callbacks. Replays and late reports change nothing."""

    event_type = TWILIO_STATUS


class TwilioWhatsAppInboundView(TwilioWebhookView):
    """Incoming WhatsApp messages: each opens the 24-hour window in which free-form replies are allowed."""

    event_type = TWILIO_INBOUND


class MailgunEventView(WebhookView):
    """Mailgun's delivery events, signed in their body; stored once by the event's id and applied by a
    worker: permanent failures and complaints mark the address undeliverable."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        try:  # the raw body: it is what the inbox stores
            body = json.loads(request.body)
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        signature = body.get("signature") if isinstance(body.get("signature"), dict) else {}
        if not mailgun_signature_is_valid(
            timestamp=str(signature.get("timestamp", "")),
            token=str(signature.get("token", "")),
            signature=str(signature.get("signature", "")),
        ):
            return self.bad_signature("Mailgun")
        event_data = body.get("event-data") if isinstance(body.get("event-data"), dict) else {}
        self.accept(
            provider="mailgun", event_id=str(event_data.get("id") or signature.get("token", "")),
            event_type=str(event_data.get("event", "")),
        )  # fmt: skip
        return Response(status=status.HTTP_204_NO_CONTENT)


class MailgunInboundView(WebhookView):
    """An e-mail to one of our addresses, forwarded by a Mailgun route (`forward()` to this URL): Mailgun's
    parsed form (`recipient`, `sender`, `stripped-text`, ...), signed by `timestamp`, `token` and `signature`
    with the webhook signing key. It counts only when the signature verifies; then it is stored once by its
    Message-Id (without its attachments) and applied by a worker, which hands it to the app whose address it
    was sent to: support adds a reply sent to a ticket's reply address to that ticket.
    https://documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/receive-http"""

    parser_classes = [FormParser, MultiPartParser]  # multipart when the e-mail has attachments

    @extend_schema(request=None, responses={200: None})
    def post(self, request):
        fields = request.POST
        if not mailgun_signature_is_valid(
            timestamp=fields.get("timestamp", ""), token=fields.get("token", ""), signature=fields.get("signature", "")
        ):
            return self.bad_signature("Mailgun")
        self.accept(
            provider="mailgun",
            event_id=f"inbound:{fields.get('Message-Id') or fields.get('token', '')}",
            event_type=MAILGUN_INBOUND,
            body=json.dumps({name: fields.get(name, "") for name in MAILGUN_INBOUND_FIELDS}).encode(),
        )
        return Response(status=status.HTTP_200_OK)  # Mailgun retries a route's POST on anything but 200 or 406


class WhatsAppCloudWebhookView(WebhookView):
    """Meta's WhatsApp Cloud API webhook. GET is the subscription handshake: the challenge is echoed when
    the verify token matches. A POST counts only when X-Hub-Signature-256 verifies its raw body; then each
    message status and each inbound message it carries is stored once in the inbox (a status by message
    id and status, an inbound message by its id) and applied by a worker."""

    @extend_schema(
        parameters=[
            OpenApiParameter("hub.mode", str, required=True, description="subscribe"),
            OpenApiParameter("hub.verify_token", str, required=True, description="WHATSAPP_CLOUD_VERIFY_TOKEN"),
            OpenApiParameter("hub.challenge", str, required=True, description="Echoed back"),
        ],
        responses={200: OpenApiTypes.STR, 403: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        params = request.query_params
        if params.get("hub.mode") != "subscribe" or not cloud_verify_token_is_valid(params.get("hub.verify_token", "")):
            detail = gettext("The verify token does not match: the subscription is refused.")
            return Response(error_body(status_code=403, code="bad_verify_token", detail=detail), status=403)
        return HttpResponse(params.get("hub.challenge", ""), content_type="text/plain")

    @extend_schema(request=None, responses={200: None})
    def post(self, request):
        if not cloud_signature_is_valid(body=request.body, signature=request.headers.get("X-Hub-Signature-256", "")):
            return self.bad_signature("WhatsApp")
        try:
            payload = json.loads(request.body)
        except ValueError:
            payload = {}
        for value in _change_values(payload):
            for status_object in _objects(value.get("statuses")):
                self.accept(
                    provider="whatsapp_cloud",
                    event_id=f"{status_object.get('id', '')}:{status_object.get('status', '')}",
                    event_type=CLOUD_STATUS,
                    body=json.dumps(status_object).encode(),
                )
            for inbound in _objects(value.get("messages")):
                self.accept(
                    provider="whatsapp_cloud",
                    event_id=str(inbound.get("id", "")),
                    event_type=CLOUD_INBOUND,
                    body=json.dumps(inbound).encode(),
                )
        return Response(status=status.HTTP_200_OK)


def _objects(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _change_values(payload) -> list[dict]:
    """Each entry[].changes[].value of a webhook payload, skipping what is not shaped as Meta documents."""
    if not isinstance(payload, dict):
        return []
    changes = [change for entry in _objects(payload.get("entry")) for change in _objects(entry.get("changes"))]
    return [change["value"] for change in changes if isinstance(change.get("value"), dict)]
