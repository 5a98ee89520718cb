from dataclasses import asdict

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Role, User
from plans import selectors, services
from plans.api import serializers
from vehicles.api.permissions import IsDealer

REFUSALS = {
    400: OpenApiResponse(description="Bad input: the field and why."),
    401: OpenApiResponse(description="Not signed in."),
    403: OpenApiResponse(description="Not a dealer."),
}


class PlanListView(APIView):
    """The plans: prices, limits and features. Anyone may read them."""

    permission_classes = [AllowAny]

    @extend_schema(operation_id="plans_list", responses={200: serializers.PlanSerializer(many=True)})
    def get(self, request):
        return Response(serializers.PlanSerializer(selectors.plan_list(), many=True).data)


def _usage_body(dealer: User) -> dict:
    return {"dealer": dealer.pk, **asdict(selectors.dealer_usage(dealer=dealer))}


def _subscription_body(dealer: User) -> dict:
    return {
        "plan": serializers.PlanSerializer(selectors.dealer_plan(dealer=dealer)).data,
        "subscription": (
            serializers.SubscriptionDetailSerializer(subscription).data
            if (subscription := selectors.subscription_of(dealer=dealer))
            else None
        ),
        "usage": _usage_body(dealer),
        "invoices": serializers.SubscriptionInvoiceSerializer(
            selectors.subscription_invoices_of(dealer=dealer), many=True
        ).data,
    }


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SubscriptionView(APIView):
    """The signed-in dealer's plan, subscription, usage and paid periods; POST chooses a paid plan. Outside the
    request transaction: Stripe is called between two short transactions of the service, never inside one."""

    permission_classes = [IsDealer]

    @extend_schema(
        operation_id="subscription_retrieve", responses={200: serializers.SubscriptionSerializer, **REFUSALS}
    )
    def get(self, request):
        return Response(_subscription_body(request.user))

    @extend_schema(
        operation_id="subscription_create",
        request=serializers.SubscribeSerializer,
        responses={
            201: serializers.CheckoutSerializer,
            409: OpenApiResponse(
                description="Already on that plan, another live plan to cancel first, or not for sale."
            ),
            503: OpenApiResponse(description="Stripe could not be reached."),
            **REFUSALS,
        },
        description=(
            "Subscribe to a paid plan. With Stripe: the answer carries the Checkout URL to send the dealer to; the "
            "plan applies once Stripe's events say it is paid. In local mode (no Stripe key) it is active at once "
            "and nothing is charged."
        ),
    )
    def post(self, request):
        data = serializers.SubscribeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        start = services.subscription_checkout_start(dealer=request.user, plan=data.validated_data["plan"])
        body = {
            "checkout_url": start.checkout_url,
            "subscription": serializers.SubscriptionDetailSerializer(start.subscription).data,
        }
        return Response(body, status=status.HTTP_201_CREATED)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SubscriptionCancelView(APIView):
    """The dealer ends its paid plan now (canceled at Stripe too, outside any transaction): Starter from the
    next request."""

    permission_classes = [IsDealer]

    @extend_schema(
        operation_id="subscription_cancel",
        request=None,
        responses={200: serializers.SubscriptionDetailSerializer, 409: OpenApiResponse(description="No paid plan."),
                   **REFUSALS},
    )  # fmt: skip
    def post(self, request):
        subscription = services.subscription_cancel(dealer=request.user)
        return Response(serializers.SubscriptionDetailSerializer(subscription).data)


class UsageView(APIView):
    """A dealer's usage against its plan: its own, or for staff any dealer's (`?dealer=`)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="usage_retrieve",
        parameters=[OpenApiParameter("dealer", int, description="Staff: the dealer (required for staff).")],
        responses={200: serializers.UsageSerializer, 404: OpenApiResponse(description="No such dealer."), **REFUSALS},
    )
    def get(self, request):
        query = serializers.UsageQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        user = request.user
        if user.is_platform_staff:
            if "dealer" not in query.validated_data:
                raise ValidationError({"dealer": [gettext("Staff name the dealer whose usage to read.")]})
            dealer = get_object_or_404(User, pk=query.validated_data["dealer"], role=Role.DEALER)
        elif user.is_dealer:
            dealer = user
        else:
            return Response(
                {"status": 403, "code": "permission_denied", "detail": gettext("Usage is for dealers and staff.")},
                status=403,
            )
        return Response(_usage_body(dealer))
