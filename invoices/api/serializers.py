from decimal import Decimal

from django.utils.translation import get_language, gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from currencies.api.serializers import MoneyRepresentationMixin
from currencies.money import money_round
from invoices.models import (
    MONEY_DECIMAL_PLACES,
    MONEY_MAX_DIGITS,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceTax,
    LineKind,
)
from invoices.selectors import invoice_balance

MAX_LINES = 50
BALANCE_FIELD = serializers.DecimalField(
    max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, allow_null=True
)


def in_caller_language(row, name: str) -> str:
    """A field kept in English and French (name_en, name_fr), in the language the API answers in."""
    return getattr(row, f"{name}_fr" if (get_language() or "").startswith("fr") else f"{name}_en")


class InvoicePartySerializer(serializers.Serializer):
    """A party as the invoice prints it: taken when it is issued, so empty on a draft."""

    name = serializers.CharField(required=False)
    business_number = serializers.CharField(required=False)
    address = serializers.CharField(required=False)
    country = serializers.CharField(required=False, help_text="ISO 3166-1 alpha-2")
    email = serializers.CharField(required=False)


class InvoiceExportDetailsSerializer(serializers.Serializer):
    """What the commercial invoice declares: taken when it is issued, so empty on a draft."""

    hs_code = serializers.CharField(required=False, help_text="Harmonized System heading: 8703 or 8704")
    country_of_origin = serializers.CharField(required=False, help_text="From the VIN; empty when it does not say")
    incoterm = serializers.CharField(required=False)
    port_of_loading = serializers.CharField(required=False, help_text="UN/LOCODE")
    port_of_discharge = serializers.CharField(required=False, help_text="UN/LOCODE")
    destination_country = serializers.CharField(required=False)


class InvoiceLineSerializer(MoneyRepresentationMixin, serializers.ModelSerializer):
    money_fields = {"unit_price": "currency", "amount": "currency"}  # currency: annotated by the view's query

    class Meta:
        model = InvoiceLine
        fields = ["position", "kind", "description", "quantity", "unit_price", "amount"]
        read_only_fields = fields


class InvoiceTaxSerializer(MoneyRepresentationMixin, serializers.ModelSerializer):
    money_fields = {"taxable_amount": "currency", "amount": "currency"}
    name = serializers.SerializerMethodField(help_text="In the caller's language")
    legal_basis = serializers.SerializerMethodField(help_text="In the caller's language")

    class Meta:
        model = InvoiceTax
        fields = ["code", "name", "percent", "legal_basis", "taxable_amount", "amount"]
        read_only_fields = fields

    def get_name(self, tax: InvoiceTax) -> str:
        return in_caller_language(tax, "name")

    def get_legal_basis(self, tax: InvoiceTax) -> str:
        return in_caller_language(tax, "legal_basis")


class InvoiceSerializer(MoneyRepresentationMixin, serializers.ModelSerializer):
    """An invoice, credit note or receipt as the list shows it."""

    money_fields = {"subtotal": "currency", "tax_total": "currency", "total": "currency"}
    invoice_number = serializers.CharField(
        source="invoice.number", default=None, read_only=True, allow_null=True,
        help_text="For a credit note or receipt: the number of the invoice it is about",
    )  # fmt: skip
    pdf_ready = serializers.SerializerMethodField(help_text="Whether the PDF is rendered: then ask pdf/ for a link")

    class Meta:
        model = Invoice
        fields = [
            "id", "number", "kind", "status", "status_changed_at", "deal", "invoice", "invoice_number", "currency",
            "language", "subtotal", "tax_total", "total", "due_on", "issued_on", "pdf_ready", "created_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_pdf_ready(self, invoice: Invoice) -> bool:
        return bool(invoice.pdf)


class InvoiceDetailSerializer(InvoiceSerializer):
    """Everything the document says, its taxes in the caller's language, and what is paid and left on an
    invoice (derived from the ledger and the credit notes, never stored)."""

    seller = InvoicePartySerializer(read_only=True)
    buyer = InvoicePartySerializer(read_only=True)
    export_details = InvoiceExportDetailsSerializer(read_only=True)
    lines = InvoiceLineSerializer(many=True, read_only=True)
    taxes = InvoiceTaxSerializer(many=True, read_only=True)
    paid = serializers.SerializerMethodField(help_text="The deal's net payments; null on credit notes and receipts")
    credited = serializers.SerializerMethodField(help_text="Credit notes issued against it; null on the others")
    balance = serializers.SerializerMethodField(help_text="Still due: total - credited - paid; null on the others")

    class Meta(InvoiceSerializer.Meta):
        fields = [
            *InvoiceSerializer.Meta.fields, "tax_regime", "seller", "buyer", "export_details", "lines", "taxes",
            "paid", "credited", "balance", "exchange_rate", "exchange_rate_date", "exchange_rate_source", "reason",
            "issued_at", "content_sha256",
        ]  # fmt: skip
        read_only_fields = fields

    def to_representation(self, invoice: Invoice):
        self._balance = invoice_balance(invoice=invoice) if invoice.kind == InvoiceKind.INVOICE else None
        return super().to_representation(invoice)

    def _balance_part(self, invoice: Invoice, name: str) -> str | None:
        if self._balance is None:
            return None
        return str(money_round(getattr(self._balance, name), invoice.currency))

    @extend_schema_field(BALANCE_FIELD)
    def get_paid(self, invoice: Invoice) -> str | None:
        return self._balance_part(invoice, "paid")

    @extend_schema_field(BALANCE_FIELD)
    def get_credited(self, invoice: Invoice) -> str | None:
        return self._balance_part(invoice, "credited")

    @extend_schema_field(BALANCE_FIELD)
    def get_balance(self, invoice: Invoice) -> str | None:
        return self._balance_part(invoice, "balance")


class InvoiceLineInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=LineKind.choices,
        help_text="vehicle (exactly one), inland_transport, ocean_freight and insurance (CIF only), "
        "documentation_fee, platform_fee",
    )
    description = serializers.CharField(max_length=255)
    quantity = serializers.DecimalField(max_digits=10, decimal_places=3, min_value=Decimal("0.001"), default=Decimal(1))
    unit_price = serializers.DecimalField(
        max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, min_value=Decimal(0),
        help_text="In the invoice's currency, with at most its decimals (none for XOF)",
    )  # fmt: skip


class InvoiceUpdateSerializer(serializers.Serializer):
    lines = serializers.ListField(
        child=InvoiceLineInputSerializer(), required=False, allow_empty=False, max_length=MAX_LINES,
        help_text="All the lines, in order, in place of the draft's: they must add up to the deal's agreed price",
    )  # fmt: skip
    due_on = serializers.DateField(required=False, help_text="Today or later")

    def validate(self, data):
        if not data:
            raise serializers.ValidationError(gettext("Send the lines, the due date or both."))
        return data


class InvoiceVoidSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=255)


class CreditNoteCreateSerializer(serializers.Serializer):
    amount = serializers.DecimalField(
        max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, min_value=Decimal("0.001"),
        help_text="In the invoice's currency; at most what is left uncredited",
    )  # fmt: skip
    reason = serializers.CharField(max_length=255, help_text="Printed on the credit note")
