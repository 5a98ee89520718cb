from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from invoices.downloads import invoice_download_open
from nzila_export.signed_links import signed_link_file_response


class InvoiceDownloadView(APIView):
    """The PDF behind a signed link (the API's, or a WhatsApp message's media URL). The token is the
    credential (no sign-in needed, so that a browser or WhatsApp can fetch it); a forged token is 404,
    a stale one 410."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            410: OpenApiResponse(description="The link has expired: ask for a new one."),
        },
    )
    def get(self, request, token: str):
        invoice = invoice_download_open(token=token)
        return signed_link_file_response(invoice.pdf, filename=f"{invoice.number}.pdf", content_type="application/pdf")
