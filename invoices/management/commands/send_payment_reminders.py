from datetime import date

from django.utils.translation import ngettext

from invoices.services.follow_up import payment_reminders_send
from nzila_export.management.dated import DatedCommand


class Command(DatedCommand):
    help = "Send the payment reminders whose day is the given one, each step once (default: today)."

    def run_for(self, day: date) -> str:
        count = payment_reminders_send(today=day)
        return ngettext(
            "%(count)d payment reminder sent for %(day)s.", "%(count)d payment reminders sent for %(day)s.", count
        ) % {"count": count, "day": day.isoformat()}
