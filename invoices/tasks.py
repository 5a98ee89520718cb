from datetime import date

from celery import shared_task
from django.utils import timezone

from invoices.services.delivery import invoice_deliver
from invoices.services.follow_up import invoices_mark_overdue, payment_reminders_send
from invoices.services.pdf import invoice_pdf_render


@shared_task(acks_late=True, max_retries=3, default_retry_delay=60)
def invoice_publish(invoice_id: int) -> dict:
    """After an issue commits: render the PDF (a deal's invoice also files its commercial invoice), then
    deliver it. Both steps are idempotent (an issued PDF renders to the same bytes; delivery is stamped),
    so a retry or a duplicate task sends nothing twice."""
    invoice = invoice_pdf_render(invoice_id=invoice_id)
    return {"pdf_sha256": invoice.pdf_sha256, "delivered": invoice_deliver(invoice_id=invoice_id)}


def _as_of(day: str | None) -> date:
    return date.fromisoformat(day) if day else timezone.localdate()


@shared_task
def check_overdue_invoices(day: str | None = None) -> int:
    """Daily: mark each invoice past its due date overdue, once, telling the buyer and staff."""
    return invoices_mark_overdue(today=_as_of(day))


@shared_task
def send_payment_reminders(day: str | None = None) -> int:
    """Daily at 10:00 Toronto: the dunning reminders due today, each step once per invoice."""
    return payment_reminders_send(today=_as_of(day))
