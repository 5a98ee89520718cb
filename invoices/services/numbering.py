"""Gapless numbers and the chain of hashes.

A number is taken when a document is issued, inside the issuing transaction, from the series' row in
django-sequences' table (`NZ-2026`: an upsert that locks the row until the transaction ends). A
transaction that rolls back gives its number back, and two issues at once wait for each other, so the
numbers of a series and year are consecutive with no gap and no duplicate; never `max + 1`.

Each issued document stores the SHA-256 of its canonical content (every field it prints, as JSON with
sorted keys) together with the previous document's hash in its series, so that changing, removing or
inserting an issued row breaks the chain from there on; `verify_invoice_chain` finds the first break.
Because the series' row stays locked until commit, the previous document is always committed and final.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext
from sequences import get_next_value

from invoices.models import SERIES_PREFIX, Invoice


@dataclass(frozen=True)
class Number:
    series: str
    sequence_number: int
    number: str


def number_take(*, kind: str, on: date) -> Number:
    """The next number of `kind`'s series for `on`'s year. Call inside the issuing transaction."""
    series = f"{SERIES_PREFIX[kind]}-{on.year}"
    value = get_next_value(f"invoices.{series}")
    return Number(series=series, sequence_number=value, number=f"{series}-{value:06d}")


def _plain(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def invoice_canonical_content(invoice: Invoice) -> bytes:
    """Everything the document says, read from the database rows, as canonical JSON bytes."""
    fields = [
        "kind", "number", "series", "sequence_number", "issued_on", "due_on", "currency", "tax_regime", "language",
        "deal_id", "payment_id", "seller", "buyer", "export_details", "subtotal", "tax_total", "total",
        "exchange_rate", "exchange_rate_date", "exchange_rate_source", "reason", "previous_sha256",
    ]  # fmt: skip
    content = {name: _plain(getattr(invoice, name)) for name in fields}
    content["invoice"] = invoice.invoice.number if invoice.invoice_id else ""
    content["lines"] = [
        {name: _plain(value) for name, value in line.items()}
        for line in invoice.lines.order_by("position").values(
            "position", "kind", "description", "quantity", "unit_price", "amount"
        )
    ]
    content["taxes"] = [
        {name: _plain(value) for name, value in tax.items()}
        for tax in invoice.taxes.order_by("id").values(
            "code", "name_en", "name_fr", "percent", "legal_basis_en", "legal_basis_fr", "taxable_amount", "amount"
        )
    ]
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def invoice_digest(invoice: Invoice) -> str:
    return hashlib.sha256(invoice_canonical_content(invoice)).hexdigest()


def previous_digest(*, series: str, sequence_number: int) -> str:
    if sequence_number == 1:
        return ""
    previous = Invoice.objects.filter(series=series, sequence_number=sequence_number - 1).first()
    return previous.content_sha256 if previous is not None else ""


@dataclass(frozen=True)
class ChainCheck:
    checked: int  # issued documents read up to the break, or all of them
    broken_number: str = ""  # the first broken link; "" when the whole chain holds
    problem: str = ""

    @property
    def holds(self) -> bool:
        return not self.broken_number


def invoice_chain_verify() -> ChainCheck:
    """Check every series (in series, then number order) and stop at its first broken link: a missing
    number, a document not pointing at its predecessor's hash, or content that no longer matches its own
    hash. Reads every issued document once, in batches."""
    issued = Invoice.objects.exclude(sequence_number=None).order_by("series", "sequence_number")
    series, expected_number, previous, checked = None, 1, "", 0
    for invoice in issued.select_related("invoice").iterator(chunk_size=500):
        if invoice.series != series:
            series, expected_number, previous = invoice.series, 1, ""
        if invoice.sequence_number != expected_number:
            return ChainCheck(
                checked=checked,
                broken_number=f"{series}-{expected_number:06d}",
                problem=gettext("missing: the series jumps from it to %(number)s") % {"number": invoice.number},
            )
        if invoice.previous_sha256 != previous:
            problem = gettext("it does not point at the previous document's hash")
            return ChainCheck(checked=checked, broken_number=invoice.number, problem=problem)
        if invoice_digest(invoice) != invoice.content_sha256:
            problem = gettext("its content no longer matches its hash")
            return ChainCheck(checked=checked, broken_number=invoice.number, problem=problem)
        expected_number, previous, checked = expected_number + 1, invoice.content_sha256, checked + 1
    return ChainCheck(checked=checked)
