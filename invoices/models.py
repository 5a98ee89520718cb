"""Invoices, credit notes and receipts of a deal, their lines and taxes, the tax rates staff keep, and
the reminders sent about them.

One table holds the three kinds of document: they share numbering, parties, lines, totals, the chain of
hashes and the PDF, and differ in series and in what they refer to. A document is a draft until it is
issued (invoices) or issued at once (credit notes, receipts); once issued its content never changes:
its number, its SHA-256 chained to the previous document of its series and its PDF's checksum prove it.
What was paid on an invoice is never stored: it is read from the ledger (invoices.selectors).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from invoices.storage import invoice_storage
from nzila_export.models import TimeStampedModel
from vehicles.models import Province

MONEY_MAX_DIGITS, MONEY_DECIMAL_PLACES = 18, 3  # as payments: 3 is the largest ISO 4217 exponent in use


class InvoiceKind(models.TextChoices):
    INVOICE = "invoice", _("Invoice")
    CREDIT_NOTE = "credit_note", _("Credit note")
    RECEIPT = "receipt", _("Receipt")
    PLATFORM = "platform", _("Platform invoice")


# Each kind is numbered in its own gapless series per calendar year (Toronto time): NZ-2026-000123.
# Platform invoices are the platform's own sales to its customers (a dealer's plan), with no deal.
SERIES_PREFIX = {
    InvoiceKind.INVOICE: "NZ", InvoiceKind.CREDIT_NOTE: "NZC", InvoiceKind.RECEIPT: "NZR", InvoiceKind.PLATFORM: "NZP",
}  # fmt: skip


class InvoiceStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")
    PARTIALLY_PAID = "partially_paid", _("Partially paid")
    PAID = "paid", _("Paid")
    OVERDUE = "overdue", _("Overdue")
    VOID = "void", _("Void")


# Where an invoice's status may move (invoices.services.status). Paid, partly paid and unpaid follow the
# ledger both ways (a lost dispute takes money back); an overdue invoice stays overdue until it is paid
# in full. Voiding (by its credit note) is final. Credit notes and receipts are issued and stay so.
INVOICE_MOVES = {
    InvoiceStatus.DRAFT: {InvoiceStatus.ISSUED},
    InvoiceStatus.ISSUED: {
        InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID, InvoiceStatus.OVERDUE, InvoiceStatus.VOID,
    },
    InvoiceStatus.PARTIALLY_PAID: {
        InvoiceStatus.ISSUED, InvoiceStatus.PAID, InvoiceStatus.OVERDUE, InvoiceStatus.VOID,
    },
    InvoiceStatus.OVERDUE: {InvoiceStatus.PAID, InvoiceStatus.VOID},
    InvoiceStatus.PAID: {InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.VOID},
    InvoiceStatus.VOID: set(),
}  # fmt: skip

# Statuses of an issued invoice that still asks for money.
OPEN_STATUSES = [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.OVERDUE]


# Which taxes apply: an export of goods from Canada is zero-rated; a domestic supply carries the taxes of
# the province it is made in (one TaxRate row per tax, e.g. QC: GST and QST).
EXPORT_REGIME = "EXPORT"
TAX_REGIME_CHOICES = [(EXPORT_REGIME, _("Export (zero-rated)")), *Province.choices]


class TaxRate(TimeStampedModel):
    """One tax of one regime, valid from a date until another: data staff edit, never literals in code.
    A change of rate is a new row from its effective date (the old one gets its end date), so that an
    invoice of any day finds the rates of that day. Names and legal bases are kept in both languages
    because they are printed on invoices in the buyer's language."""

    regime = models.CharField(verbose_name=_("tax regime"), max_length=6, choices=TAX_REGIME_CHOICES)
    code = models.CharField(verbose_name=_("code"), max_length=16, help_text=_("GST, HST, QST or ZERO"))
    name_en = models.CharField(verbose_name=_("name (English)"), max_length=100)
    name_fr = models.CharField(verbose_name=_("name (French)"), max_length=100)
    percent = models.DecimalField(verbose_name=_("rate (%)"), max_digits=6, decimal_places=3)
    legal_basis_en = models.CharField(verbose_name=_("legal basis (English)"), max_length=255)
    legal_basis_fr = models.CharField(verbose_name=_("legal basis (French)"), max_length=255)
    valid_from = models.DateField(verbose_name=_("valid from"))
    valid_until = models.DateField(
        verbose_name=_("valid until"), null=True, blank=True, help_text=_("Last day it applies; empty: until changed")
    )

    class Meta:
        verbose_name = _("tax rate")
        verbose_name_plural = _("tax rates")
        ordering = ["regime", "code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["regime", "code", "valid_from"], name="tax_rate_once_per_start"),
            models.CheckConstraint(condition=Q(percent__gte=0) & Q(percent__lt=100), name="tax_rate_percent_range"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="tax_rate_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.regime} {self.code} {self.percent}% from {self.valid_from}"


def invoice_pdf_path(instance, filename):
    return f"invoices/{instance.issued_on:%Y}/{filename}"


class Invoice(TimeStampedModel):
    """An invoice, credit note or receipt of a deal. The parties, export details and exchange rate are
    copies taken when it was drafted or issued, so that it says forever what it said that day."""

    kind = models.CharField(
        verbose_name=_("type"), max_length=12, choices=InvoiceKind.choices, default=InvoiceKind.INVOICE
    )
    deal = models.ForeignKey(
        "deals.Deal", verbose_name=_("deal"), null=True, blank=True, on_delete=models.PROTECT, related_name="invoices"
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="platform_invoices",
        help_text=_("For a platform invoice: the account the platform bills (a dealer's plan)."),
    )
    invoice = models.ForeignKey(
        "self",
        verbose_name=_("invoice"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="related_documents",
        help_text=_("For a credit note or receipt: the invoice it is about."),
    )
    payment = models.ForeignKey(
        "payments.Payment",
        verbose_name=_("payment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invoice_documents",
        help_text=_("For a receipt: the payment; for a refund's credit note: the refunded payment."),
    )
    ledger_entry = models.OneToOneField(
        "payments.LedgerEntry",
        verbose_name=_("ledger entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invoice_document",
        help_text=_("The movement of money this receipt or credit note records (one document per entry)."),
    )
    status = models.CharField(
        verbose_name=_("status"), max_length=16, choices=InvoiceStatus.choices, default=InvoiceStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(verbose_name=_("status changed at"))
    language = models.CharField(
        verbose_name=_("language"), max_length=2, help_text=_("The buyer's language: the PDF's language.")
    )
    currency = models.CharField(verbose_name=_("currency"), max_length=3)
    tax_regime = models.CharField(
        verbose_name=_("tax regime"), max_length=6, choices=TAX_REGIME_CHOICES, default=EXPORT_REGIME
    )
    seller = models.JSONField(
        verbose_name=_("seller"), default=dict, help_text=_("Name, business number, address, country, e-mail")
    )
    buyer = models.JSONField(verbose_name=_("buyer"), default=dict, help_text=_("Name, address, country, e-mail"))
    export_details = models.JSONField(
        verbose_name=_("export details"),
        default=dict,
        blank=True,
        help_text=_("HS code, country of origin, Incoterm, ports of loading and discharge"),
    )
    subtotal = models.DecimalField(
        verbose_name=_("subtotal"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, default=0
    )
    tax_total = models.DecimalField(
        verbose_name=_("tax total"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, default=0
    )
    total = models.DecimalField(
        verbose_name=_("total"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, default=0
    )
    # The rate stated on an invoice in a currency other than CAD: units of the currency per CAD.
    exchange_rate = models.DecimalField(
        verbose_name=_("exchange rate"), max_digits=24, decimal_places=12, null=True, blank=True
    )
    exchange_rate_date = models.DateField(verbose_name=_("exchange rate date"), null=True, blank=True)
    exchange_rate_source = models.CharField(verbose_name=_("exchange rate source"), max_length=20, blank=True)
    due_on = models.DateField(verbose_name=_("due on"), null=True, blank=True)
    reason = models.CharField(
        verbose_name=_("reason"), max_length=255, blank=True, help_text=_("Why a credit note was issued")
    )
    # Numbering and the chain: set once, when issued.
    series = models.CharField(
        verbose_name=_("series"), max_length=12, blank=True, help_text=_("NZ-2026, NZC-2026, NZR-2026")
    )
    sequence_number = models.PositiveIntegerField(verbose_name=_("sequence number"), null=True, blank=True)
    number = models.CharField(verbose_name=_("number"), max_length=24, blank=True)
    issued_on = models.DateField(verbose_name=_("issued on"), null=True, blank=True)
    issued_at = models.DateTimeField(verbose_name=_("issued at"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    previous_sha256 = models.CharField(verbose_name=_("previous SHA-256"), max_length=64, blank=True)
    content_sha256 = models.CharField(verbose_name=_("content SHA-256"), max_length=64, blank=True)
    # The rendered PDF (a Celery task writes it after the issue commits).
    pdf = models.FileField(
        verbose_name=_("PDF"), upload_to=invoice_pdf_path, storage=invoice_storage, max_length=255, blank=True
    )
    pdf_sha256 = models.CharField(verbose_name=_("PDF SHA-256"), max_length=64, blank=True)
    pdf_rendered_at = models.DateTimeField(verbose_name=_("PDF rendered at"), null=True, blank=True)
    commercial_invoice = models.OneToOneField(
        "documents.Document",
        verbose_name=_("commercial invoice"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The export document filed among the deal's documents when this invoice was issued."),
    )
    delivered_at = models.DateTimeField(
        verbose_name=_("delivered at"), null=True, blank=True, help_text=_("When it was sent to its recipients")
    )
    # Follow-up: marked overdue once; dunning after a failed payment starts from its day.
    overdue_at = models.DateTimeField(verbose_name=_("overdue at"), null=True, blank=True)
    dunning_started_on = models.DateField(verbose_name=_("dunning started on"), null=True, blank=True)
    voided_at = models.DateTimeField(verbose_name=_("voided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["number"], condition=~Q(number=""), name="invoice_number_unique"),
            models.UniqueConstraint(
                fields=["series", "sequence_number"],
                condition=Q(sequence_number__isnull=False),
                name="invoice_one_per_sequence_number",
            ),
            models.UniqueConstraint(
                fields=["deal"],
                condition=Q(kind="invoice") & ~Q(status="void"),
                name="invoice_one_live_per_deal",
            ),
            models.CheckConstraint(
                condition=(Q(kind="platform") & Q(deal__isnull=True) & Q(customer__isnull=False))
                | (~Q(kind="platform") & Q(deal__isnull=False)),
                name="invoice_deal_or_platform_customer",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"], name="invoice_status_due_idx"),
            models.Index(fields=["deal", "kind"], name="invoice_deal_kind_idx"),
        ]

    def __str__(self) -> str:
        return self.number or f"{self.get_kind_display()} draft {self.pk} (deal {self.deal_id})"

    @property
    def recipient(self):
        """Who the document is for: the deal's buyer, or a platform invoice's customer."""
        return self.customer if self.kind == InvoiceKind.PLATFORM else self.deal.buyer

    @property
    def is_issued(self) -> bool:
        return self.status != InvoiceStatus.DRAFT


class LineKind(models.TextChoices):
    VEHICLE = "vehicle", _("Vehicle")
    INLAND_TRANSPORT = "inland_transport", _("Inland transport to the port")
    OCEAN_FREIGHT = "ocean_freight", _("Ocean freight")
    INSURANCE = "insurance", _("Marine insurance")
    DOCUMENTATION_FEE = "documentation_fee", _("Documentation fee")
    PLATFORM_FEE = "platform_fee", _("Platform fee")
    PAYMENT = "payment", _("Payment received")
    CREDIT = "credit", _("Credit")


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(Invoice, verbose_name=_("invoice"), on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField(verbose_name=_("position"))
    kind = models.CharField(verbose_name=_("type"), max_length=20, choices=LineKind.choices)
    description = models.CharField(verbose_name=_("description"), max_length=255)
    quantity = models.DecimalField(verbose_name=_("quantity"), max_digits=10, decimal_places=3, default=1)
    unit_price = models.DecimalField(
        verbose_name=_("unit price"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES
    )
    amount = models.DecimalField(
        verbose_name=_("amount"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES
    )

    class Meta:
        verbose_name = _("invoice line")
        verbose_name_plural = _("invoice lines")
        ordering = ["invoice", "position"]
        constraints = [models.UniqueConstraint(fields=["invoice", "position"], name="invoice_line_position_once")]

    def __str__(self) -> str:
        return f"{self.invoice_id} #{self.position}: {self.description} {self.amount}"


class InvoiceTax(models.Model):
    """One tax on an invoice: the rate's code, percent, names and legal basis as they were that day."""

    invoice = models.ForeignKey(Invoice, verbose_name=_("invoice"), on_delete=models.CASCADE, related_name="taxes")
    code = models.CharField(verbose_name=_("code"), max_length=16)
    name_en = models.CharField(verbose_name=_("name (English)"), max_length=100)
    name_fr = models.CharField(verbose_name=_("name (French)"), max_length=100)
    percent = models.DecimalField(verbose_name=_("rate (%)"), max_digits=6, decimal_places=3)
    legal_basis_en = models.CharField(verbose_name=_("legal basis (English)"), max_length=255)
    legal_basis_fr = models.CharField(verbose_name=_("legal basis (French)"), max_length=255)
    taxable_amount = models.DecimalField(
        verbose_name=_("taxable amount"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES
    )
    amount = models.DecimalField(
        verbose_name=_("amount"), max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES
    )

    class Meta:
        ordering = ["invoice", "id"]
        verbose_name = _("invoice tax")
        verbose_name_plural = _("invoice taxes")

    def __str__(self) -> str:
        return f"{self.code} {self.percent}% on {self.taxable_amount}: {self.amount}"


class ReminderStep(models.TextChoices):
    """The dunning sequence, each step sent once per invoice (send_payment_reminders)."""

    BEFORE_DUE = "before_due_3", _("3 days before the due date")
    DUE = "due", _("On the due date")
    AFTER_1 = "after_due_1", _("1 day after the due date")
    AFTER_3 = "after_due_3", _("3 days after the due date")
    AFTER_7 = "after_due_7", _("7 days after the due date")


class InvoiceReminder(models.Model):
    invoice = models.ForeignKey(Invoice, verbose_name=_("invoice"), on_delete=models.CASCADE, related_name="reminders")
    step = models.CharField(verbose_name=_("step"), max_length=16, choices=ReminderStep.choices)
    sent_at = models.DateTimeField(verbose_name=_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invoice reminder")
        verbose_name_plural = _("invoice reminders")
        ordering = ["invoice", "sent_at"]
        constraints = [models.UniqueConstraint(fields=["invoice", "step"], name="invoice_reminder_step_once")]

    def __str__(self) -> str:
        return f"{self.invoice_id}: {self.step}"
