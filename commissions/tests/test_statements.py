import csv
import io
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from pypdf import PdfReader

from accounts.tests.factories import BrokerFactory
from commissions.models import (
    CommissionEntry,
    CommissionPlan,
    CommissionStatement,
    CommissionTier,
    EntryKind,
    PlanApplication,
    PlanBasis,
)
from commissions.services.accrual import commissions_accrue
from commissions.services.approval import commissions_adjust_tiers
from commissions.statements import broker_statement, commission_statements_send, statement_csv, statement_pdf
from commissions.tasks import send_commission_statements
from notifications.models import MessageLog, MessageStatus
from notifications.tasks import dispatch_due_messages
from payments.models import LedgerEntryKind, PaymentStatus
from payments.services.ledger import ledger_entry_write
from payments.tests.factories import PayableDealFactory, StripePaymentFactory

MONTHS_FR = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


@pytest.fixture
def this_month():
    return timezone.localdate().replace(day=1)


@pytest.fixture
def broker(db):
    """A French-speaking broker on a monthly plan: 2% from its first deal of the month, 3% from its second
    on every deal of the month."""
    plan = CommissionPlan.objects.create(
        name="Standard", basis=PlanBasis.DEALS, application=PlanApplication.WHOLE_PERIOD,
        valid_from=timezone.localdate() - timedelta(days=400),
    )  # fmt: skip
    CommissionTier.objects.create(plan=plan, threshold=Decimal(1), percent=Decimal(2))
    CommissionTier.objects.create(plan=plan, threshold=Decimal(2), percent=Decimal(3))
    return BrokerFactory(first_name="Aminata", last_name="Diallo", preferred_language="fr")


@transaction.atomic  # as the payment's webhook handler writes its ledger entry
def completed_deal(*, broker, price: str):
    deal = PayableDealFactory(broker=broker, agreed_price=Decimal(price))
    payment = StripePaymentFactory(deal=deal, amount=Decimal(price), status=PaymentStatus.SUCCEEDED)
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount)
    commissions_accrue(deal=deal)
    return deal


@pytest.fixture
def month_of_deals(broker):
    """Two deals completed this month, the second lifting the first to 3% with an adjustment entry: 360.00
    accrued at 2%, 370.37 at 3% (12,345.67 CAD), then 180.00 adjusted; 910.37 in all."""
    first = completed_deal(broker=broker, price="18000.00")
    second = completed_deal(broker=broker, price="12345.67")
    assert commissions_adjust_tiers(today=timezone.localdate()) == 1
    send_due_messages()  # what the deals and payments told people before
    mail.outbox.clear()
    return first, second


def send_due_messages() -> None:
    MessageLog.objects.filter(status=MessageStatus.QUEUED).update(send_after=timezone.now())
    dispatch_due_messages()


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def run(*arguments: str) -> str:
    out = StringIO()
    call_command("send_commission_statements", *arguments, stdout=out)
    return out.getvalue().strip()


def test_a_broker_gets_one_email_with_its_month_as_csv_and_pdf(broker, month_of_deals, this_month):
    assert commission_statements_send(month=this_month) == 1
    send_due_messages()

    [email] = mail.outbox
    assert email.to == [broker.email]
    month = f"{MONTHS_FR[this_month.month - 1]} {this_month.year}"
    assert email.subject == f"Votre relevé de commissions, {month} : 910,37 $CA"  # white space made plain
    assert "Total : 910,37\xa0$CA" in email.body
    name = f"releve-commissions-{this_month:%Y-%m}"
    assert [(filename, content_type) for filename, _content, content_type in email.attachments] == [
        (f"{name}.csv", "text/csv"),
        (f"{name}.pdf", "application/pdf"),
    ]
    statement = CommissionStatement.objects.get()
    assert (statement.broker, statement.month) == (broker, this_month)
    [(_name, csv_text, _type), (_name, pdf, _type)] = email.attachments  # Django decodes a text attachment
    stored = storages["documents"]
    assert stored.open(statement.csv.name).read() == csv_text.encode()
    assert stored.open(statement.pdf.name).read() == pdf


