from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from commissions.api import serializers
from commissions.api.filters import CommissionFilter
from commissions.models import Commission, CommissionEntry, Payout
from commissions.selectors import commission_list_for_user
from commissions.services.payouts import commission_mark_paid, commission_payout_start
from commissions.services.review import commission_approve, commission_hold, commission_release
from commissions.statements import (
    broker_statement,
    commission_statement_download_record,
    statement_csv,
    statement_month,
    statement_pdf,
)
from commissions.summaries import broker_summary, commissions_with_amount
from nzila_export.api.permissions import IsPlatformStaff


class StaffDecideCommissions(IsPlatformStaff):
    message = _("Only staff approve, hold, release or pay commissions.")


class BrokersAndStaffSeeSummaries(BasePermission):
    message = _("Only brokers and staff see commission summaries.")

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and (user.is_broker or user.is_platform_staff))


NOT_PAYABLE = OpenApiResponse(description="Only an approved commission without a payout that is not failed is paid.")


@extend_schema_view(
    list=extend_schema(description="The caller's commissions, in CAD, newest deal first: a broker its own, a dealer "
                       "those on its deals, staff all; a buyer none."),
    retrieve=extend_schema(description="One commission: the deal's price and rate to CAD, the plan and tier, every "
                           "entry that makes up its amount."),
)  # fmt: skip
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class CommissionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """What brokers earn on completed deals. Reading: the commission's broker, the deal's dealer and staff;
    others get 404. A broker and staff read a broker's summary of a year. Staff approve a commission ahead of
    its dispute window, hold it, release it, and pay it.

    Outside the request transaction: a payout's row is committed before its rail is called, once, and must
    stay whatever the request answers; every other write is a service's own transaction."""

    queryset = Commission.objects.none()  # for the schema; the real one is scoped to the caller
    serializer_class = serializers.CommissionDetailSerializer
    filterset_class = CommissionFilter
    ordering_fields = ["completed_on", "period_start", "status_changed_at", "base_cad", "amount_cad"]
    ordering = ["-completed_on", "-id"]
    lookup_value_regex = r"\d+"
    parser_classes = [JSONParser]
    staff_actions = {"approve", "hold", "release", "payout", "mark_paid"}

    def get_permissions(self):
        if self.action in self.staff_actions:
            return [StaffDecideCommissions()]
        if self.action in ("summary", "statement"):
            return [BrokersAndStaffSeeSummaries()]
        return [IsAuthenticated()]

    def get_serializer_class(self):
        return serializers.CommissionSerializer if self.action == "list" else serializers.CommissionDetailSerializer

    def get_queryset(self):
        commissions = commissions_with_amount(commissions=commission_list_for_user(user=self.request.user))
        if self.action == "list":
            return commissions
        return commissions.prefetch_related(
            Prefetch("entries", queryset=CommissionEntry.objects.order_by("created_at", "id")),
            Prefetch("payouts", queryset=Payout.objects.order_by("requested_at", "id")),
        )

    def _fresh(self, commission: Commission) -> dict:
        return serializers.CommissionDetailSerializer(self.get_queryset().get(pk=commission.pk)).data

    @extend_schema(
        request=None,
        responses={
            200: serializers.CommissionDetailSerializer,
            409: OpenApiResponse(description="Only a pending commission can be approved."),
        },
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def approve(self, request, pk=None):
        """Staff approve a pending commission now, without waiting for its dispute window to pass."""
        return Response(self._fresh(commission_approve(commission=self.get_object(), user=request.user)))

    @extend_schema(
        request=serializers.CommissionHoldSerializer,
        responses={
            200: serializers.CommissionDetailSerializer,
            409: OpenApiResponse(description="Only a pending or approved commission can be held."),
        },
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def hold(self, request, pk=None):
        """Staff hold a pending or approved commission, saying why: it is not approved or paid until released."""
        commission = self.get_object()
        body = serializers.CommissionHoldSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        commission = commission_hold(commission=commission, reason=body.validated_data["reason"], user=request.user)
        return Response(self._fresh(commission))

    @extend_schema(
        request=None,
        responses={
            200: serializers.CommissionDetailSerializer,
            409: OpenApiResponse(description="Only a held commission can be released."),
        },
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def release(self, request, pk=None):
        """Staff release a held commission back to pending: it is approved once its dispute window has passed."""
        return Response(self._fresh(commission_release(commission=self.get_object(), user=request.user)))

    @extend_schema(
        request=serializers.PayoutStartSerializer,
        responses={
            201: serializers.PayoutSerializer,
            409: NOT_PAYABLE,
            422: OpenApiResponse(
                description="The rail is not configured (the settings it lacks are named), is a bank transfer "
                "(record it with mark-paid), or the broker has no address on it."
            ),
        },
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def payout(self, request, pk=None):
        """Staff pay an approved commission by a rail, to the broker's address on it. The rail is called once:
        the payout comes back succeeded, failed (the commission stays approved, for another payout), or
        processing until the rail's answer is known."""
        commission = self.get_object()
        body = serializers.PayoutStartSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        payout = commission_payout_start(commission=commission, rail=body.validated_data["rail"], user=request.user)
        return Response(serializers.PayoutSerializer(payout).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=serializers.CommissionMarkPaidSerializer,
        responses={200: serializers.CommissionDetailSerializer, 409: NOT_PAYABLE},
    )
    @action(detail=True, methods=["post"], url_path="mark-paid", filterset_class=None)
    def mark_paid(self, request, pk=None):
        """Staff record a bank transfer they made for an approved commission, with its reference: a succeeded
        payout in CAD, and the commission paid. The same reference again changes nothing."""
        commission = self.get_object()
        body = serializers.CommissionMarkPaidSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        commission_mark_paid(commission=commission, reference=body.validated_data["reference"], user=request.user)
        return Response(self._fresh(commission))

    @extend_schema(
        filters=False,
        parameters=[serializers.CommissionSummaryQuerySerializer],
        responses={200: serializers.CommissionSummarySerializer},
    )
    @action(detail=False, methods=["get"], filterset_class=None, pagination_class=None)
    def summary(self, request):
        """A broker's year in CAD: earned, pending, approved, held and paid, in all and month by month. A broker
        gets its own; staff name the broker."""
        query, broker = self._broker_query(serializers.CommissionSummaryQuerySerializer)
        summary = broker_summary(broker=broker, year=query["year"])
        return Response(serializers.CommissionSummarySerializer(summary).data)

    @extend_schema(
        filters=False,
        parameters=[serializers.CommissionStatementQuerySerializer],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, (200, "text/csv"): OpenApiTypes.BINARY},
    )
    @action(detail=False, methods=["get"], filterset_class=None, pagination_class=None)
    def statement(self, request):
        """A broker's statement of a month (the entries recorded in it), as PDF or CSV in the broker's
        language: the one e-mailed on the 1st. A broker gets its own; staff name the broker."""
        query, broker = self._broker_query(serializers.CommissionStatementQuerySerializer)
        statement = broker_statement(broker=broker, month=statement_month(value=query["month"]))
        if query["file"] == "csv":
            content, content_type = statement_csv(statement=statement), "text/csv; charset=utf-8"
        else:
            content, content_type = statement_pdf(statement=statement), "application/pdf"
        commission_statement_download_record(statement=statement, file_format=query["file"], user=request.user)
        response = HttpResponse(content, content_type=content_type)
        filename = f"commissions-{broker.username}-{query['month']}.{query['file']}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def _broker_query(self, serializer_class) -> tuple[dict, object]:
        """The query's valid data and the broker it is about: the caller itself unless staff named one."""
        query = serializer_class(data=self.request.query_params, context={"request": self.request})
        query.is_valid(raise_exception=True)
        broker = query.validated_data.get("broker")
        if not self.request.user.is_platform_staff:
            if broker not in (None, self.request.user):
                raise PermissionDenied(gettext("A broker sees its own summary only."))
            broker = self.request.user
        return query.validated_data, broker
