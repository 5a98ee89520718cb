from django.contrib import admin, messages

from audit.services import audit_record
from leads import services
from leads.models import DestinationRule, Lead, LeadContact, LeadStatus
from leads.selectors import lead_stalled_condition
from nzila_export.exceptions import DomainError


@admin.register(DestinationRule)
class DestinationRuleAdmin(admin.ModelAdmin):
    list_display = ["country", "name", "max_age_years", "age_counted_from", "steering_allowed", "confidence", "as_of"]
    list_filter = ["steering_allowed", "age_counted_from", "confidence"]
    search_fields = ["country", "name", "sources", "age_penalty_note"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = (
        (None, {"fields": ("country", "name", "currency", "ports")}),
        (
            "What can stop a car",
            {"fields": ("steering_allowed", "max_age_years", "age_counted_from", "age_penalty_note")},
        ),
        ("Documents", {"fields": ("required_documents",)}),
        (
            "Source",
            {
                "description": "Where these facts come from. Update sources and month whenever a value changes.",
                "fields": ("sources", "as_of", "confidence", "created_at", "updated_at"),
            },
        ),
    )

    def save_model(self, request, obj, form, change):
        """Audit what changed, compared with the stored row (array fields make form.changed_data noisy)."""
        before = DestinationRule.objects.filter(pk=obj.pk).first() if change else None
        super().save_model(request, obj, form, change)
        fields = [name for name in form.fields if hasattr(obj, name)]
        if before is None:
            changes = {name: [None, _as_text(getattr(obj, name))] for name in fields}
        else:
            changes = {
                name: [_as_text(getattr(before, name)), _as_text(getattr(obj, name))]
                for name in fields
                if getattr(before, name) != getattr(obj, name)
            }
        audit_record(
            action="destination_rule.update" if change else "destination_rule.create",
            instance=obj,
            changes=changes,
            user=request.user,
        )


def _as_text(value):
    return value if value is None or isinstance(value, bool | int | list) else str(value)


class StalledFilter(admin.SimpleListFilter):
    title = "stalled"
    parameter_name = "is_stalled"

    def lookups(self, request, model_admin):
        return [("yes", "Stalled"), ("no", "Not stalled")]

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
class LeadAdmin(admin.ModelAdmin):
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
    # Status, broker and scores change through the services (transitions, audit, rescoring).
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
        "next_action",
        "last_contacted_at",
        "destination_allowed",
        "destination_country",
        "destination_reasons",
        "source",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False  # leads come in through the API, which checks the destination and tells the dealer

    @admin.action(description="Recompute score, priority and next action")
    def rescore(self, request, queryset):
        for lead in queryset:
            services.lead_rescore(lead=lead, user=request.user)
        self.message_user(request, f"{queryset.count()} leads rescored.", messages.SUCCESS)

    @admin.action(description="Mark as lost: spam")
    def mark_lost_as_spam(self, request, queryset):
        done, refused = 0, []
        for lead in queryset:
            try:
                services.lead_transition(lead=lead, status=LeadStatus.LOST, lost_reason="Spam", user=request.user)
                done += 1
            except DomainError as error:
                refused.append(f"lead {lead.pk}: {error.message}")
        self.message_user(request, f"{done} leads marked lost.", messages.SUCCESS)
        if refused:
            self.message_user(request, "Not changed: " + "; ".join(refused), messages.WARNING)
