from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from audit.admin_edits import AuditedAdminMixin
from nzila_export.exceptions import DomainError
from support import services
from support.models import FaqEntry, Ticket, TicketAttachment, TicketMessage, TicketStatus
from support.selectors import ticket_overdue_condition


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("On time"))]

    def queryset(self, request, queryset):
        condition = ticket_overdue_condition(now=timezone.now())
        if self.value() == "yes":
            return queryset.filter(condition)
        if self.value() == "no":
            return queryset.exclude(condition)
        return queryset


class TicketMessageInline(admin.TabularInline):
    """The conversation, read-only: replies are written through the API, which tells the opener."""

    model = TicketMessage
    extra = 0
    can_delete = False
    fields = ["created_at", "author", "via", "is_internal", "body"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class TicketAttachmentInline(admin.TabularInline):
    model = TicketAttachment
    extra = 0
    can_delete = False
    fields = ["created_at", "uploaded_by", "original_name", "content_type", "size_bytes"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "subject",
        "status",
        "priority",
        "category",
        "opened_by",
        "assigned_to",
        "created_at",
        "first_response_at",
        "resolution_due_at",
    ]
    list_filter = ["status", "priority", "category", ("assigned_to", admin.RelatedOnlyFieldListFilter), OverdueFilter]
    search_fields = ["=id", "subject", "opened_by__username", "opened_by__email", "messages__body"]
    list_select_related = ["opened_by", "assigned_to"]
    readonly_fields = [field.name for field in Ticket._meta.fields]
    inlines = [TicketMessageInline, TicketAttachmentInline]
    actions = ["assign_to_me", "resolve"]
    ordering = ["-created_at"]

    def get_search_results(self, request, queryset, search_term):
        results, _may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return results.distinct(), False

    def has_add_permission(self, request):
        return False  # opened through the API, where the opener's part in the deal is checked

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Assign to me"))
    def assign_to_me(self, request, queryset):
        for ticket in queryset:
            services.ticket_assign(ticket=ticket, assignee=request.user, user=request.user)
        count = queryset.count()
        self.message_user(
            request, ngettext("%(count)d ticket assigned to you.", "%(count)d tickets assigned to you.", count)
            % {"count": count}
        )  # fmt: skip

    @admin.action(description=_("Mark resolved"))
    def resolve(self, request, queryset):
        resolved = 0
        for ticket in queryset:
            if ticket.status == TicketStatus.RESOLVED:
                continue
            try:
                services.ticket_transition(ticket=ticket, to=TicketStatus.RESOLVED, user=request.user)
            except DomainError as error:
                self.message_user(
                    request,
                    gettext("Ticket %(ticket)s: %(reason)s") % {"ticket": ticket.pk, "reason": error.message},
                    messages.WARNING,
                )
                continue
            resolved += 1
        self.message_user(
            request, ngettext("%(count)d ticket resolved.", "%(count)d tickets resolved.", resolved)
            % {"count": resolved}
        )  # fmt: skip


@admin.register(FaqEntry)
class FaqEntryAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["question_en", "category", "order", "is_published", "updated_at"]
    list_editable = ["order", "is_published"]
    list_filter = ["category", "is_published"]
    search_fields = ["question_en", "question_fr", "answer_en", "answer_fr"]
    fields = ["category", "order", "is_published", "question_en", "answer_en", "question_fr", "answer_fr"]
