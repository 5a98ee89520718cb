from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from documents.downloads import document_download_link
from documents.models import Document, DocumentStatus
from documents.services import document_review
from nzila_export.exceptions import DomainError
from nzila_export.stored_text import stored_text_read

REVIEW_CHOICES = [
    ("", _("No decision yet")),
    (DocumentStatus.VERIFIED, _("Verify")),
    (DocumentStatus.REJECTED, _("Reject")),
]


class DocumentReviewForm(forms.ModelForm):
    """The change page is the review form: every stored field is read-only; a decision and a note go
    through document_review, which notifies the uploader and writes the audit record."""

    decision = forms.ChoiceField(label=_("Decision"), choices=REVIEW_CHOICES, required=False)
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required to reject."),
    )

    class Meta:
        model = Document
        fields = []

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == DocumentStatus.REJECTED and not cleaned.get("note", "").strip():
            self.add_error("note", gettext("Say why the document is rejected, so that the uploader can fix it."))
        return cleaned


class RejectForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}), help_text=_("Sent to each uploader.")
    )


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    form = DocumentReviewForm
    list_display = [
        "id",
        "deal",
        "document_type",
        "status",
        "quality_score",
        "quality_recommendation",
        "content_type",
        "size_bytes",
        "uploaded_by",
        "created_at",
    ]
    list_filter = ["status", "document_type", "quality_recommendation", "content_type"]
    search_fields = ["=deal__id", "original_name", "sha256", "uploaded_by__username"]
    list_select_related = ["deal", "uploaded_by"]
    readonly_fields = [
        "deal",
        "document_type",
        "download",
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
        "quality_score",
        "quality_issues_list",
        "quality_recommendation",
        "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["deal", "document_type", "download", "original_name", "content_type", "size_bytes"]}),
        (_("Quality check"), {"fields": ["quality_score", "quality_recommendation", "quality_issues_list"]}),
        (_("Review"), {"fields": ["status", "review_note", "reviewed_by", "reviewed_at", "decision", "note"]}),
        (_("History"), {"fields": ["uploaded_by", "created_at", "replaces", "sha256"]}),
    ]
    actions = ["verify_selected", "reject_selected"]
    ordering = ["-created_at"]

    def has_add_permission(self, request):
        return False  # uploads go through the API, where the file is checked

    def has_delete_permission(self, request, obj=None):
        return False  # the deal's paper trail is kept

    @admin.display(description=_("Issues"))
    def quality_issues_list(self, document):
        return "; ".join(stored_text_read(issue) for issue in document.quality_issues) or gettext("None")

    @admin.display(description=_("File"))
    def download(self, document):
        if not document.pk:
            return "-"
        url = reverse("admin:documents_document_download", args=[document.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Download %(name)s") % {"name": document.original_name})

    def get_urls(self):
        download = self.admin_site.admin_view(self.download_view)
        return [
            path("<int:document_id>/download/", download, name="documents_document_download"),
            *super().get_urls(),
        ]

    def download_view(self, request, document_id: int):
        """Staff open a file through a fresh signed link, so that every download is audited alike."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        document = get_object_or_404(Document, pk=document_id)
        return HttpResponseRedirect(document_download_link(document=document, user=request.user).path)

    def save_model(self, request, obj, form, change):
        decision = form.cleaned_data.get("decision")
        if decision:
            try:
                document_review(document=obj, decision=decision, note=form.cleaned_data["note"], reviewer=request.user)
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)

    @admin.action(description=_("Verify the selected pending documents"))
    def verify_selected(self, request, queryset):
        self._review(request, queryset, decision=DocumentStatus.VERIFIED, note="")

    @admin.action(description=_("Reject the selected pending documents (asks for a note)"))
    def reject_selected(self, request, queryset):
        if "apply" in request.POST:
            form = RejectForm(request.POST)
            if form.is_valid():
                self._review(request, queryset, decision=DocumentStatus.REJECTED, note=form.cleaned_data["note"])
                return None
        else:
            form = RejectForm()
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Reject documents"),
            "documents": queryset,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "opts": self.model._meta,
            "changelist_url": reverse("admin:documents_document_changelist"),
        }
        return TemplateResponse(request, "admin/documents/reject.html", context)

    def _review(self, request, queryset, *, decision: str, note: str) -> None:
        done, refused = 0, []
        skipped = queryset.exclude(status=DocumentStatus.PENDING_REVIEW).count()
        for document in queryset.filter(status=DocumentStatus.PENDING_REVIEW):
            try:
                document_review(document=document, decision=decision, note=note, reviewer=request.user)
                done += 1
            except DomainError as error:
                refused.append(gettext("Document %(id)s: %(refusal)s") % {"id": document.pk, "refusal": error.message})
        if decision == DocumentStatus.VERIFIED:
            message = ngettext("%(count)d document verified.", "%(count)d documents verified.", done)
        else:
            message = ngettext("%(count)d document rejected.", "%(count)d documents rejected.", done)
        self.message_user(request, message % {"count": done})
        if skipped:
            message = ngettext(
                "%(count)d selected document was already reviewed: left alone.",
                "%(count)d selected documents were already reviewed: left alone.",
                skipped,
            )
            self.message_user(request, message % {"count": skipped}, messages.WARNING)
        for message in refused:
            self.message_user(request, message, messages.ERROR)
