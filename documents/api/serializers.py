from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from deals.models import Deal
from deals.selectors import deal_list_visible_to
from documents.filetypes import MAX_DOCUMENT_BYTES
from documents.models import Document, DocumentStatus, DocumentType, QualityRecommendation
from documents.requirements import CHECKLIST_STATUS_CHOICES, Stage
from nzila_export.stored_text import stored_text_read


class QualitySerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    issues = serializers.ListField(child=serializers.CharField())
    recommendation = serializers.ChoiceField(choices=QualityRecommendation.choices)


class DocumentSerializer(serializers.ModelSerializer):
    replaced_by = serializers.SerializerMethodField()
    quality = serializers.SerializerMethodField(help_text="The quality check; staff only (null for others).")

    class Meta:
        model = Document
        fields = [
            "id",
            "deal",
            "document_type",
            "original_name",
            "content_type",
            "size_bytes",
            "sha256",
            "status",
            "review_note",
            "reviewed_by",
            "reviewed_at",
            "uploaded_by",
            "replaces",
            "replaced_by",
            "quality",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_replaced_by(self, document: Document) -> int | None:
        replacement = getattr(document, "replaced_by", None)
        return replacement.pk if replacement is not None else None

    @extend_schema_field(QualitySerializer(allow_null=True))
    def get_quality(self, document: Document) -> dict | None:
        request = self.context.get("request")
        if request is None or not request.user.is_platform_staff or document.quality_score is None:
            return None
        return {
            "score": document.quality_score,
            "issues": [stored_text_read(issue) for issue in document.quality_issues],
            "recommendation": document.quality_recommendation,
        }


class DocumentUploadSerializer(serializers.Serializer):
    deal = serializers.PrimaryKeyRelatedField(
        queryset=Deal.objects.none(),
        error_messages={"does_not_exist": _("No deal you take part in has the id {pk_value}.")},
    )
    document_type = serializers.ChoiceField(choices=DocumentType.choices)
    file = serializers.FileField(help_text="PDF, JPEG or PNG, at most 15 MB; its bytes decide what it is.")
    replaces = serializers.PrimaryKeyRelatedField(
        queryset=Document.objects.none(),
        required=False,
        allow_null=True,
        help_text="The rejected document this one replaces.",
        error_messages={"does_not_exist": _("No document you can see has the id {pk_value}.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            from documents.selectors import document_list_visible_to

            self.fields["deal"].queryset = deal_list_visible_to(user=request.user)
            self.fields["replaces"].queryset = document_list_visible_to(user=request.user)

    def validate_file(self, upload):
        if upload.size > MAX_DOCUMENT_BYTES:
            raise serializers.ValidationError(
                gettext("A document is at most 15 MB; this file is %(megabytes)s MB.")
                % {"megabytes": formats.number_format(upload.size / 1024 / 1024, decimal_pos=1)}
            )
        return upload


class DocumentReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=[DocumentStatus.VERIFIED, DocumentStatus.REJECTED])
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class DownloadLinkSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="Absolute URL of the file; valid until expires_at.")
    expires_at = serializers.DateTimeField()


class ChecklistItemSerializer(serializers.Serializer):
    document_type = serializers.ChoiceField(choices=DocumentType.choices)
    label = serializers.CharField()
    stage = serializers.ChoiceField(choices=Stage.choices)
    reason = serializers.CharField(help_text="Why this deal needs the document.")
    status = serializers.ChoiceField(choices=CHECKLIST_STATUS_CHOICES)
    document_id = serializers.IntegerField(allow_null=True)


class ChecklistSerializer(serializers.Serializer):
    deal = serializers.IntegerField()
    items = ChecklistItemSerializer(many=True)
