import csv
import io

from django.conf import settings
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from audit.context import client_ip
from deals.selectors import deal_list_visible_to
from nzila_export.api.errors import error_body
from nzila_export.api.webhooks import WebhookView
from payments.api import serializers
from payments.api.filters import LedgerEntryFilter, PaymentFilter
from payments.fraud import BLOCKED_FAILURE_CODE, REFUSED_MESSAGE, FraudRefusal, PaymentBlocked
from payments.gateways.base import WebhookSignatureInvalid
from payments.gateways.mobile_money import MOBILE_MONEY_METHODS
from payments.models import LedgerEntry, Payment, PaymentStatus, WebhookEventStatus
from payments.selectors import currency_list, ledger_entry_list_visible_to, payment_list_visible_to
from payments.services.cards import card_attach, card_detach, card_list, card_set_default
from payments.services.mobile_money import (
    mobile_money_callback_receive,
    mobile_money_event_process,
    mobile_money_payer_check,
)
from payments.services.payments import PaymentUnavailable, payment_confirm, payment_create
from payments.services.refunds import payment_refund
from payments.services.reviews import payment_review
from payments.services.webhooks import stripe_webhook_receive
from payments.tasks import process_webhook_event

IDEMPOTENCY_KEY_MAX_LENGTH = 255

IDEMPOTENCY_KEY_PARAMETER = OpenApiParameter(
    name="Idempotency-Key",
    location=OpenApiParameter.HEADER,
    type=str,
    required=True,
    description="A unique key per payment (a UUID): the same key and body give the same answer and one "
    "charge; the same key with another body is 422.",
)
DECLINED = OpenApiResponse(description="Declined: `code` is the reason (card_declined, ...), `payment` its id.")


