"""A broker's monthly statement: its commission entries of a month as CSV and PDF, in its language, e-mailed
on the 1st of the next month (commissions.tasks.send_commission_statements), once per broker and month.

The rule: a statement lists the entries of the broker's commissions recorded in the month, Toronto time,
whatever month their deal completed in: the accruals of the deals completed in the month, and the tier
adjustments and reversals recorded in the month on those or on earlier commissions. Its total is the sum
of exactly those entries, so that successive statements add up to what the commissions are worth.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from accounts.models import User
from audit.services import audit_record
from commissions.models import CommissionEntry, CommissionRole, CommissionStatement, EntryKind
from deals.models import Deal
from invoices.services.pdf import FONTS, company_details, pdf_from_html
from notifications.services import notify

# Where CommissionStatement keeps its files (documents.storage.document_storage): private.
STATEMENT_STORAGE = "documents"
BATCH_SIZE = 200
CENT = Decimal("0.01")
COLUMNS = (
    gettext_lazy("Date"),
    gettext_lazy("Deal"),
    gettext_lazy("Role"),
    gettext_lazy("Entry"),
    gettext_lazy("Rate (%)"),
    gettext_lazy("Amount (CAD)"),
)


@dataclass(frozen=True)
class StatementLine:
    day: date
    deal: Deal
    role: str
    kind: str
    percent: Decimal
    amount_cad: Decimal

    @property
    def role_label(self) -> str:
        return CommissionRole(self.role).label

    @property
    def kind_label(self) -> str:
        return EntryKind(self.kind).label


@dataclass(frozen=True)
class Statement:
    broker: User
    month: date
    lines: tuple[StatementLine, ...]

    @property
    def total_cad(self) -> Decimal:
        return sum((line.amount_cad for line in self.lines), Decimal("0.00"))

    @property
    def language(self) -> str:
        return self.broker.preferred_language

    @property
    def broker_name(self) -> str:
        return self.broker.company_name or self.broker.get_full_name() or self.broker.username


def statement_month(*, value: str | None) -> date:
    """The first day of the month `value` names (YYYY-MM), by default last month; ValueError otherwise."""
    if value:
        return datetime.strptime(value, "%Y-%m").date()
    return (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)


def _month_entries(*, month: date) -> QuerySet[CommissionEntry]:
    start = month.replace(day=1)
    following = (start + timedelta(days=31)).replace(day=1)
    zone = timezone.get_default_timezone()
    return CommissionEntry.objects.filter(
        created_at__gte=datetime(start.year, start.month, 1, tzinfo=zone),
        created_at__lt=datetime(following.year, following.month, 1, tzinfo=zone),
    )


def statement_brokers(*, month: date) -> QuerySet[User]:
    """The brokers with at least one entry recorded in the month."""
    return User.objects.filter(pk__in=_month_entries(month=month).values("commission__broker_id")).order_by("pk")


def broker_statement(*, broker: User, month: date) -> Statement:
    """The broker's entries recorded in the month (see the module's rule), oldest first."""
    entries = (
        _month_entries(month=month)
        .filter(commission__broker=broker)
        .select_related("commission__deal__vehicle")
        .order_by("created_at", "id")
    )
    zone = timezone.get_default_timezone()
    lines = tuple(
        StatementLine(
            day=timezone.localtime(entry.created_at, zone).date(),
            deal=entry.commission.deal,
            role=entry.commission.role,
            kind=entry.kind,
            percent=entry.percent,
            amount_cad=entry.amount_cad,
        )
        for entry in entries
    )
    return Statement(broker=broker, month=month.replace(day=1), lines=lines)


def _cents(amount: Decimal) -> str:
    return str(amount.quantize(CENT))


def statement_csv(*, statement: Statement) -> bytes:
    """One row per entry (ISO date, deal number, role, entry, rate, CAD amount as plain decimals) and a total
    row, headed in the broker's language; UTF-8 with a byte-order mark, so that Excel shows the accents."""
    rows = io.StringIO()
    writer = csv.writer(rows)
    with translation.override(statement.language):
        writer.writerow([str(column) for column in COLUMNS])
        for line in statement.lines:
            writer.writerow([
                line.day.isoformat(), line.deal.pk, str(line.role_label), str(line.kind_label), str(line.percent),
                _cents(line.amount_cad),
            ])  # fmt: skip
        writer.writerow([gettext("Total"), "", "", "", "", _cents(statement.total_cad)])
    return rows.getvalue().encode("utf-8-sig")


def commission_statement_download_record(*, statement: Statement, file_format: str, user: User) -> None:
    """Who downloaded which broker's statement of which month, as what."""
    audit_record(
        action="commission.statement_download",
        instance=statement.broker,
        user=user,
        changes={
            "format": file_format,
            "filters": {"broker": statement.broker.pk, "month": f"{statement.month:%Y-%m}"},
            "rows": len(statement.lines),
        },
    )


def statement_pdf(*, statement: Statement) -> bytes:
    """The statement printed in the broker's language, in the look of the invoices."""
    context = {
        "statement": statement,
        "columns": COLUMNS,
        "language": statement.language,
        "company": company_details(),
        "fonts": FONTS,
    }
    with translation.override(statement.language):
        html = render_to_string("commissions/statement.html", context)
    return pdf_from_html(html=html)


def commission_statements_send(*, month: date) -> int:
    """Send each broker with entries in the month its statement, once; how many were sent now."""
    month = month.replace(day=1)
    brokers = statement_brokers(month=month).exclude(commission_statements__month=month)
    return sum(
        commission_statement_send(statement=broker_statement(broker=broker, month=month))
        for broker in brokers.iterator(chunk_size=BATCH_SIZE)
    )


def commission_statement_send(*, statement: Statement) -> bool:
    """Store the statement's CSV and PDF and tell the broker with both attached (event
    "commission.statement"). The unique constraint on (broker, month) lets one of two runs at once send;
    the other removes the files it stored and sends nothing (False)."""
    record = CommissionStatement(broker=statement.broker, month=statement.month, sent_at=timezone.now())
    with translation.override(statement.language):
        shown_name = gettext("commission-statement-%(month)s") % {"month": f"{statement.month:%Y-%m}"}
    stored_name = f"{statement.broker.pk}-{statement.month:%Y-%m}"
    record.csv.save(f"{stored_name}.csv", ContentFile(statement_csv(statement=statement)), save=False)
    record.pdf.save(f"{stored_name}.pdf", ContentFile(statement_pdf(statement=statement)), save=False)
    try:
        with transaction.atomic():
            record.save()
            notify(
                event="commission.statement",
                recipients=[statement.broker],
                context={
                    "month": statement.month,
                    "total_cad": statement.total_cad,
                    "entry_count": len(statement.lines),
                    "attachments": [
                        _attachment(file=record.csv, filename=f"{shown_name}.csv", content_type="text/csv"),
                        _attachment(file=record.pdf, filename=f"{shown_name}.pdf", content_type="application/pdf"),
                    ],
                },
                related_object=record,
            )
            audit_record(
                action="commission.statement",
                instance=record,
                changes={"total_cad": _cents(statement.total_cad), "entries": len(statement.lines)},
            )
    except IntegrityError:
        record.csv.delete(save=False)
        record.pdf.delete(save=False)
        if not CommissionStatement.objects.filter(broker=statement.broker, month=statement.month).exists():
            raise
        return False
    return True


def _attachment(*, file, filename: str, content_type: str) -> dict:
    return {"storage": STATEMENT_STORAGE, "name": file.name, "filename": filename, "content_type": content_type}
