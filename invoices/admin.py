from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from audit.admin_edits import AuditedAdminMixin
from currencies.money import money_round
from invoices.downloads import invoice_download_link
from invoices.models import Invoice, InvoiceKind, InvoiceLine, InvoiceStatus, InvoiceTax, TaxRate
from invoices.selectors import invoice_balance
from invoices.services.issuing import invoice_issue, invoice_publish_after_commit
from nzila_export.exceptions import DomainError
from payments.admin import ReadOnlyAdmin


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class InvoiceLineInline(ReadOnlyInline):
    model = InvoiceLine
    fields = ["position", "kind", "description", "quantity", "unit_price", "amount"]


class InvoiceTaxInline(ReadOnlyInline):
    model = InvoiceTax
    fields = ["code", "name_en", "name_fr", "percent", "legal_basis_en", "taxable_amount", "amount"]


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyAdmin):
    """Read-only, drafts included: a draft's lines and due date are corrected through the API
    (invoice_draft_update checks them against the deal), and an issued document never changes."""

    list_display = ["__str__", "kind", "deal", "status", "total", "currency", "due_on", "issued_on"]
    list_filter = ["status", "kind", "currency", "tax_regime", "issued_on"]
    search_fields = ["number", "=deal__id", "buyer__name", "deal__buyer__company_name", "deal__buyer__username"]
    list_select_related = ["deal"]
    date_hierarchy = "created_at"
    readonly_fields = ["amounts_due", "pdf_link"]
    fieldsets = [
        (None, {"fields": ["number", "kind", "status", "deal", "invoice", "payment", "reason"]}),
        (_("Amounts"), {"fields": ["currency", "subtotal", "tax_total", "total", "amounts_due", "tax_regime"]}),
        (_("Exchange rate"), {"fields": ["exchange_rate", "exchange_rate_date", "exchange_rate_source"]}),
        (_("Parties and export"), {"fields": ["language", "seller", "buyer", "export_details"]}),
        (_("Dates"), {"fields": ["due_on", "issued_on", "issued_at", "issued_by", "status_changed_at", "voided_at"]}),
        (_("PDF and delivery"), {"fields": ["pdf_link", "pdf_sha256", "pdf_rendered_at", "delivered_at"]}),
        (_("Chain"), {"fields": ["series", "sequence_number", "previous_sha256", "content_sha256"]}),
    ]
    inlines = [InvoiceLineInline, InvoiceTaxInline]
    actions = ["issue_drafts", "render_pdf_again"]

    @admin.display(description=_("Paid, credited and due"))
    def amounts_due(self, invoice: Invoice) -> str:
        if invoice.kind != InvoiceKind.INVOICE:
            return "-"
        balance, currency = invoice_balance(invoice=invoice), invoice.currency
        return gettext("paid %(paid)s, credited %(credited)s, due %(due)s %(currency)s") % {
            "paid": money_round(balance.paid, currency), "credited": money_round(balance.credited, currency),
            "due": money_round(balance.balance, currency), "currency": currency,
        }  # fmt: skip

    @admin.display(description=_("PDF"))
    def pdf_link(self, invoice: Invoice) -> str:
        if not invoice.pdf:
            return gettext("Not rendered yet")
        url = reverse("admin:invoices_invoice_pdf", args=[invoice.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Download the PDF"))

    def get_urls(self):
        return [
            path("<int:invoice_id>/pdf/", self.admin_site.admin_view(self.pdf_view), name="invoices_invoice_pdf"),
            *super().get_urls(),
        ]

    def pdf_view(self, request, invoice_id: int):
        """Staff open the PDF through a fresh signed link, made when they click, so that every download is
        audited alike."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        invoice = get_object_or_404(Invoice.objects.exclude(pdf=""), pk=invoice_id)
        return HttpResponseRedirect(invoice_download_link(invoice=invoice, user=request.user).path)

    @admin.action(description=_("Issue the selected drafts"))
    def issue_drafts(self, request, queryset):
        """Each through invoice_issue, as the user; a refusal is reported and the others go on."""
        drafts = queryset.filter(kind=InvoiceKind.INVOICE, status=InvoiceStatus.DRAFT)
        skipped, issued = queryset.count() - drafts.count(), 0
        for invoice in drafts.order_by("id"):
            try:
                invoice_issue(invoice=invoice, user=request.user)
                issued += 1
            except DomainError as refusal:
                self.message_user(
                    request,
                    gettext("%(invoice)s: %(refusal)s") % {"invoice": invoice, "refusal": refusal.message},
                    level=messages.ERROR,
                )
        self.message_user(
            request, ngettext("%(count)d invoice issued.", "%(count)d invoices issued.", issued) % {"count": issued}
        )
        if skipped:
            message = ngettext(
                "%(count)d selected document is not a draft invoice: left alone.",
                "%(count)d selected documents are not draft invoices: left alone.",
                skipped,
            )
            self.message_user(request, message % {"count": skipped}, level=messages.WARNING)

    @admin.action(description=_("Render the PDF of the selected documents again (and send any not yet sent)"))
    def render_pdf_again(self, request, queryset):
        """Queues invoice_publish, which renders the same bytes again and delivers only what was not sent."""
        issued = list(queryset.exclude(status=InvoiceStatus.DRAFT).order_by("id"))
        for invoice in issued:
            invoice_publish_after_commit(invoice)
        message = ngettext("%(count)d PDF queued for rendering.", "%(count)d PDFs queued for rendering.", len(issued))
        self.message_user(request, message % {"count": len(issued)})
        skipped = queryset.count() - len(issued)
        if skipped:
            message = ngettext(
                "%(count)d selected draft left alone: a draft has no PDF.",
                "%(count)d selected drafts left alone: a draft has no PDF.",
                skipped,
            )
            self.message_user(request, message % {"count": skipped}, level=messages.WARNING)


class TaxRateForm(forms.ModelForm):
    class Meta:
        model = TaxRate
        fields = [
            "regime", "code", "name_en", "name_fr", "percent", "legal_basis_en", "legal_basis_fr", "valid_from",
            "valid_until",
        ]  # fmt: skip

    def clean(self):
        """Two rows of one tax in force on the same day would tax an invoice twice."""
        cleaned = super().clean()
        regime, code, start = cleaned.get("regime"), cleaned.get("code"), cleaned.get("valid_from")
        if regime and code and start:
            end = cleaned.get("valid_until")
            overlapping = (
                TaxRate.objects.filter(regime=regime, code=code)
                .exclude(pk=self.instance.pk)
                .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=start))
            )
            if end is not None:
                overlapping = overlapping.filter(valid_from__lte=end)
            other = overlapping.order_by("valid_from").first()
            if other is not None:
                raise forms.ValidationError(
                    gettext("%(rate)s is in force for part of this period: give it its last day first.")
                    % {"rate": other}
                )
        return cleaned


@admin.register(TaxRate)
class TaxRateAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Staff keep the rates current: a change of rate is a new row from its effective date, after the old
    row is given its last day. Invoices copy the rate they use, so an edit never changes an issued one.
    Every add and edit is audited ("tax_rate.staff_create", "tax_rate.staff_edit")."""

    form = TaxRateForm
    list_display = ["regime", "code", "name_en", "percent", "valid_from", "valid_until"]
    list_filter = ["regime", "code"]
    search_fields = ["code", "name_en", "name_fr"]
    date_hierarchy = "valid_from"

    def has_delete_permission(self, request, obj=None):
        return False  # the history of rates stays; a wrong row is corrected
