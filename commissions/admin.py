from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from audit.admin_edits import AuditedAdminMixin
from commissions.models import (
    BrokerPayoutAccount,
    Commission,
    CommissionEntry,
    CommissionPlan,
    CommissionTier,
    Payout,
)
from commissions.services.payouts import broker_payout_account_set, commission_mark_paid
from commissions.services.review import commission_approve, commission_hold, commission_release
from commissions.summaries import commissions_with_amount
from invoices.admin import ReadOnlyInline
from nzila_export.exceptions import DomainError
from nzila_export.field_encryption import masked
from nzila_export.stored_text import stored_text_read
from payments.admin import ReadOnlyAdmin

PAYOUT_ACCOUNT_FIELDS = ["preferred_rail", "mobile_money_phone", "stripe_account_id", "bank_details"]
# Encrypted at rest (MASKED_PAYOUT_FIELDS): never shown in clear, only typed in, each with a box to remove it.
SEALED_FIELDS = {"mobile_money_phone": "remove_mobile_money_phone", "bank_details": "remove_bank_details"}


class BrokerChoicesOnly:
    """A `broker` field offers the users who are brokers, not every user."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "broker":
            kwargs["queryset"] = db_field.related_model.objects.filter(role=Role.BROKER).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CommissionTierInline(admin.TabularInline):
    model = CommissionTier
    extra = 1
    fields = ["threshold", "percent"]


@admin.register(CommissionPlan)
class CommissionPlanAdmin(AuditedAdminMixin, BrokerChoicesOnly, admin.ModelAdmin):
    """Staff keep the plans. A commission copies its tier's rate when it accrues, so an edit counts from the
    next accrual or weekly adjustment on; a tier or plan a commission was computed with cannot be deleted.
    Every add, edit and delete, of the plan and of its tiers, is audited with the values before and after."""

    list_display = ["name", "broker", "basis", "period", "application", "valid_from", "valid_until"]
    list_filter = ["basis", "period", "application"]
    search_fields = ["name", "broker__username"]
    list_select_related = ["broker"]
    inlines = [CommissionTierInline]


class CommissionEntryInline(ReadOnlyInline):
    model = CommissionEntry
    fields = ["kind", "amount_cad", "percent", "note_text", "created_at"]
    readonly_fields = ["created_at", "note_text"]

    @admin.display(description=_("note"))
    def note_text(self, entry: CommissionEntry) -> str:
        return stored_text_read(entry.note)  # in the staff member's language, not as JSON


class CommissionActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason (to hold)"), required=False, max_length=255, widget=forms.TextInput(attrs={"size": 40})
    )
    reference = forms.CharField(
        label=_("Transfer reference (to mark paid)"), required=False, max_length=100,
        widget=forms.TextInput(attrs={"size": 30}),
    )  # fmt: skip


@admin.register(Commission)
class CommissionAdmin(ReadOnlyAdmin):
    """Read-only: a commission's amount is its entries, and its status moves through the review services
    (the bulk actions here), each on a locked row and audited."""

    list_display = [
        "id", "broker", "deal", "role", "status", "percent", "share_percent", "amount_cad", "period_start",
        "completed_on",
    ]  # fmt: skip
    list_filter = ["status", "role", "period_start", "plan"]
    search_fields = ["broker__username", "=deal__id"]
    list_select_related = ["broker", "deal", "plan"]
    date_hierarchy = "completed_on"
    readonly_fields = ["amount_cad"]
    fieldsets = [
        (None, {"fields": ["deal", "broker", "role", "status", "hold_reason", "amount_cad"]}),
        (_("Computed with"), {"fields": ["plan", "tier", "percent", "share_percent", "period_start"]}),
        (_("The deal"), {"fields": ["deal_amount", "deal_currency", "cad_rate", "base_cad", "completed_on"]}),
        (_("Dates"), {"fields": ["status_changed_at", "approved_at", "paid_at"]}),
    ]
    inlines = [CommissionEntryInline]
    action_form = CommissionActionForm
    actions = ["approve_selected", "hold_selected", "release_selected", "mark_paid_selected"]

    def get_queryset(self, request):
        return commissions_with_amount(commissions=super().get_queryset(request))

    @admin.display(description=_("Amount (CAD)"), ordering="amount_cad")
    def amount_cad(self, commission: Commission):
        return commission.amount_cad

    def _decide(self, request, queryset, decide, *, done) -> None:
        """Each commission through `decide`, as the user; a refusal is reported and the others go on; then
        `done(count)`, the message saying how many were decided."""
        decided = 0
        for commission in queryset.order_by("id"):
            try:
                decide(commission)
                decided += 1
            except DomainError as refusal:
                self.message_user(
                    request,
                    gettext("Commission %(id)s: %(refusal)s") % {"id": commission.pk, "refusal": refusal.message},
                    level=messages.ERROR,
                )
        self.message_user(request, done(decided) % {"count": decided})

    def _asked(self, request, field: str, *, missing: str) -> str:
        """The action form's `field`, or "" after telling the user `missing`."""
        value = request.POST.get(field, "").strip()
        if not value:
            self.message_user(request, missing, level=messages.ERROR)
        return value

    @admin.action(description=_("Approve the selected pending commissions now"))
    def approve_selected(self, request, queryset):
        self._decide(
            request, queryset, lambda row: commission_approve(commission=row, user=request.user),
            done=lambda count: ngettext("%(count)d commission approved.", "%(count)d commissions approved.", count),
        )  # fmt: skip

    @admin.action(description=_("Hold the selected commissions (give the reason)"))
    def hold_selected(self, request, queryset):
        reason = self._asked(request, "reason", missing=gettext("Give the reason to hold the commissions."))
        if reason:
            self._decide(
                request, queryset, lambda row: commission_hold(commission=row, reason=reason, user=request.user),
                done=lambda count: ngettext("%(count)d commission held.", "%(count)d commissions held.", count),
            )  # fmt: skip

    @admin.action(description=_("Release the selected held commissions"))
    def release_selected(self, request, queryset):
        self._decide(
            request, queryset, lambda row: commission_release(commission=row, user=request.user),
            done=lambda count: ngettext("%(count)d commission released.", "%(count)d commissions released.", count),
        )  # fmt: skip

    @admin.action(description=_("Mark the selected approved commissions paid by bank transfer (give the reference)"))
    def mark_paid_selected(self, request, queryset):
        reference = self._asked(request, "reference", missing=gettext("Give the reference of the transfer."))
        if reference:
            self._decide(
                request, queryset,
                lambda row: commission_mark_paid(commission=row, reference=reference, user=request.user),
                done=lambda count: ngettext(
                    "%(count)d commission marked paid.", "%(count)d commissions marked paid.", count
                ),
            )  # fmt: skip


