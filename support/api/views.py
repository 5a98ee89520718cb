from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from nzila_export.api.filters import StrictBooleanFilter
from nzila_export.api.permissions import IsPlatformStaff
from nzila_export.api.serializers import PeriodQuerySerializer
from nzila_export.signed_links import signed_link_file_response
from support import selectors, services
from support.api import serializers
from support.downloads import attachment_download_open
from support.models import Ticket, TicketStatus

CONFLICT = OpenApiResponse(description="The ticket's status does not allow this (closed, or not a move it may make).")


class StaffOnly(IsPlatformStaff):
    message = _("Only staff may do this on a support ticket.")


class TicketFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=TicketStatus.choices)
    assigned_to = filters.NumberFilter(field_name="assigned_to_id", min_value=1, help_text="A staff member's id.")
    unassigned = StrictBooleanFilter(field_name="assigned_to", lookup_expr="isnull")
    overdue = StrictBooleanFilter(field_name="is_overdue", help_text="Unresolved and past a target.")

    class Meta:
        model = Ticket
        fields = ["status", "assigned_to", "unassigned", "overdue"]


@extend_schema_view(
    list=extend_schema(description="Tickets the caller opened (staff: all, filtered by status, assignee, overdue)."),
    retrieve=extend_schema(description="One ticket with its conversation (internal notes for staff only)."),
)
class TicketViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """The support desk: a buyer or dealer opens a ticket on one of its deals, payments or shipments; staff
    take it, answer, and resolve it."""

    queryset = Ticket.objects.none()  # for the schema; the real one is scoped to the caller
    filterset_class = TicketFilter
    ordering_fields = ["created_at", "resolution_due_at"]
    ordering = ["-created_at", "-id"]
    lookup_value_regex = r"\d+"
    throttled_actions = {"create", "messages", "attachments"}

    @property
    def throttle_scope(self) -> str:
        return "uploads" if getattr(self, "action", None) == "attachments" else "support"

    def get_permissions(self):
        return [StaffOnly()] if self.action == "assign" else [IsAuthenticated()]

    def get_queryset(self):
        tickets = selectors.ticket_list_visible_to(user=self.request.user, now=timezone.now())
        if self.action == "retrieve":
            tickets = tickets.prefetch_related("attachments")
        return tickets

    def get_serializer_class(self):
        return serializers.TicketDetailSerializer if self.action == "retrieve" else serializers.TicketSerializer

    def _detail(self, ticket: Ticket) -> dict:
        ticket = self.get_queryset().prefetch_related("attachments").get(pk=ticket.pk)
        return serializers.TicketDetailSerializer(ticket, context=self._detail_context(ticket)).data

    def _detail_context(self, ticket: Ticket) -> dict:
        messages = selectors.ticket_messages_visible_to(ticket=ticket, user=self.request.user)
        return {**self.get_serializer_context(), "visible_messages": messages}

    def retrieve(self, request, *args, **kwargs):
        ticket = self.get_object()
        return Response(serializers.TicketDetailSerializer(ticket, context=self._detail_context(ticket)).data)

    @extend_schema(request=serializers.TicketOpenSerializer, responses={201: serializers.TicketDetailSerializer})
    def create(self, request, *args, **kwargs):
        """Open a ticket about exactly one deal, payment or shipment the caller takes part in, with a first
        message. Its targets (first response, resolution) come from its priority."""
        payload = serializers.TicketOpenSerializer(data=request.data, context={"request": request})
        payload.is_valid(raise_exception=True)
        ticket = services.ticket_open(user=request.user, **payload.validated_data)
        return Response(self._detail(ticket), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=serializers.TicketMessageCreateSerializer,
        responses={201: serializers.TicketMessageSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def messages(self, request, pk=None):
        """Write on the ticket (its opener or staff). A staff reply reaches the opener in the app, by e-mail
        and on WhatsApp; the first one is the ticket's first response. Staff may write internal notes."""
        ticket = self.get_object()
        payload = serializers.TicketMessageCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        message = services.ticket_message_add(ticket=ticket, author=request.user, **payload.validated_data)
        return Response(serializers.TicketMessageSerializer(message).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request={"multipart/form-data": serializers.TicketAttachmentCreateSerializer},
        responses={201: serializers.TicketAttachmentSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])  # the rest of the desk is JSON
    def attachments(self, request, pk=None):
        """Add a file (its opener or staff): PDF, JPEG or PNG, at most 10 MB, read from its bytes."""
        ticket = self.get_object()
        payload = serializers.TicketAttachmentCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data["file"]
        attachment = services.ticket_attachment_add(
            ticket=ticket, user=request.user, content=upload.read(), original_name=upload.name
        )
        data = serializers.TicketAttachmentSerializer(attachment, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(request=serializers.TicketAssignSerializer, responses={200: serializers.TicketSerializer})
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        """Staff: give the ticket to a staff member, or to nobody (null)."""
        ticket = self.get_object()
        payload = serializers.TicketAssignSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.ticket_assign(ticket=ticket, assignee=payload.validated_data["assigned_to"], user=request.user)
        return Response(serializers.TicketSerializer(self.get_object()).data)

    @extend_schema(
        request=serializers.TicketStatusSerializer, responses={200: serializers.TicketSerializer, 409: CONFLICT}
    )
    @action(detail=True, methods=["post"], url_path="status", url_name="status")
    def status_change(self, request, pk=None):
        """Move the ticket: open → in progress / waiting on customer → resolved → closed. Staff make any move;
        the opener closes its ticket, reopens a resolved one, or a closed one within 7 days."""
        ticket = self.get_object()
        payload = serializers.TicketStatusSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.ticket_transition(ticket=ticket, to=payload.validated_data["status"], user=request.user)
        return Response(serializers.TicketSerializer(self.get_object()).data)


class AttachmentDownloadView(APIView):
    """The file behind a signed link. The token is the credential; a forged one is 404, a stale one 410."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            (200, "image/jpeg"): OpenApiTypes.BINARY,
            (200, "image/png"): OpenApiTypes.BINARY,
            410: OpenApiResponse(description="The link has expired: ask for a new one."),
        },
    )
    def get(self, request, token: str):
        attachment = attachment_download_open(token=token)
        return signed_link_file_response(
            attachment.file, filename=attachment.original_name, content_type=attachment.content_type
        )


class MetricsView(APIView):
    """Staff: how fast tickets are answered and resolved, against their targets."""

    permission_classes = [StaffOnly]

    @extend_schema(parameters=[PeriodQuerySerializer], responses={200: serializers.MetricsSerializer})
    def get(self, request):
        """Median and 90th percentile of first-response and resolution times (hours) of the tickets opened
        from `from` to `to` (days in the platform's time zone), and the share within target."""
        query = PeriodQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        period = query.validated_data["period"]
        metrics = selectors.support_metrics(start=period.starts_at, end=period.ends_before, now=timezone.now())
        return Response(serializers.MetricsSerializer(metrics).data)


class FaqView(APIView):
    """The published FAQ, in the caller's language (profile, else Accept-Language)."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[serializers.FaqQuerySerializer], responses={200: serializers.FaqEntrySerializer(many=True)}
    )
    def get(self, request):
        query = serializers.FaqQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        entries = selectors.faq_entries_published(
            language=translation.get_language(), category=query.validated_data.get("category", "")
        )
        return Response(serializers.FaqEntrySerializer(entries, many=True).data)
