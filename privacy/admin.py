"""The privacy officer's register: people's requests (overdue ones flagged), consents, and confidentiality
incidents."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from nzila_export.exceptions import DomainError
from payments.admin import ReadOnlyAdmin
from privacy.models import ConsentRecord, DataRequest, DataRequestKind, DataRequestStatus, Incident
from privacy.services.requests import data_request_close, data_request_record


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("On time or closed"))]

    def queryset(self, request, queryset):
        overdue = {"status": DataRequestStatus.RECEIVED, "due_at__lt": timezone.now()}
        if self.value() == "yes":
            return queryset.filter(**overdue)
        if self.value() == "no":
            return queryset.exclude(**overdue)
        return queryset


class DataRequestAddForm(forms.ModelForm):
    class Meta:
        model = DataRequest
        fields = ["kind", "user", "notes"]

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if kind != DataRequestKind.RECTIFICATION:
            # An access request is answered by the export, a deletion by the daily job: both start from the app.
            raise forms.ValidationError(_("Staff enter rectification requests; the person makes the others."))
        return kind


@admin.register(DataRequest)
class DataRequestAdmin(admin.ModelAdmin):
    """The register of requests. Access and deletion requests are made and answered by the app; staff enter the
    rectification requests received otherwise, and complete them once the correction is made. Only notes change."""

    list_display = ["id", "kind", "user", "status", "received_at", "due_at", "is_overdue", "completed_at"]
    list_filter = ["kind", "status", OverdueFilter, "received_at"]
    search_fields = ["=id", "user__username", "user__email"]
    list_select_related = ["user"]
    date_hierarchy = "received_at"
    fields = ["kind", "user", "status", "received_at", "due_at", "completed_at", "notes"]
    readonly_fields = ["kind", "user", "status", "received_at", "due_at", "completed_at"]
    actions = ["complete_selected"]

    @admin.display(description=_("overdue"), boolean=True)
    def is_overdue(self, data_request: DataRequest) -> bool:
        return data_request.is_overdue

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = DataRequestAddForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_fields(self, request, obj=None):
        return self.fields if obj is not None else DataRequestAddForm.Meta.fields

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        obj.pk = data_request_record(
            user=obj.user, kind=obj.kind, notes=obj.notes, by=request.user
        ).pk  # fmt: skip

    @admin.action(description=_("Mark the selected rectification requests completed"))
    def complete_selected(self, request, queryset):
        completed = 0
        for data_request in queryset.filter(kind=DataRequestKind.RECTIFICATION).order_by("id"):
            try:
                data_request_close(
                    data_request=data_request, status=DataRequestStatus.COMPLETED, action="privacy.rectified",
                    user=request.user,
                )  # fmt: skip
            except DomainError as refusal:
                self.message_user(
                    request,
                    gettext("Request %(id)s: %(refusal)s") % {"id": data_request.pk, "refusal": refusal.message},
                    level=messages.ERROR,
                )
            else:
                completed += 1
        self.message_user(
            request,
            ngettext("%(count)d request completed.", "%(count)d requests completed.", completed) % {"count": completed},
        )


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    """The history of consents, as people gave and withdrew them: never changed."""

    list_display = ["user", "purpose", "granted", "source", "recorded_at", "ip_address"]
    list_filter = ["purpose", "granted", "source"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]
    date_hierarchy = "recorded_at"


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    """The register of confidentiality incidents (Law 25) and breaches of security safeguards (PIPEDA), kept
    by the privacy officer. Reporting is due when there is a risk of serious injury."""

    list_display = [
        "id", "occurred_on", "discovered_on", "people_affected", "risk_of_serious_injury", "reported_to_cai_on",
        "reported_to_opc_on", "people_notified_on", "needs_reporting",
    ]  # fmt: skip
    list_filter = ["risk_of_serious_injury", "discovered_on"]
    search_fields = ["description", "personal_information"]
    date_hierarchy = "discovered_on"
    readonly_fields = ["recorded_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["occurred_on", "occurred_until", "discovered_on", "description"]}),
        (_("People and information concerned"), {"fields": ["personal_information", "people_affected"]}),
        (_("Risk of serious injury"), {"fields": ["risk_of_serious_injury", "risk_assessment"]}),
        (_("Notices"), {"fields": ["reported_to_cai_on", "reported_to_opc_on", "people_notified_on"]}),
        (_("Measures"), {"fields": ["measures_taken"]}),
        (_("Record"), {"fields": ["recorded_by", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("notices due"), boolean=True)
    def needs_reporting(self, incident: Incident) -> bool:
        return incident.needs_reporting

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
