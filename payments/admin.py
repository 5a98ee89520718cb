from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from nzila_export.exceptions import DomainError
from payments.models import (
    Discrepancy,
    LedgerEntry,
    Payment,
    ReconciliationRun,
    ReviewDecision,
)
from payments.services.reviews import payment_review


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff read these rows; they change only through the services (money, statuses, provider events)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    """Read-only: a payment's money and status change only through the services (refunds through the
    API), each in a locked transaction and audited."""

    list_display = [
        "id", "deal", "payer", "amount", "currency", "amount_cad", "method", "status", "fraud_risk_score", "created_at",
    ]  # fmt: skip
    list_filter = ["status", "method", "provider", "currency", "review_decision"]
    search_fields = ["provider_reference", "idempotency_key", "payer__username", "payer__email", "=deal__id"]
    list_select_related = ["deal", "payer"]
    date_hierarchy = "created_at"
    exclude = ["client_secret", "fraud_reasons"]
    readonly_fields = ["fraud_reasons_list"]
    actions = ["approve_held_payments", "reject_held_payments"]

    @admin.display(description=_("Fraud reasons"))
    def fraud_reasons_list(self, obj):
        items = format_html_join(
            "", "<li>{} (+{}, {})</li>", ((r["reason"], r["points"], r["code"]) for r in obj.fraud_reasons)
        )
        return format_html("<ul>{}</ul>", items) if obj.fraud_reasons else "-"

    @admin.action(description=_("Approve the selected held payments (charge them)"))
    def approve_held_payments(self, request, queryset):
        self._review(request, queryset, ReviewDecision.APPROVE)

    @admin.action(description=_("Reject the selected held payments (nothing charged, the buyer told)"))
    def reject_held_payments(self, request, queryset):
        self._review(request, queryset, ReviewDecision.REJECT)

    def _review(self, request, queryset, decision: str) -> None:
        """Each through payment_review (locked, audited); a payment that cannot be reviewed is reported."""
        if not request.user.is_platform_staff:
            self.message_user(request, gettext("Only staff review payments."), level=messages.ERROR)
            return
        done = 0
        for payment in queryset.order_by("id"):
            try:
                payment_review(payment=payment, reviewer=request.user, decision=decision, note="Reviewed in the admin")
                done += 1
            except DomainError as refusal:
                self.message_user(
                    request,
                    gettext("Payment %(payment)s: %(refusal)s") % {"payment": payment.pk, "refusal": refusal.message},
                    level=messages.WARNING,
                )
        if done:
            done_message = (
                ngettext("%(count)d payment approved.", "%(count)d payments approved.", done)
                if decision == ReviewDecision.APPROVE
                else ngettext("%(count)d payment rejected.", "%(count)d payments rejected.", done)
            )
            self.message_user(request, done_message % {"count": done}, level=messages.SUCCESS)


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    """The ledger is append-only: staff read it here, never add, change or delete."""

    list_display = ["id", "created_at", "kind", "payment", "deal", "amount", "currency", "amount_cad"]
    list_filter = ["kind", "currency"]
    search_fields = ["provider_reference", "=payment__id", "=deal__id"]
    list_select_related = ["payment", "deal"]
    date_hierarchy = "created_at"


class DiscrepancyInline(admin.TabularInline):
    model = Discrepancy
    fields = ["kind", "payment", "provider_reference", "ours", "theirs"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReconciliationRun)
class ReconciliationRunAdmin(ReadOnlyAdmin):
    list_display = ["date", "provider", "status", "provider_count", "database_count", "created_at"]
    list_filter = ["status", "provider"]
    date_hierarchy = "date"
    inlines = [DiscrepancyInline]