class CurrencyListView(APIView):
    """The currencies the platform takes, with their ISO 4217 exponent and current rate to CAD."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: serializers.CurrencySerializer(many=True)})
    def get(self, request):
        language = getattr(request, "LANGUAGE_CODE", "en") or "en"
        currencies = currency_list(locale=language.split("-")[0])
        return Response(serializers.CurrencySerializer(currencies, many=True).data)


class PaymentViewSet(
    mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Payments of deals. Staff see every payment; a deal's buyer, dealer and broker see its payments.
    Only the deal's buyer (or staff) pays, while the deal is pending payment."""

    queryset = Payment.objects.none()  # for the schema; the real one is scoped to the caller
    serializer_class = serializers.PaymentSerializer
    filterset_class = PaymentFilter
    ordering_fields = ["created_at", "amount_cad"]
    ordering = ["-created_at", "-id"]
    throttle_scope = "payments"
    permission_classes = [IsAuthenticated]

    def get_throttles(self):
        throttles = super().get_throttles()
        if self.action in ("create", "refund", "confirm", "review"):
            throttles.append(ScopedRateThrottle())
        return throttles

    def get_queryset(self):
        return payment_list_visible_to(user=self.request.user)

    @extend_schema(
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        request=serializers.PaymentCreateSerializer,
        responses={
            201: serializers.PaymentSerializer,
            200: OpenApiResponse(serializers.PaymentSerializer, description="A replay of an earlier request"),
            202: OpenApiResponse(serializers.PaymentSerializer, description="Held for review: nothing charged yet."),
            402: DECLINED,
            403: OpenApiResponse(description="Refused by the fraud controls (no reason given)."),
            409: OpenApiResponse(description="The deal is not pending payment, or is on hold."),
            429: OpenApiResponse(description="Too many attempts: Retry-After says when to try again."),
            422: OpenApiResponse(
                description="Idempotency-Key reused with another body, no exchange rate, or the rail is not configured."
            ),
            503: OpenApiResponse(description="The provider is out of reach: the same request again retries it."),
        },
    )
    def create(self, request, *args, **kwargs):
        """Pay (part of) a deal, in its currency or another converted at the day's rate (recorded both
        ways). Sandbox amounts: minor units ending in 13 decline (card_declined), 14 decline
        (insufficient_funds), 33 need 3-D Secure (then `confirm/`). A decline is 402 and the failed
        payment is kept; when succeeded payments cover the agreed price the deal moves to paid.
        Mobile money (mpesa, mtn_momo, orange_money, airtel_money) takes the payer's `phone` and answers
        201 pending with `instructions`; the rail's callback settles it."""
        key = request.headers.get("Idempotency-Key", "").strip()
        if not key:
            raise ValidationError({"Idempotency-Key": ["This header is required: a unique key per payment."]})
        if len(key) > IDEMPOTENCY_KEY_MAX_LENGTH:
            raise ValidationError({"Idempotency-Key": [f"At most {IDEMPOTENCY_KEY_MAX_LENGTH} characters."]})
        serializer = serializers.PaymentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        deal = deal_list_visible_to(user=request.user).filter(pk=data["deal"]).first()
        if deal is None:
            raise ValidationError({"deal": ["No such deal among yours."]})
        payment_method = data["payment_method"]
        if data["method"] in MOBILE_MONEY_METHODS:  # the instrument is the payer's number
            payment_method = mobile_money_payer_check(
                method=data["method"], phone=data["phone"], amount=data["amount"], currency=data["currency"]
            )
        try:
            attempt = payment_create(
                deal=deal, user=request.user, amount=data["amount"], currency=data["currency"],
                method=data["method"], idempotency_key=key, payment_method=payment_method,
                billing_country=data["billing_country"], radar_session=data["radar_session"],
                ip_address=client_ip(request),
            )  # fmt: skip
        except FraudRefusal as refusal:
            # Answered, not raised, so that the refusal's audit record (and a blocked payment) are kept.
            extra = {"payment": refusal.payment_id} if refusal.payment_id else {}
            if refusal.retry_after:
                extra["retry_after"] = refusal.retry_after
            body = error_body(status_code=refusal.status_code, code=refusal.code, detail=refusal.message, **extra)
            response = Response(body, status=refusal.status_code)
            if refusal.retry_after:
                response["Retry-After"] = str(refusal.retry_after)
            return response
        except PaymentUnavailable as unavailable:
            # Answered, not raised, so that the pending payment is kept for the retry with the same key.
            body = error_body(
                status_code=unavailable.status_code, code=unavailable.code, detail=unavailable.message,
                payment=unavailable.payment_id,
            )  # fmt: skip
            return Response(body, status=unavailable.status_code)
        success_status = status.HTTP_200_OK if attempt.replayed else status.HTTP_201_CREATED
        if attempt.payment.status == PaymentStatus.HELD and not attempt.replayed:
            success_status = status.HTTP_202_ACCEPTED  # taken, not charged: held for review
        response = self._answer(attempt.payment, success_status=success_status)
        if attempt.replayed:
            response["Idempotent-Replayed"] = "true"
        return response

    def _answer(self, payment: Payment, *, success_status: int) -> Response:
        # A decline is answered (402) without raising, so that the failed payment is kept: the request's
        # transaction commits, and a replay of the same key answers the same 402 (403 for a blocked one).
        if payment.status == PaymentStatus.FAILED and payment.failure_code == BLOCKED_FAILURE_CODE:
            body = error_body(status_code=403, code=PaymentBlocked.code, detail=REFUSED_MESSAGE, payment=payment.pk)
            response = Response(body, status=status.HTTP_403_FORBIDDEN)
        elif payment.status == PaymentStatus.FAILED:
            body = error_body(
                status_code=402, code=payment.failure_code or "payment_declined",
                detail=payment.failure_reason or "The payment was declined.", payment=payment.pk,
            )  # fmt: skip
            response = Response(body, status=status.HTTP_402_PAYMENT_REQUIRED)
        else:
            data = serializers.PaymentSerializer(payment, context=self.get_serializer_context()).data
            response = Response(data, status=success_status)
        return response

    @extend_schema(
        request=None,
        responses={200: serializers.PaymentSerializer, 402: DECLINED},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def confirm(self, request, pk=None):
        """After 3-D Secure: ask the provider where the payment stands and apply it (safe to repeat)."""
        payment = self.get_object()
        if not (request.user.is_platform_staff or request.user.pk == payment.payer_id):
            raise PermissionDenied("Only the payer or staff confirm a payment.")
        payment = payment_confirm(payment=payment, user=request.user)
        return self._answer(payment, success_status=status.HTTP_200_OK)

    @extend_schema(
        request=serializers.PaymentReviewSerializer,
        responses={
            200: serializers.PaymentSerializer,
            409: OpenApiResponse(description="Not held for review, or the deal is no longer payable."),
        },
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def review(self, request, pk=None):
        """Staff approve a payment held by the fraud controls (it then goes to its provider) or reject it
        (it fails, nothing charged, the buyer told)."""
        if not request.user.is_platform_staff:
            raise PermissionDenied("Only staff review payments.")
        payment = self.get_object()
        serializer = serializers.PaymentReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            payment = payment_review(payment=payment, reviewer=request.user, **serializer.validated_data)
        except PaymentUnavailable as unavailable:
            body = error_body(
                status_code=unavailable.status_code, code=unavailable.code, detail=unavailable.message,
                payment=unavailable.payment_id,
            )  # fmt: skip
            return Response(body, status=unavailable.status_code)
        data = serializers.PaymentSerializer(payment, context=self.get_serializer_context()).data
        return Response(data)

    @extend_schema(
        request=serializers.PaymentRefundSerializer,
        responses={
            201: serializers.LedgerEntrySerializer,
            409: OpenApiResponse(description="The payment cannot be refunded (not captured, or disputed)."),
        },
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def refund(self, request, pk=None):
        """Staff refund all or part of a captured payment; partial refunds add up and never exceed it."""
        if not request.user.is_platform_staff:
            raise PermissionDenied("Only staff refund payments.")
        payment = self.get_object()
        serializer = serializers.PaymentRefundSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        entry = payment_refund(payment=payment, user=request.user, **serializer.validated_data)
        return Response(serializers.LedgerEntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class TransactionViewSet(viewsets.ReadOnlyModelViewSet):
    """The ledger, read-only: every movement of money (charge, refund, fee, dispute ...), signed: money
    in positive, money out negative. Scoped like payments; staff export it as CSV."""

    queryset = LedgerEntry.objects.none()
    serializer_class = serializers.LedgerEntrySerializer
    filterset_class = LedgerEntryFilter
    ordering_fields = ["created_at"]
    ordering = ["-created_at", "-id"]
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return ledger_entry_list_visible_to(user=self.request.user)

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR})
    @action(detail=False, methods=["get"], url_path="export", pagination_class=None)
    def export(self, request):
        """Staff: the (filtered) ledger as CSV."""
        if not request.user.is_platform_staff:
            raise PermissionDenied("Only staff export the ledger.")
        entries = self.filter_queryset(self.get_queryset())
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        columns = ["id", "created_at", "kind", "payment", "deal", "amount", "currency", "deal_amount",
                   "deal_currency", "amount_cad", "provider_reference", "note"]  # fmt: skip
        writer.writerow(columns)
        for entry in entries.iterator(chunk_size=1000):
            row = serializers.LedgerEntrySerializer(entry).data
            writer.writerow([row[column] for column in columns])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="ledger.csv"'
        return response


class StripeWebhookView(WebhookView):
    """Stripe's events, verified by the Stripe-Signature header against the raw body (a stale timestamp
    is refused too) and stored once by id; the answer is immediate, and a worker applies the event
    (idempotently, in any order, retrying one that fails). A redelivered event not applied yet is queued
    again. Unknown event types are stored and ignored."""

    @extend_schema(request=None, responses={200: OpenApiResponse(description="Stored; applied by a worker.")})
    def post(self, request):
        try:
            event = stripe_webhook_receive(body=request.body, headers=request.headers)
        except WebhookSignatureInvalid:
            return self.bad_signature("Stripe")
        if event.status in (WebhookEventStatus.RECEIVED, WebhookEventStatus.FAILED):
            # Not in a transaction here (the view is outside the request transaction): the row is committed.
            process_webhook_event.delay(event.pk)
            if settings.CELERY_TASK_ALWAYS_EAGER:  # applied already (tests, local runs): say how it went
                event.refresh_from_db(fields=["status"])
        return Response({"event": event.provider_event_id, "status": event.status})


CALLBACK_PARAMETERS = [
    OpenApiParameter(name="payment", location=OpenApiParameter.QUERY, type=str, required=True,
                     description="Our payment id, from the callback URL we gave the rail"),
    OpenApiParameter(name="token", location=OpenApiParameter.QUERY, type=str, required=True,
                     description="The payment's callback token, from the same URL"),
]  # fmt: skip


class MobileMoneyWebhookView(WebhookView):
    """A mobile-money rail's callback about one payment. Authenticated by the unguessable per-payment
    token in the URL we gave the rail (the rails do not sign), stored once by the rail's id, and settled
    only after a status query to the rail agrees, and only if amount, currency and phone match (else
    held for staff). 400 and nothing stored for a wrong token, an unknown payment or a malformed body."""

    method = ""
    provider_name = ""

    @extend_schema(
        parameters=CALLBACK_PARAMETERS,
        request=serializers.MobileMoneyCallbackSerializer,
        responses={
            200: serializers.MobileMoneyCallbackAnswerSerializer,
            400: OpenApiResponse(description="Wrong token, unknown payment or not the rail's callback."),
        },
    )
    def post(self, request):
        try:
            event = mobile_money_callback_receive(
                method=self.method, payment_id=str(request.query_params.get("payment", "")),
                token=str(request.query_params.get("token", "")), body=request.body, headers=request.headers,
            )  # fmt: skip
        except WebhookSignatureInvalid:
            return self.bad_signature(self.provider_name)
        if event.status in (WebhookEventStatus.RECEIVED, WebhookEventStatus.FAILED):
            event = mobile_money_event_process(event_id=event.pk)
        return Response({"event": event.provider_event_id, "status": event.status})


class MpesaWebhookView(MobileMoneyWebhookView):
    method, provider_name = "mpesa", "M-Pesa"


class MtnMomoWebhookView(MobileMoneyWebhookView):
    """MTN MoMo sends its callback with PUT (POST is taken too)."""

    method, provider_name = "mtn_momo", "MTN MoMo"

    @extend_schema(
        parameters=CALLBACK_PARAMETERS,
        request=serializers.MobileMoneyCallbackSerializer,
        responses={
            200: serializers.MobileMoneyCallbackAnswerSerializer,
            400: OpenApiResponse(description="Wrong token, unknown payment or not the rail's callback."),
        },
    )
    def put(self, request):
        return self.post(request)


class OrangeMoneyWebhookView(MobileMoneyWebhookView):
    """Orange's notification also carries its notif_token, checked against the one the payment was given."""

    method, provider_name = "orange_money", "Orange Money"


class AirtelMoneyWebhookView(MobileMoneyWebhookView):
    method, provider_name = "airtel_money", "Airtel Money"


class PaymentMethodViewSet(viewsets.ViewSet):
    """The caller's saved cards, kept at Stripe on the caller's Stripe customer (made once, on first
    need). 409 when card payments do not go through Stripe (the sandbox keeps no cards)."""

    permission_classes = [IsAuthenticated]
    lookup_value_regex = "[^/]+"
    CONFLICT = OpenApiResponse(description="Card payments do not go through Stripe here.")

    @extend_schema(responses={200: serializers.SavedCardSerializer(many=True), 409: CONFLICT})
    def list(self, request):
        return Response(serializers.SavedCardSerializer(card_list(user=request.user), many=True).data)

    @extend_schema(
        request=serializers.CardAttachSerializer, responses={201: serializers.SavedCardSerializer, 409: CONFLICT}
    )
    def create(self, request):
        """Attach a card (a PaymentMethod made by Stripe.js) to the caller's customer."""
        serializer = serializers.CardAttachSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        card = card_attach(user=request.user, payment_method=serializer.validated_data["payment_method"])
        return Response(serializers.SavedCardSerializer(card).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={204: None, 409: CONFLICT})
    def destroy(self, request, pk=None):
        card_detach(user=request.user, payment_method=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={200: serializers.SavedCardSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def default(self, request, pk=None):
        """Make this card the default one."""
        card = card_set_default(user=request.user, payment_method=pk)
        return Response(serializers.SavedCardSerializer(card).data)
