"""Following up unpaid invoices: marking them overdue once their due date has passed, and the payment
reminders of the dunning sequence (ReminderStep). Both jobs run daily (nzila_export/celery.py); each
invoice is handled in its own short transaction, its row locked and re-checked, so two runs at once
mark or remind once."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.selectors import staff_list_active
from invoices.models import OPEN_STATUSES, Invoice, InvoiceKind, InvoiceReminder, InvoiceStatus, ReminderStep
from invoices.selectors import invoice_balance
from invoices.services.delivery import invoice_message_context
from invoices.services.status import invoice_status_set
from notifications.services import notify

BATCH_SIZE = 500

# Days from the anchor (the due date, or the day a payment failed if that came first) to each step.
DAYS_AFTER_ANCHOR = {ReminderStep.DUE: 0, ReminderStep.AFTER_1: 1, ReminderStep.AFTER_3: 3, ReminderStep.AFTER_7: 7}
DAYS_BEFORE_DUE = 3


def _overdue_on(today: date) -> QuerySet[Invoice]:
    return Invoice.objects.filter(
        kind=InvoiceKind.INVOICE,
        status__in=[InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID],
        due_on__lt=today,
        overdue_at__isnull=True,
    )


def invoices_mark_overdue(*, today: date) -> int:
    """Mark each issued or partly paid invoice due before `today` overdue, telling its buyer and staff,
    once per invoice (overdue_at). Returns how many this run marked."""
    staff = list(staff_list_active())
    marked = 0
    for invoice_id in _overdue_on(today).values_list("pk", flat=True).iterator(chunk_size=BATCH_SIZE):
        marked += _invoice_mark_overdue(invoice_id=invoice_id, today=today, staff=staff)
    return marked


def _invoice_mark_overdue(*, invoice_id: int, today: date, staff: list) -> bool:
    with transaction.atomic():
        invoice = (
            _overdue_on(today)
            .select_for_update(of=("self",))
            .select_related("deal__buyer", "deal__vehicle")
            .filter(pk=invoice_id)
            .first()
        )
        if invoice is None:
            return False
        invoice.overdue_at = timezone.now()
        invoice.save(update_fields=["overdue_at", "updated_at"])
        invoice_status_set(
            invoice=invoice, to=InvoiceStatus.OVERDUE, action="invoice.overdue",
            changes={"due_on": invoice.due_on.isoformat()},
        )  # fmt: skip
        notify(
            event="invoice.overdue",
            recipients=[invoice.deal.buyer, *staff],
            context={**invoice_message_context(invoice=invoice), "balance": invoice_balance(invoice=invoice).balance},
            related_object=invoice,
        )
    return True


def reminder_step_due(*, invoice: Invoice, today: date) -> str | None:
    """The step of the dunning sequence whose day is `today`, if any: 3 days before the due date, then 0,
    1, 3 and 7 days after the anchor. Should two steps fall on one day (a payment failed well before the
    due date), the later one is sent."""
    anchor = min(invoice.due_on, invoice.dunning_started_on or invoice.due_on)
    days = {ReminderStep.BEFORE_DUE: invoice.due_on - timedelta(days=DAYS_BEFORE_DUE)}
    days |= {step: anchor + timedelta(days=offset) for step, offset in DAYS_AFTER_ANCHOR.items()}
    due_today = [step for step in ReminderStep if days[step] == today]
    return due_today[-1] if due_today else None


def _reminder_candidates(today: date) -> QuerySet[Invoice]:
    """Open invoices one of whose step days may be `today` (reminder_step_due decides)."""
    anchors = [today - timedelta(days=offset) for offset in DAYS_AFTER_ANCHOR.values()]
    return Invoice.objects.filter(kind=InvoiceKind.INVOICE, status__in=OPEN_STATUSES, due_on__isnull=False).filter(
        Q(due_on=today + timedelta(days=DAYS_BEFORE_DUE)) | Q(due_on__in=anchors) | Q(dunning_started_on__in=anchors)
    )


def payment_reminders_send(*, today: date) -> int:
    """Send the reminders whose day is `today`, each step once per invoice (InvoiceReminder), to the buyer,
    with what is still due and the link to pay. Only steps whose day is `today` are sent: a step missed
    because the job did not run that day is not sent late. A paid or void invoice is not open, so its
    reminders stop. Returns how many were sent."""
    sent = 0
    for invoice_id in _reminder_candidates(today).values_list("pk", flat=True).iterator(chunk_size=BATCH_SIZE):
        sent += _reminder_send(invoice_id=invoice_id, today=today)
    return sent


def _reminder_send(*, invoice_id: int, today: date) -> bool:
    with transaction.atomic():
        invoice = (
            _reminder_candidates(today)
            .select_for_update(of=("self",))
            .select_related("deal__buyer", "deal__vehicle")
            .filter(pk=invoice_id)
            .first()
        )
        step = reminder_step_due(invoice=invoice, today=today) if invoice is not None else None
        if step is None:
            return False
        balance = invoice_balance(invoice=invoice).balance
        if balance <= 0:
            return False
        try:
            with transaction.atomic():
                InvoiceReminder.objects.create(invoice=invoice, step=step)
        except IntegrityError:  # an earlier or concurrent run sent this step
            return False
        notify(
            event="invoice.payment_reminder",
            recipients=[invoice.deal.buyer],
            context={
                **invoice_message_context(invoice=invoice),
                "balance": balance,
                "days_to_due": (invoice.due_on - today).days,
            },
            related_object=invoice,
        )
    return True
