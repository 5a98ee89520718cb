from datetime import date

from django.utils.translation import ngettext

from invoices.services.follow_up import invoices_mark_overdue
from nzila_export.management.dated import DatedCommand


class Command(DatedCommand):
    help = "Mark the invoices past their due date overdue, telling buyers and staff (default: as of today)."

    def run_for(self, day: date) -> str:
        count = invoices_mark_overdue(today=day)
        return ngettext(
            "%(count)d invoice marked overdue as of %(day)s.", "%(count)d invoices marked overdue as of %(day)s.", count
        ) % {"count": count, "day": day.isoformat()}
