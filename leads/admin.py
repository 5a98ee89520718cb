from django.contrib import admin, messages
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from audit.admin_edits import AuditedAdminMixin
from leads import services
from leads.models import DestinationRule, Lead, LeadContact, LeadStatus
from leads.selectors import lead_stalled_condition
from nzila_export.exceptions import DomainError
from nzila_export.stored_text import stored_text_read


@admin.register(DestinationRule)
class DestinationRuleAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["country", "name", "max_age_years", "age_counted_from", "steering_allowed", "confidence", "as_of"]
    list_filter = ["steering_allowed", "age_counted_from", "confidence"]
    search_fields = ["country", "name", "sources", "age_penalty_note"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = (
        (None, {"fields": ("country", "name", "currency", "ports")}),
        (
            _("What can stop a car"),
            {"fields": ("steering_allowed", "max_age_years", "age_counted_from", "age_penalty_note")},
        ),
        (_("Documents"), {"fields": ("required_documents",)}),
        (
            _("Source"),
            {
                "description": _("Where these facts come from. Update sources and month whenever a value changes."),
                "fields": ("sources", "as_of", "confidence", "created_at", "updated_at"),
            },
        ),
    )


class StalledFilter(admin.SimpleListFilter):
    title = _("stalled")
    parameter_name = "is_stalled"

    def lookups(self, request, model_admin):
        return [("yes", _("Stalled")), ("no", _("Not stalled"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(lead_stalled_condition())
        if self.value() == "no":
            return queryset.exclude(lead_stalled_condition())
        return queryset


class LeadContactInline(admin.TabularInline):
    model = LeadContact
    extra = 0
    fields = ["contacted_at", "channel", "note", "contacted_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # contacts are logged through the service, which moves last_contacted_at


@admin.register(Lead)
class LeadAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = [
        "id",
        "full_name",
        "vehicle",
        "dealer",
        "broker",
        "destination_country",
        "source",
        "status",
        "score",
        "priority",
        "last_contacted_at",
        "created_at",
    ]
    list_filter = ["status", "priority", "source", StalledFilter, "destination_allowed", "destination_country"]
    search_fields = ["full_name", "email", "phone", "vehicle__vin", "vehicle__make", "vehicle__model"]
    list_select_related = ["vehicle", "dealer", "broker"]
    raw_id_fields = ["vehicle", "dealer", "buyer", "broker"]
    date_hierarchy = "created_at"
    inlines = [LeadContactInline]
    actions = ["rescore", "mark_lost_as_spam"]
    # Status, broker and scores change through the services (transitions, audit, rescoring); the texts the
    # platform stored show in the reader's language instead of as raw JSON.
    exclude = ["next_action", "destination_reasons"]
    readonly_fields = [
        "vehicle",
        "dealer",
        "buyer",
        "broker",
        "status",
        "lost_reason",
        "score",
        "priority",
        "conversion_probability",
        "next_action_text",
        "last_contacted_at",
        "destination_allowed",
        "destination_country",
        "destination_reasons_text",
        "source",
        "dealer_told_at",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False  # leads come in through the API, which checks the destination and tells the dealer

    @admin.display(description=_("next action"))
    def next_action_text(self, lead):
        return stored_text_read(lead.next_action["reason"]) if lead.next_action else ""

    @admin.display(description=_("destination check reasons"))
    def destination_reasons_text(self, lead):
        return " ".join(stored_text_read(reason) for reason in lead.destination_reasons)

    @admin.action(description=_("Recompute score, priority and next action"))
    def rescore(self, request, queryset):
        for lead in queryset:
            services.lead_rescore(lead=lead, user=request.user)
        count = queryset.count()
        message = ngettext("%(count)d lead rescored.", "%(count)d leads rescored.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Mark as lost: spam"))
    def mark_lost_as_spam(self, request, queryset):
        done, refused = 0, []
        for lead in queryset:
            try:
                services.lead_transition(lead=lead, status=LeadStatus.LOST, lost_reason="Spam", user=request.user)
                done += 1
            except DomainError as error:
                refused.append(gettext("lead %(id)s: %(refusal)s") % {"id": lead.pk, "refusal": error.message})
        message = ngettext("%(count)d lead marked lost.", "%(count)d leads marked lost.", done)
        self.message_user(request, message % {"count": done}, messages.SUCCESS)
        if refused:
            message = gettext("Not changed: %(refusals)s") % {"refusals": "; ".join(refused)}
            self.message_user(request, message, messages.WARNING)