@admin.register(Payout)
class PayoutAdmin(ReadOnlyAdmin):
    """Read-only: a payout is made and settled through commissions.services.payouts, its status by the rail's
    answer or a status query, each audited."""

    list_display = [
        "id", "commission", "rail", "status", "provider_reference", "amount_cad", "amount", "currency", "requested_at",
    ]  # fmt: skip
    list_filter = ["status", "rail", "currency"]
    search_fields = ["provider_reference", "commission__broker__username", "=commission__id"]
    list_select_related = ["commission"]
    date_hierarchy = "requested_at"
    exclude = ["destination"]  # encrypted at rest: shown masked
    readonly_fields = ["paid_to"]

    @admin.display(description=_("paid to"))
    def paid_to(self, payout: Payout) -> str:
        return masked(payout.destination)


class BrokerPayoutAccountForm(forms.ModelForm):
    """The phone and the bank details are written, never read back: each field starts empty, its help says
    what is stored (masked); a value typed replaces it, an empty field keeps it, the box removes it."""

    remove_mobile_money_phone = forms.BooleanField(label=_("Remove the mobile money phone"), required=False)
    remove_bank_details = forms.BooleanField(label=_("Remove the bank details"), required=False)

    class Meta:
        model = BrokerPayoutAccount
        fields = ["broker", *PAYOUT_ACCOUNT_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SEALED_FIELDS:
            if name not in self.fields:
                continue
            self.initial[name] = ""
            stored = masked(getattr(self.instance, name))
            if stored:
                self.fields[name].help_text = gettext(
                    "Stored: %(masked)s. Type a new value to replace it, or leave it empty to keep it."
                ) % {"masked": stored}

    def sealed_values(self) -> dict:
        """What to set of the encrypted fields: a value typed, "" for one removed, nothing for one kept."""
        values = {}
        for name, remove in SEALED_FIELDS.items():
            if self.cleaned_data.get(remove):
                values[name] = ""
            elif self.cleaned_data.get(name):
                values[name] = self.cleaned_data[name]
        return values


@admin.register(BrokerPayoutAccount)
class BrokerPayoutAccountAdmin(AuditedAdminMixin, BrokerChoicesOnly, admin.ModelAdmin):
    """Where each broker is paid: staff keep it with the broker, through broker_payout_account_set, which
    audits each change (bank details and phone numbers masked); a deletion is audited here. The phone and
    the bank details are encrypted at rest and shown masked."""

    audit_hidden_fields = ("mobile_money_phone", "bank_details")

    form = BrokerPayoutAccountForm
    list_display = ["broker", "preferred_rail", "mobile_money_phone_masked", "stripe_account_id", "updated_at"]
    list_filter = ["preferred_rail"]
    search_fields = ["broker__username", "broker__email", "stripe_account_id"]
    list_select_related = ["broker"]
    fields = ["broker", *PAYOUT_ACCOUNT_FIELDS, *SEALED_FIELDS.values()]

    def get_readonly_fields(self, request, obj=None):
        return ["broker"] if obj is not None else []  # an account is its broker's: another broker gets its own

    @admin.display(description=_("mobile money phone"))
    def mobile_money_phone_masked(self, account: BrokerPayoutAccount) -> str:
        return masked(account.mobile_money_phone)

    def save_model(self, request, obj, form, change):
        values = {name: form.cleaned_data[name] for name in PAYOUT_ACCOUNT_FIELDS if name not in SEALED_FIELDS}
        values.update(form.sealed_values())
        obj.pk = broker_payout_account_set(broker=obj.broker, user=request.user, **values).pk