def test_the_csv_has_one_row_per_entry_of_the_month_and_their_total_to_the_cent(broker, month_of_deals, this_month):
    first, second = month_of_deals
    today = timezone.localdate().isoformat()

    rows = csv_rows(statement_csv(statement=broker_statement(broker=broker, month=this_month)))

    entries = CommissionEntry.objects.filter(commission__broker=broker).order_by("created_at", "id")
    assert [(entry.commission.deal, entry.kind) for entry in entries] == [
        (first, EntryKind.ACCRUAL), (second, EntryKind.ACCRUAL), (first, EntryKind.ADJUSTMENT),
    ]  # fmt: skip
    assert rows == [
        ["Date", "Transaction", "Rôle", "Écriture", "Taux (%)", "Montant (CAD)"],
        [today, str(first.pk), "Courtier de la transaction", "Commission acquise", "2.000", "360.00"],
        [today, str(second.pk), "Courtier de la transaction", "Commission acquise", "3.000", "370.37"],
        [today, str(first.pk), "Courtier de la transaction", "Ajustement de palier", "3.000", "180.00"],
        ["Total", "", "", "", "", "910.37"],
    ]
    assert [Decimal(row[5]) for row in rows[1:-1]] == [entry.amount_cad for entry in entries]
    assert Decimal(rows[-1][5]) == sum(entry.amount_cad for entry in entries)


def test_the_pdf_of_a_french_broker_is_in_french_with_its_name_and_total(broker, month_of_deals, this_month):
    text = pdf_text(statement_pdf(statement=broker_statement(broker=broker, month=this_month)))

    assert f"Relevé de commissions Mois {MONTHS_FR[this_month.month - 1]} {this_month.year}" in text
    assert "Courtier Aminata Diallo" in text
    assert "Transaction Rôle Écriture Taux (%) Montant (CAD)" in text
    assert "Ajustement de palier 3 % 180,00 $CA" in text
    assert "Total 910,37 $CA" in text


def test_running_twice_sends_each_statement_once(broker, month_of_deals, this_month):
    assert commission_statements_send(month=this_month) == 1
    assert commission_statements_send(month=this_month) == 0
    send_due_messages()

    assert len(mail.outbox) == 1
    assert CommissionStatement.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_once_and_leave_one_pair_of_files(broker, month_of_deals, this_month, run_at_once):
    outcomes = run_at_once(lambda: commission_statements_send(month=this_month))

    assert sorted(outcomes) == [0, 1]
    statement = CommissionStatement.objects.get()
    assert MessageLog.objects.filter(event="commission.statement").count() == 1
    _folders, files = storages["documents"].listdir(f"commission-statements/{this_month:%Y-%m}")
    assert sorted(files) == sorted([statement.csv.name.rsplit("/", 1)[1], statement.pdf.name.rsplit("/", 1)[1]])


def test_the_command_sends_the_month_it_is_given(broker, month_of_deals, this_month):
    month = f"{this_month:%Y-%m}"

    assert run("--month", month) == f"1 commission statement sent for {month}."
    assert run("--month", month) == f"0 commission statements sent for {month}."


def test_the_command_refuses_what_is_not_a_month():
    with pytest.raises(CommandError) as refused:
        run("--month", "2026-13")

    assert str(refused.value) == "'2026-13' is not a month in the form YYYY-MM."


def test_by_default_the_command_sends_last_month_and_a_month_without_entries_sends_nothing(month_of_deals, this_month):
    last_month = (this_month - timedelta(days=1)).replace(day=1)

    assert run() == f"0 commission statements sent for {last_month:%Y-%m}."
    send_due_messages()
    assert mail.outbox == []
    assert not CommissionStatement.objects.exists()


def test_the_monthly_task_sends_the_month_it_is_given_once(month_of_deals, this_month):
    assert send_commission_statements(f"{this_month:%Y-%m}") == 1
    assert send_commission_statements(f"{this_month:%Y-%m}") == 0
