from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from currencies.money import money_precision_refusal, money_round
from nzila_export.exceptions import DomainError
from payments.models import (
    Discrepancy,
    LedgerEntry,
    Payment,
    ReconciliationRun,
    ReviewDecision,
)
from payments.selectors import payment_amount_refunded
from payments.services.refunds import REFUNDABLE_STATUSES, payment_refund
from payments.services.reviews import payment_review


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff read these rows; they change only through the services (money, statuses, provider events)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RefundForm(forms.Form):
    """What staff refund of a captured payment: checked here against what is left, in the payment's
    currency with its number of decimals, so that a mistake is a field error; payment_refund checks it
    again under the payment's lock."""

    amount = forms.DecimalField(label=_("Amount"), max_digits=18)  # its decimals: the currency's, in clean_amount
    reason = forms.CharField(label=_("Reason"), max_length=255, help_text=_("Kept in the ledger and the audit log."))

    def __init__(self, *args, payment: Payment, refundable: Decimal, **kwargs):
        super().__init__(*args, **kwargs)
        self.payment, self.refundable = payment, refundable
        self.fields["amount"].help_text = gettext("At most %(amount)s %(currency)s.") % {
            "amount": refundable, "currency": payment.currency,
        }  # fmt: skip

    def clean_amount(self) -> Decimal:
        amount, currency = self.cleaned_data["amount"], self.payment.currency
        if amount <= 0:
            raise forms.ValidationError(gettext("The refund must be a positive amount."))
        if refusal := money_precision_refusal(amount, currency):
            raise forms.ValidationError(refusal)
        if amount > self.refundable:
            raise forms.ValidationError(
                gettext("At most %(amount)s %(currency)s of this payment can still be refunded.")
                % {"amount": self.refundable, "currency": currency}
            )
        return amount


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    """Read-only: a payment's money and status change only through the services, each in a locked
    transaction and audited: held payments are reviewed by the actions, a captured one is refunded from
    its page (the Refund button, a form that calls payment_refund)."""

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

    def get_urls(self):
        refund = self.admin_site.admin_view(self.refund_view)
        return [path("<int:payment_id>/refund/", refund, name="payments_payment_refund"), *super().get_urls()]

    def has_refund_permission(self, request) -> bool:
        """Staff who may change payments refund them (the admin itself changes none)."""
        return request.user.is_platform_staff and request.user.has_perm("payments.change_payment")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        payment = Payment.objects.filter(pk=object_id).first() if str(object_id).isdecimal() else None
        can_refund = (
            payment is not None and payment.status in REFUNDABLE_STATUSES and self.has_refund_permission(request)
        )
        refund_url = reverse("admin:payments_payment_refund", args=[payment.pk]) if can_refund else ""
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "refund_url": refund_url})

    def refund_view(self, request, payment_id: int):
        """Refund all or part of a captured payment through payment_refund (locked, audited, the payer told).
        A refusal of the service is the form's error, never a 500."""
        if not self.has_refund_permission(request):
            raise PermissionDenied
        payment = get_object_or_404(Payment.objects.select_related("deal", "payer"), pk=payment_id)
        change_url = reverse("admin:payments_payment_change", args=[payment.pk])
        if payment.status not in REFUNDABLE_STATUSES:
            self.message_user(
                request,
                gettext("A %(status)s payment cannot be refunded.") % {"status": payment.get_status_display().lower()},
                messages.ERROR,
            )
            return HttpResponseRedirect(change_url)
        refunded = payment_amount_refunded(payment=payment)
        refundable = money_round(payment.amount - refunded, payment.currency)
        form = RefundForm(request.POST or None, payment=payment, refundable=refundable)
        status = 400 if form.is_bound and not form.is_valid() else 200
        if status == 200 and form.is_bound:
            amount = form.cleaned_data["amount"]
            try:
                payment_refund(payment=payment, reason=form.cleaned_data["reason"], user=request.user, amount=amount)
            except DomainError as refusal:  # a refusal under the lock, or the provider's: the form again, with it
                form.add_error("amount" if refusal.field == "amount" else None, refusal.message)
                status = refusal.status_code
            else:
                self.message_user(
                    request,
                    gettext("%(amount)s %(currency)s of payment %(payment)s refunded.")
                    % {
                        "amount": money_round(amount, payment.currency),
                        "currency": payment.currency,
                        "payment": payment.pk,
                    },
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Refund payment %(payment)s") % {"payment": payment.pk},
            "opts": self.model._meta,
            "original": payment,
            "payment": payment,
            "paid": money_round(payment.amount, payment.currency),
            "refunded": money_round(refunded, payment.currency),
            "refundable": refundable,
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/payments/payment/refund.html", context, status=status)

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
