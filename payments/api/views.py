import csv
import io

from django.db import transaction
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from audit.context import client_ip
from deals.selectors import deal_list_visible_to
from payments.api import serializers
from payments.api.filters import LedgerEntryFilter, PaymentFilter
from payments.gateways.base import WebhookSignatureInvalid
from payments.gateways.mobile_money import MOBILE_MONEY_METHODS
from payments.gateways.stripe import stripe_event_verify
from payments.models import LedgerEntry, Payment, PaymentMethod, PaymentStatus
from payments.selectors import ledger_entry_list_visible_to, payment_list_visible_to
from payments.services.cards import card_attach, card_detach, card_list, card_set_default
from payments.services.ledger import ledger_export_record
from payments.services.mobile_money import mobile_money_callback_verify, mobile_money_payer_check
from payments.services.payments import payment_confirm, payment_create
from payments.services.paystack import paystack_event_read, paystack_payer_check
from payments.services.refunds import payment_refund
from payments.services.reviews import payment_review
from webhooks.views import WebhookView

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


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentViewSet(
    mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Payments of deals. Staff see every payment; a deal's buyer, dealer and broker see its payments.
    Only the deal's buyer (or staff) pays, while the deal is pending payment.

    Outside the request-wide transaction: each payment service commits what must be kept (a declined or
    blocked payment, a pending one for the retry, a refusal's audit record) before it raises the refusal
    that the one error handler answers."""

    queryset = Payment.objects.none()  # for the schema; the real one is scoped to the caller
    serializer_class = serializers.PaymentSerializer
    filterset_class = PaymentFilter
    ordering_fields = ["created_at", "amount_cad"]
    ordering = ["-created_at", "-id"]
    throttle_scope = "payments"
    throttled_actions = {"create", "refund", "confirm", "review"}
    permission_classes = [IsAuthenticated]

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
        201 pending with `instructions`; the rail's callback settles it. Paystack (NGN, GHS; optional
        `channels`) answers 201 pending with the checkout's URL as `client_secret`; its webhook settles it."""
        key = request.headers.get("Idempotency-Key", "").strip()
        if not key:
            raise ValidationError({"Idempotency-Key": [gettext("This header is required: a unique key per payment.")]})
        if len(key) > IDEMPOTENCY_KEY_MAX_LENGTH:
            raise ValidationError(
                {"Idempotency-Key": [gettext("At most %(count)d characters.") % {"count": IDEMPOTENCY_KEY_MAX_LENGTH}]}
            )
        serializer = serializers.PaymentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        deal = deal_list_visible_to(user=request.user).filter(pk=data["deal"]).first()
        if deal is None:
            raise ValidationError({"deal": [gettext("No such deal among yours.")]})
        payment_method = data["payment_method"]
        if data["method"] in MOBILE_MONEY_METHODS:  # the instrument is the payer's number
            payment_method = mobile_money_payer_check(
                method=data["method"], phone=data["phone"], amount=data["amount"], currency=data["currency"]
            )
        elif data["method"] == PaymentMethod.PAYSTACK:  # the instrument is the checkout's channels
            payment_method = paystack_payer_check(
                currency=data["currency"], channels=data["channels"], email=deal.buyer.email
            )
        attempt = payment_create(
            deal=deal, user=request.user, amount=data["amount"], currency=data["currency"],
            method=data["method"], idempotency_key=key, payment_method=payment_method,
            billing_country=data["billing_country"], radar_session=data["radar_session"],
            ip_address=client_ip(request),
        )  # fmt: skip
        success_status = status.HTTP_200_OK if attempt.replayed else status.HTTP_201_CREATED
        if attempt.payment.status == PaymentStatus.HELD and not attempt.replayed:
            success_status = status.HTTP_202_ACCEPTED  # taken, not charged: held for review
        response = Response(self._payment_body(attempt.payment), status=success_status)
        if attempt.replayed:
            response["Idempotent-Replayed"] = "true"
        return response

    def _payment_body(self, payment: Payment) -> dict:
        return serializers.PaymentSerializer(payment, context=self.get_serializer_context()).data

    @extend_schema(
        request=None,
        responses={200: serializers.PaymentSerializer, 402: DECLINED},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def confirm(self, request, pk=None):
        """After 3-D Secure: ask the provider where the payment stands and apply it (safe to repeat)."""
        payment = self.get_object()
        if not (request.user.is_platform_staff or request.user.pk == payment.payer_id):
            raise PermissionDenied(gettext("Only the payer or staff confirm a payment."))
        return Response(self._payment_body(payment_confirm(payment=payment, user=request.user)))

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
            raise PermissionDenied(gettext("Only staff review payments."))
        payment = self.get_object()
        serializer = serializers.PaymentReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        payment = payment_review(payment=payment, reviewer=request.user, **serializer.validated_data)
        return Response(self._payment_body(payment))

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
            raise PermissionDenied(gettext("Only staff refund payments."))
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
            raise PermissionDenied(gettext("Only staff export the ledger."))
        entries = self.filter_queryset(self.get_queryset())
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        columns = ["id", "created_at", "kind", "payment", "deal", "amount", "currency", "deal_amount",
                   "deal_currency", "amount_cad", "provider_reference", "note"]  # fmt: skip
        writer.writerow(columns)
        rows = 0
        for entry in entries.iterator(chunk_size=1000):
            row = serializers.LedgerEntrySerializer(entry).data
            writer.writerow([row[column] for column in columns])
            rows += 1
        filters = {
            name: request.query_params[name]
            for name in (*self.filterset_class.base_filters, "ordering")
            if name in request.query_params
        }
        ledger_export_record(user=request.user, filters=filters, rows=rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="ledger.csv"'
        return response


class StripeWebhookView(WebhookView):
    """Stripe's events, verified by the Stripe-Signature header against the raw body (a stale timestamp
    is refused too), stored once by id in the inbox and answered at once; a worker applies each
    (idempotently, in any order). A failure is tried again by the inbox job, bounded, then staff are
    alerted. Unknown event types are stored and ignored."""

    @extend_schema(request=None, responses={200: serializers.WebhookAnswerSerializer})
    def post(self, request):
        try:
            event = stripe_event_verify(body=request.body, signature=request.headers.get("Stripe-Signature", ""))
        except WebhookSignatureInvalid:
            return self.bad_signature("Stripe")
        stored = self.accept(
            provider="stripe", event_id=str(event.get("id", "")), event_type=str(event.get("type", "")),
            headers=("Stripe-Signature", "User-Agent", "Content-Type"),
        )  # fmt: skip
        return Response({"event": stored.event_id, "status": stored.status})


CALLBACK_PARAMETERS = [
    OpenApiParameter(name="payment", location=OpenApiParameter.QUERY, type=str, required=True,
                     description="Our payment id, from the callback URL we gave the rail"),
    OpenApiParameter(name="token", location=OpenApiParameter.QUERY, type=str, required=True,
                     description="The payment's callback token, from the same URL"),
]  # fmt: skip
CALLBACK_RESPONSES = {
    200: serializers.WebhookAnswerSerializer,
    400: OpenApiResponse(description="Wrong token, unknown payment or not the rail's callback."),
}


class MobileMoneyWebhookView(WebhookView):
    """A mobile-money rail's callback about one payment. Authenticated by the unguessable per-payment
    token in the URL we gave the rail (the rails do not sign), stored once by the rail's id and answered
    at once; a worker settles it only after a status query to the rail agrees, and only if amount,
    currency and phone match (else held for staff). 400 and nothing stored for a wrong token, an unknown
    payment or a malformed body."""

    method = ""
    provider_name = ""

    @extend_schema(
        parameters=CALLBACK_PARAMETERS, request=serializers.MobileMoneyCallbackSerializer, responses=CALLBACK_RESPONSES
    )
    def post(self, request):
        try:
            callback = mobile_money_callback_verify(
                method=self.method, payment_id=str(request.query_params.get("payment", "")),
                token=str(request.query_params.get("token", "")), body=request.body, headers=request.headers,
            )  # fmt: skip
        except WebhookSignatureInvalid:
            return self.bad_signature(self.provider_name)
        event = self.accept(
            provider=self.method, event_id=callback.event_id, event_type=callback.event_type,
            headers=("User-Agent", "Content-Type", "X-Forwarded-For"), target=str(callback.payment.pk),
        )  # fmt: skip
        return Response({"event": event.event_id, "status": event.status})


class MpesaWebhookView(MobileMoneyWebhookView):
    method, provider_name = "mpesa", "M-Pesa"


class MtnMomoWebhookView(MobileMoneyWebhookView):
    """MTN MoMo sends its callback with PUT (POST is taken too)."""

    method, provider_name = "mtn_momo", "MTN MoMo"

    @extend_schema(
        parameters=CALLBACK_PARAMETERS, request=serializers.MobileMoneyCallbackSerializer, responses=CALLBACK_RESPONSES
    )
    def put(self, request):
        return self.post(request)


class OrangeMoneyWebhookView(MobileMoneyWebhookView):
    """Orange's notification also carries its notif_token, checked against the one the payment was given."""

    method, provider_name = "orange_money", "Orange Money"


class AirtelMoneyWebhookView(MobileMoneyWebhookView):
    method, provider_name = "airtel_money", "Airtel Money"


class PaystackWebhookView(WebhookView):
    """Paystack's events (one URL for the account, set in its dashboard), verified by x-paystack-signature,
    the HMAC-SHA512 of the raw body under our secret key; stored once and answered at once. A worker
    settles a charge.success only after verifying the transaction at Paystack and only if amount and
    currency match (else held for staff); refund.processed and refund.failed reach the refund's payment.
    400 and nothing stored for a bad signature."""

    @extend_schema(
        request=serializers.PaystackEventSerializer,
        responses={200: serializers.WebhookAnswerSerializer, 400: OpenApiResponse(description="Bad signature.")},
    )
    def post(self, request):
        try:
            verified = paystack_event_read(body=request.body, signature=request.headers.get("x-paystack-signature", ""))
        except WebhookSignatureInvalid:
            return self.bad_signature("Paystack")
        event = self.accept(
            provider="paystack", event_id=verified.event_id, event_type=verified.event_type,
            headers=("x-paystack-signature", "User-Agent", "Content-Type"), target=verified.target,
        )  # fmt: skip
        return Response({"event": event.event_id, "status": event.status})


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
