from datetime import timedelta
from decimal import Decimal

import pytest
from babel.dates import format_date
from django.utils import timezone

from accounts.tests.factories import StaffFactory
from audit.models import AuditLog
from invoices.models import InvoiceReminder, InvoiceStatus, ReminderStep
from invoices.services.follow_up import invoices_mark_overdue, payment_reminders_send
from invoices.services.issuing import invoice_issue
from invoices.services.settlement import invoice_dunning_start
from notifications.models import Notification
from payments.models import LedgerEntryKind, PaymentStatus
from payments.services.ledger import ledger_entry_write
from payments.tests.factories import StripePaymentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued_invoice(draft_invoice):
    """CAD 18,000 due in 14 days, its buyer writing in French."""
    return invoice_issue(invoice=draft_invoice, user=draft_invoice.deal.dealer)


def pay(invoice, amount: str) -> None:
    payment = StripePaymentFactory(deal=invoice.deal, amount=Decimal(amount), status=PaymentStatus.SUCCEEDED)
    ledger_entry_write(payment=payment, kind=LedgerEntryKind.CHARGE, amount=payment.amount)


def days_around(day, before: int, after: int):
    return [day + timedelta(days=offset) for offset in range(-before, after + 1)]


def reminder_titles() -> list[str]:
    return list(
        Notification.objects.filter(event="invoice.payment_reminder").order_by("id").values_list("title", flat=True)
    )


def test_an_invoice_past_its_due_date_is_marked_overdue_once_and_its_buyer_and_staff_told_once(issued_invoice):
    staff = StaffFactory()
    due_on = issued_invoice.due_on

    assert invoices_mark_overdue(today=due_on) == 0  # the due date is the last day to pay
    assert invoices_mark_overdue(today=due_on + timedelta(days=1)) == 1
    assert invoices_mark_overdue(today=due_on + timedelta(days=2)) == 0

    issued_invoice.refresh_from_db()
    assert issued_invoice.status == InvoiceStatus.OVERDUE
    assert issued_invoice.overdue_at is not None
    assert AuditLog.objects.filter(action="invoice.overdue", object_id=str(issued_invoice.pk)).count() == 1
    number, buyer = issued_invoice.number, issued_invoice.deal.buyer
    assert dict(Notification.objects.filter(event="invoice.overdue").values_list("user", "title")) == {
        buyer.pk: f"Facture {number} en retard : reste à payer 18 000,00 $CA",
        staff.pk: f"Invoice {number} (Sahel Motors SARL) is overdue: CA$18,000.00 unpaid",
    }


def test_a_paid_invoice_is_never_marked_overdue(issued_invoice):
    pay(issued_invoice, "18000.00")

    assert invoices_mark_overdue(today=issued_invoice.due_on + timedelta(days=1)) == 0
    issued_invoice.refresh_from_db()
    assert issued_invoice.status == InvoiceStatus.PAID


def test_each_reminder_goes_on_its_day_exactly_once(issued_invoice):
    due_on = issued_invoice.due_on
    sent_on = {}
    for day in days_around(due_on, before=5, after=9):
        sent = payment_reminders_send(today=day)
        assert payment_reminders_send(today=day) == 0  # a second run the same day
        if sent:
            sent_on[day - due_on] = sent

    assert sent_on == {timedelta(days=days): 1 for days in (-3, 0, 1, 3, 7)}
    assert list(InvoiceReminder.objects.order_by("id").values_list("step", flat=True)) == [
        ReminderStep.BEFORE_DUE, ReminderStep.DUE, ReminderStep.AFTER_1, ReminderStep.AFTER_3, ReminderStep.AFTER_7,
    ]  # fmt: skip
    number, due = issued_invoice.number, format_date(due_on, format="long", locale="fr")
    assert reminder_titles()[:2] == [
        f"Rappel : 18 000,00 $CA à régler au plus tard le {due} pour la facture {number}",
        f"Facture {number} : 18 000,00 $CA à régler aujourd'hui",
    ]
    assert reminder_titles()[-1] == f"Facture {number} en retard : reste à payer 18 000,00 $CA"


def test_reminders_ask_for_what_is_left_and_stop_once_the_invoice_is_paid(issued_invoice):
    due_on = issued_invoice.due_on
    pay(issued_invoice, "6000.00")
    assert payment_reminders_send(today=due_on - timedelta(days=3)) == 1

    pay(issued_invoice, "12000.00")
    assert [payment_reminders_send(today=day) for day in days_around(due_on, before=0, after=7)] == [0] * 8
    assert list(InvoiceReminder.objects.values_list("step", flat=True)) == [ReminderStep.BEFORE_DUE]
    assert "12 000,00 $CA" in reminder_titles()[0]


def test_a_failed_payment_starts_the_dunning_before_the_due_date(issued_invoice):
    failed = StripePaymentFactory(deal=issued_invoice.deal, status=PaymentStatus.FAILED)
    invoice_dunning_start(payment=failed)
    today, due_on = timezone.localdate(), issued_invoice.due_on

    sent = {day: payment_reminders_send(today=day) for day in days_around(today, before=0, after=14)}

    assert [day - today for day, count in sent.items() if count] == [
        timedelta(days=days) for days in (0, 1, 3, 7, (due_on - today).days - 3)
    ]
    assert list(InvoiceReminder.objects.order_by("id").values_list("step", flat=True)) == [
        ReminderStep.DUE, ReminderStep.AFTER_1, ReminderStep.AFTER_3, ReminderStep.AFTER_7, ReminderStep.BEFORE_DUE,
    ]  # fmt: skip
    due = format_date(due_on, format="long", locale="fr")
    assert reminder_titles()[0].startswith(f"Rappel : 18 000,00 $CA à régler au plus tard le {due}")


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_a_reminder_once(issued_invoice, run_at_once):
    outcomes = run_at_once(lambda: payment_reminders_send(today=issued_invoice.due_on))

    assert sorted(outcomes) == [0, 1]
    assert InvoiceReminder.objects.count() == 1
    assert Notification.objects.filter(event="invoice.payment_reminder").count() == 1
