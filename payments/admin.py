from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join

from nzila_export.exceptions import DomainError
from payments.models import (
    Discrepancy,
    ExchangeRate,
    LedgerEntry,
    Payment,
    RateSource,
    ReconciliationRun,
    ReviewDecision,
    WebhookEvent,
)
from payments.services.rates import exchange_rate_check, exchange_rate_set
from payments.services.reviews import payment_review


class ExchangeRateForm(forms.ModelForm):
    class Meta:
        model = ExchangeRate
        fields = ["currency", "date", "cad_per_unit", "note"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and "currency" in cleaned and "cad_per_unit" in cleaned:
            currency, rate = cleaned["currency"], cleaned["cad_per_unit"]
        else:
            currency, rate = self.instance.currency, cleaned.get("cad_per_unit")
        if currency and rate is not None:
            try:
                cleaned["currency"], cleaned["cad_per_unit"] = exchange_rate_check(currency=currency, cad_per_unit=rate)
            except DomainError as refusal:
                field = refusal.field if refusal.field in self.fields else None
                self.add_error(field, refusal.message)
        return cleaned

    def _get_validation_exclusions(self):
        # A feed's rate of the same day is replaced by the hand-entered one (exchange_rate_set), so the
        # one-rate-per-day constraint is not a form error here.
        return super()._get_validation_exclusions() | {"currency", "date"}


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    """Staff add or correct a day's rate here when a feed fails: every save goes through
    exchange_rate_set, so the rate is marked manual, audited, and (for EUR) re-derives XOF and XAF."""

    form = ExchangeRateForm
    list_display = ["currency", "date", "cad_per_unit", "source", "entered_by", "confirmed_at"]
    list_filter = ["source", "currency"]
    search_fields = ["currency", "note"]
    date_hierarchy = "date"
    fields = ["currency", "date", "cad_per_unit", "note", "source", "entered_by", "confirmed_at"]
    readonly_fields = ["source", "entered_by", "confirmed_at"]

    def get_readonly_fields(self, request, obj=None):
        # The currency and day identify the rate; change the value, or add another day.
        return [*self.readonly_fields, "currency", "date"] if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        stored = exchange_rate_set(
            currency=obj.currency, cad_per_unit=obj.cad_per_unit, on=obj.date, user=request.user,
            note=obj.note or "Entered in the admin",
        )  # fmt: skip
        obj.pk, obj.source = stored.pk, RateSource.MANUAL

    def has_delete_permission(self, request, obj=None):
        return False  # conversions already made cite their rate; correct a rate, never remove it


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

    @admin.display(description="Fraud reasons")
    def fraud_reasons_list(self, obj):
        items = format_html_join(
            "", "<li>{} (+{}, {})</li>", ((r["reason"], r["points"], r["code"]) for r in obj.fraud_reasons)
        )
        return format_html("<ul>{}</ul>", items) if obj.fraud_reasons else "-"

    @admin.action(description="Approve the selected held payments (charge them)")
    def approve_held_payments(self, request, queryset):
        self._review(request, queryset, ReviewDecision.APPROVE)

    @admin.action(description="Reject the selected held payments (nothing charged, the buyer told)")
    def reject_held_payments(self, request, queryset):
        self._review(request, queryset, ReviewDecision.REJECT)

    def _review(self, request, queryset, decision: str) -> None:
        """Each through payment_review (locked, audited); a payment that cannot be reviewed is reported."""
        if not request.user.is_platform_staff:
            self.message_user(request, "Only staff review payments.", level=messages.ERROR)
            return
        done = 0
        for payment in queryset.order_by("id"):
            try:
                payment_review(payment=payment, reviewer=request.user, decision=decision, note="Reviewed in the admin")
                done += 1
            except DomainError as refusal:
                self.message_user(request, f"Payment {payment.pk}: {refusal.message}", level=messages.WARNING)
        if done:
            self.message_user(
                request, f"{done} payment(s) {ReviewDecision(decision).label.lower()}.", level=messages.SUCCESS
            )


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    """The ledger is append-only: staff read it here, never add, change or delete."""

    list_display = ["id", "created_at", "kind", "payment", "deal", "amount", "currency", "amount_cad"]
    list_filter = ["kind", "currency"]
    search_fields = ["provider_reference", "=payment__id", "=deal__id"]
    list_select_related = ["payment", "deal"]
    date_hierarchy = "created_at"


@admin.register(WebhookEvent)
class WebhookEventAdmin(ReadOnlyAdmin):
    """Every verified provider event, once, with its raw body; failures show their error until the
    provider's retry applies them."""

    list_display = ["provider_event_id", "provider", "event_type", "status", "attempts", "created_at", "processed_at"]
    list_filter = ["provider", "status", "event_type"]
    search_fields = ["provider_event_id", "event_type"]
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
