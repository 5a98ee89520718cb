import json
from urllib.parse import urlencode

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from notifications import selectors, services
from notifications.api import serializers
from notifications.callbacks import TWILIO_INBOUND, TWILIO_STATUS
from notifications.channels.mailgun import mailgun_signature_is_valid
from notifications.channels.twilio import twilio_signature_is_valid
from notifications.models import Notification
from notifications.preferences import preference_matrix
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
        return self.request.query_params.get("unread", "").lower() in {"1", "true", "yes"}

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


class TwilioWebhookView(WebhookView):
    """A Twilio callback: its POST parameters count only when X-Twilio-Signature verifies them; then it
    is stored once in the inbox (by its message id and status) and applied by a worker."""

    event_type = ""

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
