from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from notifications import selectors, services
from notifications.api import serializers
from notifications.channels.mailgun import mailgun_event_outcome, mailgun_signature_is_valid
from notifications.channels.twilio import CALLBACK_STATUSES, error_code_is_undeliverable, twilio_signature_is_valid
from notifications.models import Notification
from notifications.preferences import preference_matrix
from nzila_export.api.webhooks import WebhookView


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
    """A Twilio callback: its POST parameters count only when X-Twilio-Signature verifies them."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        params = request.POST.dict()
        signature = request.headers.get("X-Twilio-Signature", "")
        if not twilio_signature_is_valid(url=selectors.public_url_of(request), params=params, signature=signature):
            return self.bad_signature("Twilio")
        self.handle(params)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def handle(self, params: dict) -> None:
        raise NotImplementedError


class TwilioStatusCallbackView(TwilioWebhookView):
    """Twilio's message status callbacks. Replays and late reports change nothing."""

    def handle(self, params: dict) -> None:
        status_value = CALLBACK_STATUSES.get(params.get("MessageStatus", ""))
        if status_value is None or not params.get("MessageSid"):
            return
        error_code = params.get("ErrorCode", "")
        services.message_record_status(
            provider_message_id=params["MessageSid"],
            status=status_value,
            error=f"{params.get('MessageStatus')} (Twilio error {error_code})" if error_code else "",
            undeliverable=error_code_is_undeliverable(error_code),
        )


class TwilioWhatsAppInboundView(TwilioWebhookView):
    """Incoming WhatsApp messages: each opens the 24-hour window in which free-form replies are allowed."""

    def handle(self, params: dict) -> None:
        sender = params.get("From", "").removeprefix("whatsapp:")
        if sender:
            services.whatsapp_inbound_record(phone=sender, received_at=timezone.now())


class MailgunEventView(WebhookView):
    """Mailgun's delivery events: permanent failures and complaints mark the address undeliverable."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        body = request.data if isinstance(request.data, dict) else {}
        signature = body.get("signature") if isinstance(body.get("signature"), dict) else {}
        if not mailgun_signature_is_valid(
            timestamp=str(signature.get("timestamp", "")),
            token=str(signature.get("token", "")),
            signature=str(signature.get("signature", "")),
        ):
            return self.bad_signature("Mailgun")
        event_data = body.get("event-data") if isinstance(body.get("event-data"), dict) else {}
        outcome = mailgun_event_outcome(event_data)
        if outcome is not None:
            status_value, undeliverable = outcome
            reason = f"Mailgun {event_data.get('event')}: {event_data.get('reason', '')}".strip()
            message_id = (event_data.get("message") or {}).get("headers", {}).get("message-id", "")
            recorded = services.message_record_status(
                provider_message_id=message_id, status=status_value, error=reason, undeliverable=undeliverable
            )
            if undeliverable and recorded is None and event_data.get("recipient"):
                services.recipient_suppress(channel="email", address=event_data["recipient"], reason=reason)
        return Response(status=status.HTTP_204_NO_CONTENT)
