from django.db.models import F, Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from documents.api.serializers import DownloadLinkSerializer
from invoices.api import serializers
from invoices.api.filters import InvoiceFilter
from invoices.downloads import invoice_download_link
from invoices.models import Invoice, InvoiceLine, InvoiceTax
from invoices.selectors import invoice_list_for_user
from invoices.services.drafting import LineInput, invoice_draft_update
from invoices.services.issuing import invoice_issue
from invoices.services.settlement import credit_note_issue, invoice_void
from nzila_export.api.permissions import IsPlatformStaff
from nzila_export.exceptions import Conflict

NOT_CREDITABLE = OpenApiResponse(description="Only an issued invoice that is not void can be voided or credited.")


class StaffCorrectInvoices(IsPlatformStaff):
    message = _("Only staff correct, void or credit invoices.")


@extend_schema_view(
    list=extend_schema(description="Invoices, credit notes and receipts of the caller's deals (staff: all), newest "
                       "first; a draft is seen by the deal's dealer and staff only."),
    retrieve=extend_schema(description="One document: its lines, taxes in the caller's language, and what is paid, "
                           "credited and still due on an invoice."),
)  # fmt: skip
class InvoiceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A deal's invoice (a draft from the day the deal opens, issued by its dealer or staff), its credit notes
    and its receipts. Reading: the deal's dealer, buyer and broker, and staff; others get 404. Staff correct a
    draft, void an invoice or credit it; the deal's dealer or staff issue it."""

    queryset = Invoice.objects.none()  # for the schema; the real one is scoped to the caller
    serializer_class = serializers.InvoiceDetailSerializer
    filterset_class = InvoiceFilter
    ordering_fields = ["created_at", "issued_on", "due_on", "total"]
    ordering = ["-created_at", "-id"]
    lookup_value_regex = r"\d+"
    parser_classes = [JSONParser]
    staff_actions = {"partial_update", "void", "credit_notes"}

    def get_permissions(self):
        return [StaffCorrectInvoices()] if self.action in self.staff_actions else [IsAuthenticated()]

    def get_serializer_class(self):
        return serializers.InvoiceSerializer if self.action == "list" else serializers.InvoiceDetailSerializer

    def get_queryset(self):
        invoices = invoice_list_for_user(user=self.request.user)
        if self.action == "list":
            return invoices
        # The lines' and taxes' amounts are shown with their invoice's currency's decimals.
        return invoices.prefetch_related(
            Prefetch("lines", queryset=InvoiceLine.objects.annotate(currency=F("invoice__currency"))),
            Prefetch("taxes", queryset=InvoiceTax.objects.annotate(currency=F("invoice__currency"))),
        )

    def _fresh(self, invoice: Invoice) -> dict:
        return self.get_serializer(self.get_queryset().get(pk=invoice.pk)).data

    @extend_schema(
        request=serializers.InvoiceUpdateSerializer,
        responses={
            200: serializers.InvoiceDetailSerializer,
            409: OpenApiResponse(description="The invoice is issued (correct it with a credit note), or the deal is "
                                 "closed."),
        },
    )  # fmt: skip
    def partial_update(self, request, pk=None):
        """Staff correct a draft: all its lines (adding up to the deal's agreed price), its due date, or both."""
        invoice = self.get_object()
        update = serializers.InvoiceUpdateSerializer(data=request.data)
        update.is_valid(raise_exception=True)
        data = update.validated_data
        lines = [LineInput(**line) for line in data["lines"]] if "lines" in data else None
        invoice = invoice_draft_update(invoice=invoice, user=request.user, lines=lines, due_on=data.get("due_on"))
        return Response(self._fresh(invoice))

    @extend_schema(
        request=None,
        responses={
            200: serializers.InvoiceDetailSerializer,
            409: OpenApiResponse(description="Already issued, or the deal is cancelled."),
        },
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def issue(self, request, pk=None):
        """The deal's dealer or staff issue its draft invoice: numbered, sealed and from then on unchanging;
        its PDF is rendered and sent to the buyer a moment later."""
        return Response(self._fresh(invoice_issue(invoice=self.get_object(), user=request.user)))

    @extend_schema(
        request=serializers.InvoiceVoidSerializer,
        responses={200: serializers.InvoiceDetailSerializer, 409: NOT_CREDITABLE},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def void(self, request, pk=None):
        """Staff void an issued invoice: a credit note reverses what is left of it, and the deal gets a new
        draft unless it is closed."""
        invoice = self.get_object()
        body = serializers.InvoiceVoidSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        invoice = invoice_void(invoice=invoice, reason=body.validated_data["reason"], user=request.user)
        return Response(self._fresh(invoice))

    @extend_schema(
        request=serializers.CreditNoteCreateSerializer,
        responses={201: serializers.InvoiceDetailSerializer, 409: NOT_CREDITABLE},
    )
    @action(detail=True, methods=["post"], url_path="credit-notes", filterset_class=None)
    def credit_notes(self, request, pk=None):
        """Staff credit part or all of an issued invoice: the credit note is issued at once and returned."""
        invoice = self.get_object()
        body = serializers.CreditNoteCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        credit_note = credit_note_issue(invoice=invoice, user=request.user, **body.validated_data)
        return Response(self._fresh(credit_note), status=status.HTTP_201_CREATED)

    @extend_schema(
        filters=False,
        request=None,
        responses={
            200: DownloadLinkSerializer,
            409: OpenApiResponse(description="The PDF is not rendered yet (a draft has none)."),
        },
    )
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=None)
    def pdf(self, request, pk=None):
        """A link to the PDF, valid for a few minutes, for whoever may see the document."""
        invoice = self.get_object()
        if not invoice.is_issued:
            raise Conflict(
                gettext("A draft has no PDF: it is rendered once the invoice is issued."), code="pdf_not_ready"
            )
        if not invoice.pdf:
            raise Conflict(
                gettext("The PDF of %(number)s is not rendered yet; ask again in a minute.")
                % {"number": invoice.number},
                code="pdf_not_ready",
            )
        link = invoice_download_link(invoice=invoice, user=request.user)
        return Response({"url": request.build_absolute_uri(link.path), "expires_at": link.expires_at})
