from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from deals.selectors import deal_list_visible_to
from documents import services
from documents.api import serializers
from documents.api.filters import DocumentFilter
from documents.downloads import document_download_link, document_download_open
from documents.models import Document
from documents.requirements import deal_checklist
from documents.selectors import document_list_visible_to
from nzila_export.api.permissions import IsPlatformStaff
from nzila_export.signed_links import signed_link_file_response

CONFLICT = OpenApiResponse(description="The document's state does not allow this (already reviewed, replaced).")


class StaffReviewDocuments(IsPlatformStaff):
    message = _("Only staff review documents.")


@extend_schema_view(
    list=extend_schema(description="Documents of the deals the caller takes part in (staff: all)."),
    retrieve=extend_schema(description="One document; `quality` is shown to staff only."),
)
class DocumentViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Export documents: the deal's parties upload and download them; staff verify or reject them."""

    queryset = Document.objects.none()  # for the schema; the real one is scoped to the caller
    serializer_class = serializers.DocumentSerializer
    filterset_class = DocumentFilter
    ordering_fields = ["created_at"]
    ordering = ["-created_at", "-id"]
    lookup_value_regex = r"\d+"
    throttle_scope = "uploads"
    throttled_actions = {"create"}

    def get_parsers(self):
        """JSON (the default), except the upload, which is multipart: it carries the file."""
        action = getattr(self, "action", None)  # set after the parsers are chosen, except in the schema
        if action is None and self.request is not None and self.action_map:
            action = self.action_map.get(self.request.method.lower())
        if action == "create":
            return [MultiPartParser()]
        return super().get_parsers()

    def get_permissions(self):
        if self.action == "review":
            return [StaffReviewDocuments()]
        return [IsAuthenticated()]

    def get_queryset(self):
        return document_list_visible_to(user=self.request.user).select_related("replaced_by")

    @extend_schema(
        request={"multipart/form-data": serializers.DocumentUploadSerializer},
        responses={201: serializers.DocumentSerializer, 409: CONFLICT},
    )
    def create(self, request, *args, **kwargs):
        """Upload a document for a deal (its dealer, buyer, broker, or staff): PDF, JPEG or PNG, at most
        15 MB. The bytes decide the type; a name whose extension says otherwise is refused. To replace a
        rejected document, name it in `replaces`."""
        upload = serializers.DocumentUploadSerializer(data=request.data, context={"request": request})
        upload.is_valid(raise_exception=True)
        data = upload.validated_data
        document = services.document_upload(
            deal=data["deal"],
            document_type=data["document_type"],
            content=data["file"].read(),
            original_name=data["file"].name,
            user=request.user,
            replaces=data.get("replaces"),
        )
        return Response(self.get_serializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=serializers.DocumentReviewSerializer, responses={200: serializers.DocumentSerializer, 409: CONFLICT}
    )
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Staff: verify or reject a pending document (a note is required to reject); the uploader is told."""
        document = get_object_or_404(Document, pk=pk)
        review = serializers.DocumentReviewSerializer(data=request.data)
        review.is_valid(raise_exception=True)
        document = services.document_review(
            document=document,
            decision=review.validated_data["decision"],
            note=review.validated_data["note"],
            reviewer=request.user,
        )
        return Response(self.get_serializer(document).data)

    @extend_schema(filters=False, request=None, responses={200: serializers.DownloadLinkSerializer})
    @action(detail=True, methods=["get"], url_path="download-link", pagination_class=None)
    def download_link(self, request, pk=None):
        """A link to the file, valid for 5 minutes, for the deal's parties and staff."""
        document = self.get_object()
        link = document_download_link(document=document, user=request.user)
        body = {"url": request.build_absolute_uri(link.path), "expires_at": link.expires_at}
        return Response(serializers.DownloadLinkSerializer(body).data)  # the time as every other: local, not UTC


class DocumentDownloadView(APIView):
    """The file behind a signed download link. The token is the credential (no sign-in needed, so a
    browser can open it); a forged token is 404, a stale one 410."""

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
        document = document_download_open(token=token)
        return signed_link_file_response(
            document.file, filename=document.original_name, content_type=document.content_type
        )


class DealChecklistView(APIView):
    """The documents a deal needs, each with its stage and where it stands."""

    @extend_schema(responses={200: serializers.ChecklistSerializer})
    def get(self, request, deal_id: int):
        deal = get_object_or_404(deal_list_visible_to(user=request.user), pk=deal_id)
        items = [item.__dict__ for item in deal_checklist(deal=deal)]
        return Response(serializers.ChecklistSerializer({"deal": deal.pk, "items": items}).data)
